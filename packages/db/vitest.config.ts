import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // One embedded PostgreSQL for the whole run (unless TEST_DATABASE_URL names a server).
    globalSetup: ["./test/global-setup.ts"],
    // Files share that server; in parallel they would only fight over two cores.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
