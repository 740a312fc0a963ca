/** A queue row: what an operator needs to pick up the phone. */
export type QueueItem = {
  readonly id: string;
  readonly contractId: string;
  readonly answerName: string;
  readonly fromNumber: string;
  readonly ringAt: string;
};

/** The live queue's events, as `live.queue` sends them. */
export type QueueEvent =
  | { type: "call.ringing"; callId: string; contractId: string; answerName: string; from: string; ringAt: string }
  | { type: "call.claimed"; callId: string; contractId: string; operatorId: string }
  | { type: "call.ended"; callId: string; contractId: string }
  | { type: "resync" };

/** Oldest first, as the server lists them; ties by id so every console shows the same order. */
function byRingTime(a: QueueItem, b: QueueItem): number {
  return a.ringAt < b.ringAt ? -1 : a.ringAt > b.ringAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** One event applied to the queue; the same event twice changes nothing. */
export function applyQueueEvent(items: readonly QueueItem[], event: QueueEvent): readonly QueueItem[] {
  switch (event.type) {
    case "call.ringing": {
      if (items.some((i) => i.id === event.callId)) return items;
      const item = { id: event.callId, contractId: event.contractId, answerName: event.answerName, fromNumber: event.from, ringAt: event.ringAt };
      return [...items, item].sort(byRingTime);
    }
    case "call.claimed":
    case "call.ended":
      return items.some((i) => i.id === event.callId) ? items.filter((i) => i.id !== event.callId) : items;
    case "resync":
      return items;
  }
}

/**
 * The last events seen, numbered, so a queue fetched while events kept arriving can have them
 * applied again on top of its (possibly older) answer.
 */
export class QueueJournal {
  private entries: Array<{ seq: number; event: QueueEvent }> = [];
  private seq = 0;

  constructor(private readonly keep = 200) {}

  record(event: QueueEvent): void {
    this.entries.push({ seq: ++this.seq, event });
    if (this.entries.length > this.keep) this.entries.splice(0, this.entries.length - this.keep);
  }

  /** A point in the journal; `replaySince` applies what was recorded after it. */
  mark(): number {
    return this.seq;
  }

  replaySince(mark: number, items: readonly QueueItem[]): readonly QueueItem[] {
    return this.entries.reduce((acc, entry) => (entry.seq > mark ? applyQueueEvent(acc, entry.event) : acc), items);
  }
}
