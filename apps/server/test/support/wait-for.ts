/**
 * Polls until `check` returns something truthy (and returns it), or fails after `timeoutMs`
 * with the last error or value seen: tests wait for a condition, never for a fixed time.
 */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 5_000, intervalMs = 20): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`waitFor: still not true after ${timeoutMs} ms (last: ${detail})`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Resolves after `ms`: only for "nothing more arrives" checks, where there is nothing to poll. */
export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
