// What must hold when things go wrong or happen at once: a save that fails half way leaves
// nothing behind and says nothing about the database; of many operators clicking "answer" on
// one ringing call, exactly one gets it.
import { sql } from "kysely";
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCall } from "@uketsuke/db";
import { message } from "@uketsuke/domain";
import { appRouter, type StoredEvent } from "../src/index.ts";
import { createHarness, expectRefusal, invitationTokenFor, rejection, type Caller, type Harness } from "./harness.ts";

let h: Harness;
let operators: Caller[];

beforeAll(async () => {
  h = await createHarness({ operators: 10 });
  operators = await Promise.all(h.operators.map((u) => h.callerAs(u)));
});
afterAll(() => h.cleanup());

/** Events published on the bus while `fn` runs. */
async function eventsDuring(fn: () => Promise<unknown>): Promise<StoredEvent[]> {
  const seen: StoredEvent[] = [];
  const unsubscribe = h.bus.subscribe((e) => seen.push(e));
  try {
    await fn();
  } finally {
    unsubscribe();
  }
  return seen;
}

/** What the error formatter sends over HTTP for this error. */
function formatted(error: TRPCError, path: string) {
  const formatter = appRouter._def._config.errorFormatter;
  const shape = { message: error.message, code: -32603 as const, data: { code: error.code, httpStatus: 500, path } };
  return formatter({ error, type: "mutation", path, input: undefined, ctx: undefined, shape });
}

describe("a save that fails midway leaves nothing behind", () => {
  // Each write of the save transaction in turn refuses: the report's callback, its audit row
  // (the very last write), its outbox row.
  const failures = [
    { table: "callbacks", when: "1" },
    { table: "audit_log", when: "new.action = 'report.create'" },
    { table: "outbox", when: "1" },
  ] as const;

  for (const { table, when } of failures) {
    it(`when inserting into ${table} fails`, async () => {
      const op = operators[0] as Caller;
      const call = await op.calls.openManual({ contractId: h.a.contract.id, from: "03-1234-5678" });
      const trigger = sql.id(`boom_${table}`);
      await sql`create trigger ${trigger} before insert on ${sql.table(table)} when ${sql.raw(when)} begin select raise(abort, 'boom: SQLITE internals /var/db'); end`.execute(h.db);
      const before = await h.counts();
      let caught: Awaited<ReturnType<typeof rejection>> | undefined;
      const events = await eventsDuring(async () => {
        caught = await rejection(
          op.calls.saveMessage({
            callId: call.id,
            callerName: "原田",
            callbackNumber: "090-2222-3333",
            message: "至急折り返しをお願いします。",
            callbackRequested: true,
          }),
        );
      });
      await sql`drop trigger ${trigger}`.execute(h.db);
      if (!caught) throw new Error("no error");

      // A database failure is a 500, but in the catalogue's words, never the driver's.
      expect(caught.error.code).toBe("INTERNAL_SERVER_ERROR");
      expect(caught.data).toEqual({ code: "INTERNAL", rule: null, text: message("INTERNAL"), fields: [] });
      const sent = formatted(caught.error, "calls.saveMessage");
      expect(sent.message).toBe(message("INTERNAL").en);
      expect(JSON.stringify(sent)).not.toMatch(/boom|SQLITE|\/var\/db|stack/i);

      // Nothing at all was written, and no one was told of a report that does not exist.
      expect(await h.counts()).toEqual(before);
      expect(await h.db.selectFrom("reports").select("id").where("callId", "=", call.id).execute()).toEqual([]);
      expect(events).toEqual([]);

      // The call is not stuck half-reported: it saves cleanly once the database is well again.
      const saved = await op.calls.saveMessage({ callId: call.id, callerName: "原田", callbackNumber: "090-2222-3333", message: "至急折り返しをお願いします。", callbackRequested: true });
      const after = await h.counts();
      expect([after.reports, after.outbox, after.callbacks, after.audit_log]).toEqual([
        (before.reports ?? 0) + 1,
        (before.outbox ?? 0) + 1,
        (before.callbacks ?? 0) + 1,
        (before.audit_log ?? 0) + 1,
      ]);
      expect(saved.callbackId).not.toBeNull();
    });
  }
});

