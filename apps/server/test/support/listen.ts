// Subscribing to a live view over real SSE in a test: collect what arrives, and know when the
// stream is connected. Listeners opened with `listen` are closed by `closeListeners`.
export type LiveEvent = { type: string; [key: string]: unknown };
export type Tracked = { id: string; data: LiveEvent };
export type Handlers = { onStarted(): void; onData(value: Tracked): void; onError(error: unknown): void };

export type Listener = { events: Tracked[]; errors: unknown[]; started: Promise<void>; stop(): void };

const open: Listener[] = [];

export function closeListeners(): void {
  for (const listener of open.splice(0)) listener.stop();
}

/** Subscribes and collects; `started` resolves when the SSE stream says it is connected. */
export function listen(subscribe: (handlers: Handlers) => { unsubscribe(): void }): Listener {
  const events: Tracked[] = [];
  const errors: unknown[] = [];
  let onStarted = () => {};
  const started = new Promise<void>((resolve) => (onStarted = resolve));
  const subscription = subscribe({ onStarted: () => onStarted(), onData: (value) => events.push(value), onError: (error) => errors.push(error) });
  const listener = { events, errors, started, stop: () => subscription.unsubscribe() };
  open.push(listener);
  return listener;
}

