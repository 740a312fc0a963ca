import { defineConfig } from "vitest/config";

// Browser tests: one Chromium at a time against a real server on a temp database, with the
// built app (`pnpm test` builds first). Files run one after another.
export default defineConfig({
  test: {
    include: ["e2e/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
