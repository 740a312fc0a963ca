import { describe, expect, it } from "vitest";
import { applyQueueEvent, QueueJournal, type QueueItem } from "./queue-events.ts";

const ring = (callId: string, ringAt: string) => ({ type: "call.ringing" as const, callId, contractId: "c1", answerName: "株式会社みらい建設", from: "+819012345678", ringAt });

describe("applyQueueEvent", () => {
  it("keeps the queue oldest first, whatever order the events come in", () => {
    let queue: readonly QueueItem[] = [];
    queue = applyQueueEvent(queue, ring("b", "2026-11-24T01:00:02.000Z"));
    queue = applyQueueEvent(queue, ring("a", "2026-11-24T01:00:01.000Z"));
    queue = applyQueueEvent(queue, ring("c", "2026-11-24T01:00:03.000Z"));
    expect(queue.map((i) => i.id)).toEqual(["a", "b", "c"]);
  });

  it("ignores a replayed ring and removes claimed and ended calls", () => {
    let queue = applyQueueEvent([], ring("a", "2026-11-24T01:00:01.000Z"));
    queue = applyQueueEvent(queue, ring("a", "2026-11-24T01:00:01.000Z"));
    expect(queue).toHaveLength(1);
    queue = applyQueueEvent(queue, ring("b", "2026-11-24T01:00:02.000Z"));
    queue = applyQueueEvent(queue, { type: "call.claimed", callId: "a", contractId: "c1", operatorId: "u1" });
    expect(queue.map((i) => i.id)).toEqual(["b"]);
    queue = applyQueueEvent(queue, { type: "call.ended", callId: "b", contractId: "c1" });
    expect(queue).toEqual([]);
  });
});

describe("QueueJournal", () => {
  it("re-applies what arrived while a fetch was on its way, so a call ringing then is not lost", () => {
    const journal = new QueueJournal();
    journal.record(ring("old", "2026-11-24T01:00:00.000Z"));
    const mark = journal.mark();
    journal.record(ring("during", "2026-11-24T01:00:05.000Z"));
    journal.record({ type: "call.claimed", callId: "taken", contractId: "c1", operatorId: "u2" });
    // The fetch answered from before both events: "taken" still ringing, "during" not yet there.
    const fetched: QueueItem[] = [{ id: "taken", contractId: "c1", answerName: "x", fromNumber: "", ringAt: "2026-11-24T00:59:00.000Z" }];
    expect(journal.replaySince(mark, fetched).map((i) => i.id)).toEqual(["during"]);
  });
});
