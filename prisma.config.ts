import { defineConfig } from "prisma/config";

// This machine cannot download Prisma's native schema engine. `prisma generate` does not need it, so
// point the CLI at an existing file; migrations run through scripts/db-migrate.ts (the wasm engine).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
});
