export { waitFor } from "../../src/testing/index.ts";

/** Resolves after `ms`: only for "nothing more arrives" checks, where there is nothing to poll. */
export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
