import { describe, expect, it } from "vitest";
import { EventFanOut, InProcessEventBus, type AgencyEvent } from "./event-bus.ts";

const ended = (n: number): AgencyEvent => ({ type: "call.ended", callId: `c${n}`, contractId: "k", status: "ended" });

describe("the replay buffer", () => {
  it("replays what came after an id it still holds, and says null once it has dropped it", () => {
    const bus = new InProcessEventBus(3);
    for (let i = 1; i <= 5; i++) bus.publish(ended(i));
    expect(bus.head()).toBe(5);
    expect(bus.since(5)).toEqual([]);
    expect(bus.since(2)?.map((s) => s.id)).toEqual([3, 4, 5]);
    expect(bus.since(1)).toBeNull();
    // An id from before a restart (ahead of this bus) is unknown too.
    expect(bus.since(9)).toBeNull();
  });

  it("copes with gaps in ids (a sequence skips on rollback) and ignores an id it has seen", () => {
    const fanOut = new EventFanOut(10);
    const seen: number[] = [];
    fanOut.subscribe((s) => seen.push(s.id));
    for (const id of [3, 7, 7, 5, 12]) fanOut.deliver({ id, event: ended(id) });
    expect(seen).toEqual([3, 7, 12]);
    expect(fanOut.since(4)?.map((s) => s.id)).toEqual([7, 12]);
    expect(fanOut.since(0)?.map((s) => s.id)).toEqual([3, 7, 12]);
  });

  it("after a gap in delivery, older ids cannot be replayed: subscribers must resync", () => {
    const fanOut = new EventFanOut(10);
    fanOut.deliver({ id: 1, event: ended(1) });
    fanOut.resetTo(40);
    expect(fanOut.head()).toBe(40);
    expect(fanOut.since(1)).toBeNull();
    expect(fanOut.since(40)).toEqual([]);
    fanOut.deliver({ id: 41, event: ended(41) });
    expect(fanOut.since(40)?.map((s) => s.id)).toEqual([41]);
  });

  it("unsubscribing stops delivery", () => {
    const bus = new InProcessEventBus();
    const seen: number[] = [];
    const stop = bus.subscribe((s) => seen.push(s.id));
    bus.publish(ended(1));
    stop();
    bus.publish(ended(2));
    expect(seen).toEqual([1]);
  });
});
