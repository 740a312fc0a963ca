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

export class InProcessEventBus implements EventBus {
  private readonly listeners = new Set<(stored: StoredEvent) => void>();
  private readonly buffer: StoredEvent[] = [];
  private nextId = 1;

  constructor(private readonly bufferSize = 1000) {}

  publish(event: AgencyEvent): void {
    const stored = { id: this.nextId++, event };
    this.buffer.push(stored);
    if (this.buffer.length > this.bufferSize) this.buffer.shift();
    for (const listener of this.listeners) listener(stored);
  }

  subscribe(listener: (stored: StoredEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  head(): number {
    return this.nextId - 1;
  }

  since(lastId: number): StoredEvent[] | null {
    const oldest = this.buffer[0];
    // An id this bus never issued comes from an earlier process (ids restart at 1): unknown.
    if (lastId > this.nextId - 1) return null;
    if (lastId === this.nextId - 1) return [];
    if (!oldest || oldest.id > lastId + 1) return null;
    return this.buffer.filter((s) => s.id > lastId);
  }
}
