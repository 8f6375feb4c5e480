-- Trigram similarity (pg_trgm) for typo-tolerant search (lib/db/search.ts). PGlite ships it as a contrib
-- extension that lib/db/client.ts loads, PostgreSQL ships it in contrib.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
