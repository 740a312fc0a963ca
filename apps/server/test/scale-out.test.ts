/**
 * Two server instances on one PostgreSQL, as in a scale-out: a ring taken by one instance pops up
 * on a console connected to the other, a claim on the other shows on the first, with the same
 * event ids on both (LISTEN/NOTIFY); mail queued by either is delivered once.
 */
import { randomUUID } from "node:crypto";
import { createTestPostgres, type TestDb } from "@uketsuke/db/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { closeListeners, listen } from "./support/listen.ts";
import { demoContractIds, LOGINS, startUketsuke, takeMessage, TestClock, type SignedIn, type Uketsuke } from "./support/uketsuke.ts";
import { waitFor } from "./support/wait-for.ts";

vi.setConfig({ testTimeout: 30_000, hookTimeout: 120_000 });

let pg: TestDb;
let a: Uketsuke;
let b: Uketsuke;
let operatorOnA: SignedIn;
let operatorOnB: SignedIn;

beforeAll(async () => {
  pg = await createTestPostgres();
  const env = { DATABASE_URL: pg.url, COOKIE_SECRET: "a-cookie-secret-shared-by-both-instances", OUTBOX_POLL_MS: 100 };
  const clock = new TestClock();
  a = await startUketsuke({ env, clock });
  b = await startUketsuke({ env, clock });
  [operatorOnA, operatorOnB] = await Promise.all([a.login(LOGINS.operator), b.login(LOGINS.operator2)]);
});

afterEach(() => closeListeners());

afterAll(async () => {
  await a?.close();
  await b?.close();
  await pg?.cleanup();
});

describe("several instances, one PostgreSQL", () => {
  it("seeded the demo once", async () => {
    const staff = await operatorOnB.trpc.calls.contracts.query();
    expect(staff.map((c) => c.answerName).sort()).toEqual(["ひかり法律事務所", "株式会社みらい建設"]);
  });

  it("a ring taken by one instance reaches a console on the other, and a claim there reaches the first", async () => {
    const fromNow = (server: Uketsuke) => ({ lastEventId: String(server.running.deps.bus.head()) });
    const onB = listen((h) => operatorOnB.trpc.live.queue.subscribe(fromNow(b), h));
    const onA = listen((h) => operatorOnA.trpc.live.queue.subscribe(fromNow(a), h));
    await Promise.all([onA.started, onB.started]);

    const ring = await a.ring(`scale-${randomUUID()}`);
    expect(ring.body).toMatchObject({ result: "queued" });
    const callId = String(ring.body.callId);
    const ringingOnB = await waitFor(() => onB.events.find((e) => e.data.type === "call.ringing" && e.data.callId === callId));

    await operatorOnB.trpc.calls.claim.mutate({ id: callId });
    const claimedOnA = await waitFor(() => onA.events.find((e) => e.data.type === "call.claimed" && e.data.callId === callId));
    const ringingOnA = onA.events.find((e) => e.data.type === "call.ringing" && e.data.callId === callId);
    // The same event carries the same id on every instance.
    expect(ringingOnA?.id).toBe(ringingOnB.id);
    expect(Number(claimedOnA.id)).toBeGreaterThan(Number(ringingOnB.id));
    expect(onA.errors).toEqual([]);
    expect(onB.errors).toEqual([]);
  });

  it("a console reconnecting to the other instance gets what it missed by its last event id", async () => {
    const head = String(a.running.deps.bus.head());
    const ring = await a.ring(`scale-${randomUUID()}`);
    const callId = String(ring.body.callId);
    await waitFor(() => b.running.deps.bus.since(Number(head))?.some((s) => s.event.type === "call.ringing" && s.event.callId === callId));
    const late = listen((h) => operatorOnB.trpc.live.queue.subscribe({ lastEventId: head }, h));
    await waitFor(() => late.events.find((e) => e.data.type === "call.ringing" && e.data.callId === callId));
  });

  it("mail queued through either instance is captured once, with both outbox workers running", async () => {
    const { mirai } = await demoContractIds(operatorOnA);
    const saved = await Promise.all(Array.from({ length: 10 }, (_, i) => takeMessage(i % 2 ? operatorOnA : operatorOnB, mirai, { callerName: `並行 ${i}` })));
    const db = a.running.db.db;
    const ids = saved.map((s) => s.reportId);
    const rows = await waitFor(async () => {
      const outbox = await db.selectFrom("outbox").select(["id", "status"]).where("reportId", "in", ids).execute();
      return outbox.length === 10 && outbox.every((r) => r.status === "captured") ? outbox : null;
    }, 15_000);
    const captured = await db.selectFrom("captured_mail").select("outboxId").where("outboxId", "in", rows.map((r) => r.id)).execute();
    expect(captured).toHaveLength(10);
    expect(new Set(captured.map((c) => c.outboxId)).size).toBe(10);
  });
});
