/**
 * Live views over real SSE (tRPC subscriptions through eventsource, carrying the session cookie):
 * the operator queue sees a call ring, a client sees its own contract's reports and callbacks and
 * nothing of another contract's, and a reconnect with the last event id gets what it missed.
 */
import { randomUUID } from "node:crypto";
import { InProcessEventBus } from "@uketsuke/api";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { closeListeners, listen } from "./support/listen.ts";
import { pause, waitFor } from "./support/wait-for.ts";
import { HIKARI_NUMBER, LOGINS, MIRAI_NUMBER, startUketsuke, trpcClient, type SignedIn, type Uketsuke } from "./support/uketsuke.ts";

// A real server per file, real HTTP and SMTP: room for a busy two-core machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

let server: Uketsuke;
let operator: SignedIn;
let mirai: SignedIn;
let hikari: SignedIn;

beforeAll(async () => {
  server = await startUketsuke({ workers: false });
  [operator, mirai, hikari] = await Promise.all([server.login(LOGINS.operator), server.login(LOGINS.mirai), server.login(LOGINS.hikari)]);
}, 30_000);

afterEach(() => closeListeners());

afterAll(async () => {
  await server?.close();
});

/**
 * The subscription's generator subscribes to the bus when the stream starts, a moment after the
 * SSE "connected" event; starting from the bus head (as a reconnect does) makes the test
 * independent of that moment: every event after it is delivered, from the buffer or live.
 */
const fromNow = () => ({ lastEventId: String(server.running.deps.bus.head()) });

async function ringAndClaim(to: string) {
  const ring = await server.ring(`live-${randomUUID()}`, to);
  expect(ring.body).toMatchObject({ result: "queued" });
  const callId = String(ring.body.callId);
  await operator.trpc.calls.claim.mutate({ id: callId });
  return callId;
}

describe("live.queue (operators)", () => {
  it("delivers call.ringing with the call id to a subscribed operator when a signed ring arrives", async () => {
    const queue = listen((h) => operator.trpc.live.queue.subscribe(fromNow(), h));
    await queue.started;
    const ring = await server.ring(`live-${randomUUID()}`, MIRAI_NUMBER);
    const event = await waitFor(() => queue.events.find((e) => e.data.type === "call.ringing" && e.data.callId === ring.body.callId));
    expect(event.data).toMatchObject({ contractId: ring.body.contractId, answerName: "株式会社みらい建設", from: "09012345678" });
    expect(Number(event.id)).toBeGreaterThan(0);
    expect(queue.errors).toEqual([]);
  });

  it("delivers to several consoles at once, and each sees the claim and the end", async () => {
    const second = await server.login(LOGINS.operator2);
    const a = listen((h) => operator.trpc.live.queue.subscribe(fromNow(), h));
    const b = listen((h) => second.trpc.live.queue.subscribe(fromNow(), h));
    await Promise.all([a.started, b.started]);
    const callId = await ringAndClaim(HIKARI_NUMBER);
    await operator.trpc.calls.end.mutate({ id: callId });
    for (const listener of [a, b]) {
      await waitFor(() => listener.events.some((e) => e.data.type === "call.ended" && e.data.callId === callId));
      expect(listener.events.filter((e) => e.data.callId === callId).map((e) => e.data.type)).toEqual(["call.ringing", "call.claimed", "call.ended"]);
    }
  });

  it("refuses the queue to a client and to a visitor without a session", async () => {
    const asClient = listen((h) => mirai.trpc.live.queue.subscribe(undefined, h));
    const error = await waitFor(() => asClient.errors[0], 5_000);
    expect(error).toMatchObject({ data: { code: "FORBIDDEN" } });
    const anonymous = listen((h) => trpcClient(server.url).live.queue.subscribe(undefined, h));
    expect(await waitFor(() => anonymous.errors[0], 5_000)).toMatchObject({ data: { code: "UNAUTHENTICATED" } });
  });

  it("replays what a console missed when it reconnects with its last event id", async () => {
    const first = listen((h) => operator.trpc.live.queue.subscribe(fromNow(), h));
    await first.started;
    const before = await server.ring(`live-${randomUUID()}`);
    const seen = await waitFor(() => first.events.find((e) => e.data.callId === before.body.callId));
    first.stop();

    // While disconnected: two calls ring and one is missed.
    const missedWhileAway = [await server.ring(`live-${randomUUID()}`), await server.ring(`live-${randomUUID()}`, HIKARI_NUMBER)];
    const awayIds = missedWhileAway.map((r) => r.body.callId);

    const again = listen((h) => operator.trpc.live.queue.subscribe({ lastEventId: seen.id }, h));
    await waitFor(() => awayIds.every((id) => again.events.some((e) => e.data.type === "call.ringing" && e.data.callId === id)));
    expect(again.events.some((e) => e.data.callId === before.body.callId)).toBe(false);
    const ids = again.events.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(Math.min(...ids)).toBeGreaterThan(Number(seen.id));

    // And it stays live after the replay.
    const after = await server.ring(`live-${randomUUID()}`);
    await waitFor(() => again.events.some((e) => e.data.callId === after.body.callId));
  });
});

