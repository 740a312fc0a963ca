/**
 * Live updates (operator queue, a contract's new reports and callbacks) travel as events on a
 * bus. In-process here; with several server instances on one PostgreSQL the same interface is
 * implemented over LISTEN/NOTIFY. Every event carries a monotonically increasing id so a
 * reconnecting subscriber can ask for what it missed.
 */
export type AgencyEvent =
  | { type: "call.ringing"; callId: string; contractId: string; answerName: string; from: string; ringAt: string }
  | { type: "call.claimed"; callId: string; contractId: string; operatorId: string }
  | { type: "call.ended"; callId: string; contractId: string; status: "ended" | "missed" }
  | { type: "report.created"; reportId: string; contractId: string }
  | { type: "callback.created"; callbackId: string; contractId: string }
  | { type: "callback.done"; callbackId: string; contractId: string };

export type StoredEvent = { readonly id: number; readonly event: AgencyEvent };

export interface EventBus {
  publish(event: AgencyEvent): void;
  /** Calls `listener` for each event published after this call. Returns the unsubscribe. */
  subscribe(listener: (stored: StoredEvent) => void): () => void;
  /** Events after `lastId` still held in the replay buffer, or null if they have been dropped. */
  since(lastId: number): StoredEvent[] | null;
  /** The id of the newest event published so far (0 before any). */
  head(): number;
}

/**
 * What every bus shares: the listeners and a replay buffer of recent events. Ids only grow, but
 * need not be consecutive (a PostgreSQL sequence skips on rollback), so the buffer keeps a
 * `floor`: every event with an id above it is still held.
 */
export class EventFanOut {
  private readonly listeners = new Set<(stored: StoredEvent) => void>();
  private buffer: StoredEvent[] = [];
  private last = 0;
  private floor = 0;

  constructor(private readonly bufferSize = 1000) {}

  deliver(stored: StoredEvent): void {
    if (stored.id <= this.last) return;
    this.last = stored.id;
    this.buffer.push(stored);
    if (this.buffer.length > this.bufferSize) this.floor = this.buffer.shift()?.id ?? this.floor;
    for (const listener of this.listeners) listener(stored);
  }

  /** Forget the buffer: events up to `head` can no longer be replayed (a gap in delivery). */
  resetTo(head: number): void {
    this.buffer = [];
    this.last = Math.max(this.last, head);
    this.floor = this.last;
  }

  subscribe(listener: (stored: StoredEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  head(): number {
    return this.last;
  }

  since(lastId: number): StoredEvent[] | null {
    // An id this bus never issued comes from an earlier process (ids restart): unknown.
    if (lastId > this.last) return null;
    if (lastId < this.floor) return null;
    return this.buffer.filter((s) => s.id > lastId);
  }
}

/** One server process: ids from a counter, delivery in the same tick. */
export class InProcessEventBus implements EventBus {
  private readonly fanOut: EventFanOut;
  private nextId = 1;

  constructor(bufferSize = 1000) {
    this.fanOut = new EventFanOut(bufferSize);
  }

  publish(event: AgencyEvent): void {
    this.fanOut.deliver({ id: this.nextId++, event });
  }

  subscribe(listener: (stored: StoredEvent) => void): () => void {
    return this.fanOut.subscribe(listener);
  }

  head(): number {
    return this.fanOut.head();
  }

  since(lastId: number): StoredEvent[] | null {
    return this.fanOut.since(lastId);
  }
}
