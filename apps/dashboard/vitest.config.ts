import { defineConfig } from "vitest/config";

// Browser tests: one Chromium at a time against a real server on a temp database, with the
// built app (`pnpm test` builds first). Files run one after another.
export default defineConfig({
  test: {
    include: ["e2e/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A page on a busy machine may take seconds to draw; a poll waits for it, never a fixed sleep.
    expect: { poll: { timeout: 15_000, interval: 50 } },
  },
});
