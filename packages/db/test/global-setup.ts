// Starts one embedded PostgreSQL for the whole run and hands its address to every test file
// through TEST_DATABASE_URL (each file then creates its own databases on it). Without this,
// each test process would start its own server on first use.
import { startEmbeddedPostgres } from "../src/testing.ts";

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.TEST_DATABASE_URL) return undefined;
  const server = await startEmbeddedPostgres();
  process.env.TEST_DATABASE_URL = server.url;
  return () => server.stop();
}
