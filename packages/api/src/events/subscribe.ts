import type { EventBus, StoredEvent } from "./event-bus.ts";

/**
 * The bus as an async iterable for one subscriber: events it may see, in order, from the moment
 * of subscribing (plus, for a reconnect, what it missed). Ends when `signal` aborts.
 */
export async function* eventsFor(
  bus: EventBus,
  options: { signal: AbortSignal | undefined; lastEventId: number | null; accept: (stored: StoredEvent) => boolean },
): AsyncGenerator<StoredEvent | { resync: number }> {
  const pending: StoredEvent[] = [];
  let wake: (() => void) | null = null;
  const unsubscribe = bus.subscribe((stored) => {
    if (!options.accept(stored)) return;
    pending.push(stored);
    wake?.();
  });
  const onAbort = () => wake?.();
  options.signal?.addEventListener("abort", onAbort);
  try {
    // Not the client's id: after a restart it may be ahead of this bus, and would hide new events.
    let lastYielded = 0;
    if (options.lastEventId !== null) {
      const missed = bus.since(options.lastEventId);
      // Too far behind for the replay buffer (or an id from before a restart): refetch the view.
      if (missed === null) yield { resync: bus.head() };
      else for (const stored of missed) if (options.accept(stored)) yield stored;
    }
    while (!options.signal?.aborted) {
      const next = pending.shift();
      if (next) {
        if (next.id > lastYielded) {
          lastYielded = next.id;
          yield next;
        }
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  } finally {
    unsubscribe();
    options.signal?.removeEventListener("abort", onAbort);
  }
}
