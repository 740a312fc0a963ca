import { defineConfig } from "vitest/config";

/**
 * Unit tests beside the code, browser tests in e2e/. One browser at a time on a shared 2-core
 * machine: files run one after another.
 */
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "e2e/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
