import { TRPCError } from "@trpc/server";
import { DomainError } from "@uketsuke/domain";
import type { EventBus, StoredEvent } from "./event-bus.ts";

/**
 * A console or dashboard needs a handful of live views; each open stream holds a subscriber and a
 * connection. Per session and per process: one session cannot pile up thousands.
 */
export const LIVE_STREAMS_PER_SESSION = 20;
const openStreams = new Map<string, number>();

function holdStream(holder: string): () => void {
  const open = openStreams.get(holder) ?? 0;
  if (open >= LIVE_STREAMS_PER_SESSION) {
    // Not a server fault, so the client does not reconnect to try again.
    throw new TRPCError({ code: "TOO_MANY_REQUESTS", cause: new DomainError("LIVE_STREAMS_TOO_MANY", { params: { max: LIVE_STREAMS_PER_SESSION } }) });
  }
  openStreams.set(holder, open + 1);
  return () => {
    const left = (openStreams.get(holder) ?? 1) - 1;
    if (left > 0) openStreams.set(holder, left);
    else openStreams.delete(holder);
  };
}

/**
 * The bus as an async iterable for one subscriber: events it may see, in order, from the moment
 * of subscribing (plus, for a reconnect, what it missed). Ends when `signal` aborts. `holder` (the
 * session) counts against LIVE_STREAMS_PER_SESSION while the stream is open.
 */
export async function* eventsFor(
  bus: EventBus,
  options: { signal: AbortSignal | undefined; lastEventId: number | null; accept: (stored: StoredEvent) => boolean; holder: string | null },
): AsyncGenerator<StoredEvent | { resync: number }> {
  const release = options.holder === null ? () => {} : holdStream(options.holder);
  try {
    yield* follow(bus, options);
  } finally {
    release();
  }
}

async function* follow(
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