describe("accepting an invitation", () => {
  // On SQLite a transaction holds the one connection: a password hashed inside it (argon2id,
  // tens of ms) would make every other request wait.
  it("does not hold up other requests while the password is hashed", async () => {
    const sup = await h.callerAs(h.supervisor);
    const op = operators[0] as Caller;
    const email = "newcomer@agency.example.jp";
    await sup.admin.staff.create({ email, displayName: "新人 太郎", mailbox: "newcomer" });
    const anonymous = await h.callerAs(null);
    const accepting = anonymous.invitations.accept({ token: await invitationTokenFor(h.db, email), password: "newcomer-password" });
    await new Promise((resolve) => setTimeout(resolve, 10));
    await op.calls.queue();
    // The queue answered while the new user was still being hashed, not after it was stored.
    expect(await h.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst()).toBeUndefined();
    expect((await accepting).user.email).toBe(email);
  });
});

describe("claiming a ringing call is atomic", () => {
  for (const n of [2, 10]) {
    it(`${n} operators claim at once: exactly one wins, the others hear CALL_ALREADY_CLAIMED`, async () => {
      const ringing = await insertCall(h.db, {
        contractId: h.a.contract.id,
        externalId: `race-${n}`,
        fromNumber: "+819011110000",
        toNumber: h.a.contract.numbers[0] ?? "",
        status: "ringing",
        source: "telephony",
        ringAt: h.now().toISOString(),
      });
      const contenders = operators.slice(0, n);
      let results: PromiseSettledResult<unknown>[] = [];
      const events = await eventsDuring(async () => {
        results = await Promise.allSettled(contenders.map((op) => op.calls.claim({ id: ringing.id })));
      });
      const won = results.flatMap((r, i) => (r.status === "fulfilled" ? [i] : []));
      expect(won).toHaveLength(1);
      const winner = h.operators[won[0] ?? -1];
      for (const r of results) {
        if (r.status === "fulfilled") continue;
        const { error, data } = await rejection(Promise.reject(r.reason));
        expect([error.code, data.code]).toEqual(["CONFLICT", "CALL_ALREADY_CLAIMED"]);
        expect(data.text.ja).toBe(message("CALL_ALREADY_CLAIMED").ja);
      }
      const row = await h.db.selectFrom("calls").selectAll().where("id", "=", ringing.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: "answered", claimedBy: winner?.id });
      const audits = await h.db.selectFrom("audit_log").select("actorUserId").where("action", "=", "call.claim").where("entityId", "=", ringing.id).execute();
      expect(audits).toEqual([{ actorUserId: winner?.id }]);
      expect(events.map((e) => e.event)).toEqual([{ type: "call.claimed", callId: ringing.id, contractId: h.a.contract.id, operatorId: winner?.id }]);
      // Only the winner can go on with it.
      const loser = contenders.find((_, i) => i !== won[0]) as Caller;
      await expectRefusal(loser.calls.screenPop({ id: ringing.id }), "FORBIDDEN", "CALL_NOT_YOURS");
    });
  }

  it("a call that is not ringing any more cannot be claimed; an unknown one is NOT_FOUND", async () => {
    const op = operators[0] as Caller;
    const answered = await op.calls.openManual({ contractId: h.a.contract.id });
    await expectRefusal((operators[1] as Caller).calls.claim({ id: answered.id }), "CONFLICT", "CALL_ALREADY_CLAIMED");
    await expectRefusal(op.calls.claim({ id: crypto.randomUUID() }), "NOT_FOUND", "NOT_FOUND");
  });
});

describe("saving a message twice at once", () => {
  it("writes one report: the other save hears CALL_ALREADY_REPORTED and writes nothing", async () => {
    const op = operators[0] as Caller;
    const call = await op.calls.openManual({ contractId: h.a.contract.id });
    const input = { callId: call.id, callerName: "二重 保存", message: "同時に二度保存されたメッセージ" };
    const results = await Promise.allSettled([op.calls.saveMessage(input), op.calls.saveMessage(input), op.calls.saveMessage(input)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) {
      if (r.status === "rejected") await expectRefusal(Promise.reject(r.reason), "CONFLICT", "CALL_ALREADY_REPORTED");
    }
    const reports = await h.db.selectFrom("reports").select("id").where("callId", "=", call.id).execute();
    expect(reports).toHaveLength(1);
    const outbox = await h.db.selectFrom("outbox").select("id").where("reportId", "=", reports[0]?.id ?? "").execute();
    expect(outbox).toHaveLength(1);
    const audits = await h.db.selectFrom("audit_log").select("id").where("action", "=", "report.create").where("entityId", "=", reports[0]?.id ?? "").execute();
    expect(audits).toHaveLength(1);
  });
});