describe("live.queue after a server restart", () => {
  it("resyncs a console whose last event id came from the previous process, and then delivers live events", async () => {
    // The bus numbers events per process: after a restart the ids start again from 1, so a
    // console reconnecting with its last id from before holds an id this process never issued.
    const fromBefore = String(server.running.deps.bus.head() + 500);
    const console_ = listen((h) => operator.trpc.live.queue.subscribe({ lastEventId: fromBefore }, h));
    const resync = await waitFor(() => console_.events.find((e) => e.data.type === "resync"));
    expect(Number(resync.id)).toBeLessThanOrEqual(server.running.deps.bus.head());
    const ring = await server.ring(`live-${randomUUID()}`);
    await waitFor(() => console_.events.find((e) => e.data.type === "call.ringing" && e.data.callId === ring.body.callId), 3_000);
  });
});

describe("live.contract (clients)", () => {
  it("tells a client of its new report and callback, and tells the other contract's client nothing", async () => {
    const miraiLive = listen((h) => mirai.trpc.live.contract.subscribe(fromNow(), h));
    const hikariLive = listen((h) => hikari.trpc.live.contract.subscribe(fromNow(), h));
    await Promise.all([miraiLive.started, hikariLive.started]);

    const callId = await ringAndClaim(MIRAI_NUMBER);
    const saved = await operator.trpc.calls.saveMessage.mutate({
      callId,
      callerCompany: "株式会社さくら商事",
      callerName: "田中 一郎",
      callbackNumber: "03-1111-2222",
      requestedPerson: "高橋",
      message: "見積もりの件で、本日中にお電話をいただきたいとのことです。",
      callbackRequested: true,
      outcome: "message",
    });
    expect(saved.callbackId).not.toBeNull();

    const report = await waitFor(() => miraiLive.events.find((e) => e.data.type === "report.created"));
    expect(report.data).toMatchObject({ reportId: saved.reportId });
    const callback = await waitFor(() => miraiLive.events.find((e) => e.data.type === "callback.created"));
    expect(callback.data).toMatchObject({ callbackId: saved.callbackId });
    // A client sees no call.* traffic at all, only its reports and callbacks.
    expect(miraiLive.events.every((e) => e.data.type.startsWith("report.") || e.data.type.startsWith("callback."))).toBe(true);

    // The other contract's client: nothing, not even after a while.
    await pause(300);
    expect(hikariLive.events).toEqual([]);
    expect(hikariLive.errors).toEqual([]);

    // The client marks the callback done: its own stream says so, the other's still nothing.
    await mirai.trpc.callbacks.markDone.mutate({ id: String(saved.callbackId) });
    await waitFor(() => miraiLive.events.find((e) => e.data.type === "callback.done" && e.data.callbackId === saved.callbackId));
    await pause(100);
    expect(hikariLive.events).toEqual([]);
  });

  it("gives a client its own contract's report, and a replay after reconnect carries only its own", async () => {
    const head = server.running.deps.bus.head();
    const miraiCall = await ringAndClaim(MIRAI_NUMBER);
    await operator.trpc.calls.saveMessage.mutate({ callId: miraiCall, callerName: "佐々木", message: "資料を送ってほしい", outcome: "message" });
    const hikariCall = await ringAndClaim(HIKARI_NUMBER);
    const hikariSaved = await operator.trpc.calls.saveMessage.mutate({ callId: hikariCall, callerName: "木村", message: "相談の予約", outcome: "message" });

    // Both clients connect afterwards, as if reconnecting from before these events.
    const hikariLive = listen((h) => hikari.trpc.live.contract.subscribe({ lastEventId: String(head) }, h));
    const miraiLive = listen((h) => mirai.trpc.live.contract.subscribe({ lastEventId: String(head) }, h));
    await waitFor(() => hikariLive.events.some((e) => e.data.type === "report.created"));
    await waitFor(() => miraiLive.events.some((e) => e.data.type === "report.created"));
    await pause(100);
    expect(hikariLive.events.map((e) => e.data)).toEqual([{ type: "report.created", reportId: hikariSaved.reportId, contractId: expect.any(String) }]);
    expect(miraiLive.events.filter((e) => e.data.type === "report.created")).toHaveLength(1);
    expect(miraiLive.events.some((e) => e.data.reportId === hikariSaved.reportId)).toBe(false);
  });

  it("refuses the contract stream to an operator", async () => {
    const asOperator = listen((h) => operator.trpc.live.contract.subscribe(undefined, h));
    expect(await waitFor(() => asOperator.errors[0], 5_000)).toMatchObject({ data: { code: "FORBIDDEN" } });
  });
});

