import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Each file builds its own temp database and hashes its users once (scrypt is slow on
    // purpose), so the hooks get room; the tests themselves are quick.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
