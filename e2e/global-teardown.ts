// Drops the run's throwaway e2e database (set E2E_KEEP_DB=1 to keep it for inspection).
import { dropE2eDatabase } from "./e2e-db";

export default async function globalTeardown(): Promise<void> {
  if (process.env.E2E_KEEP_DB) return;
  await dropE2eDatabase();
}