describe("the event bus's replay buffer", () => {
  it("numbers events in order and hands back what came after a given id", () => {
    const bus = new InProcessEventBus(3);
    expect(bus.head()).toBe(0);
    expect(bus.since(0)).toEqual([]);
    for (let i = 1; i <= 3; i++) bus.publish({ type: "report.created", reportId: `r${i}`, contractId: "c" });
    expect(bus.head()).toBe(3);
    expect(bus.since(1)?.map((s) => s.id)).toEqual([2, 3]);
    expect(bus.since(0)?.map((s) => s.id)).toEqual([1, 2, 3]);
    expect(bus.since(3)).toEqual([]);
  });

  it("does not know an id it never issued (from another process's bus): null, so the view refetches", () => {
    const bus = new InProcessEventBus(3);
    bus.publish({ type: "report.created", reportId: "r1", contractId: "c" });
    expect(bus.since(2)).toBeNull();
    expect(bus.since(1_000)).toBeNull();
  });

  it("says 'too far behind' (null) once the missed events have left the buffer, so the view refetches", () => {
    const bus = new InProcessEventBus(3);
    for (let i = 1; i <= 5; i++) bus.publish({ type: "report.created", reportId: `r${i}`, contractId: "c" });
    expect(bus.since(0)).toBeNull();
    expect(bus.since(1)).toBeNull();
    expect(bus.since(2)?.map((s) => s.id)).toEqual([3, 4, 5]);
  });

  it("sends a resync over SSE to a console whose last event id is no longer in the buffer", async () => {
    // The server's buffer holds the last 1000 events: after more than that, id 0 is too far behind.
    const bus = server.running.deps.bus;
    const needed = 1001 - bus.head();
    for (let i = 0; i < needed; i++) bus.publish({ type: "callback.done", callbackId: `x${i}`, contractId: "none" });
    const stale = listen((h) => operator.trpc.live.queue.subscribe({ lastEventId: "0" }, h));
    const resync = await waitFor(() => stale.events.find((e) => e.data.type === "resync"));
    expect(Number(resync.id)).toBe(bus.head());
  });
});
