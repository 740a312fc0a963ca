// The wire contract, proved by walking the router itself: every procedure, called by a user it
// admits with a sample input on a seeded database, answers in camelCase, with real booleans, no
// Date objects (instants travel as ISO strings) and no mail bodies in lists.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { claimDueOutbox, markCaptured, markFailedAttempt, type UserProfile } from "@uketsuke/db";
import type { RouterInputs, RouterOutputs } from "../src/index.ts";
import { allProcedures, createHarness, invitationTokenFor, invoke, PASSWORD, type Harness, type ProcedureInfo } from "./harness.ts";
import { buildRefs, samples, type Refs, type Sample } from "./samples.ts";

/** Procedures whose every answer is a refusal: they have no output shape to check. */
const ALWAYS_REFUSE = new Set(["contract.request"]);
/** The only procedures that may carry a mail's body: one item, asked for by id. */
const SINGLE_ITEM = new Set(["reports.get", "admin.mail.outboxItem", "admin.mail.capturedItem"]);
/** Names that mean yes/no wherever they appear, besides the 0/1 columns of the database. */
const BOOLEAN_NAME = /^(is|has|can|should)[A-Z]|^(ok|open|disabled|success|urgent|callbackRequested)$/;

let h: Harness;
let refs: Refs;
let sampleMap: Record<string, Sample>;
let capturedId = "";
let flagNames: Set<string>;

const camel = (snake: string) => snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Every column the schema stores as 0/1 (a CHECK (x IN (0, 1))), under its wire name. */
async function flagColumns(): Promise<Set<string>> {
  const { rows } = await sql<{ sql: string | null }>`select sql from sqlite_master where type = 'table'`.execute(h.db);
  const names = new Set<string>();
  for (const row of rows) {
    for (const match of (row.sql ?? "").matchAll(/"([a-z_]+)"\s+in\s*\(0,\s*1\)/gi)) names.add(camel(match[1] ?? ""));
  }
  return names;
}

beforeAll(async () => {
  h = await createHarness();
  refs = await buildRefs(h);
  sampleMap = samples(h, refs);
  // One failed mail to retry and one captured mail to read, so both answer with a row.
  const due = await claimDueOutbox(h.db, { nowIso: "2999-01-01T00:00:00.000Z", limit: 100, lockForMs: 60_000 });
  for (const row of due) {
    if (row.id === refs.outboxA) await markFailedAttempt(h.db, row.id, "550 no such mailbox", h.now().toISOString(), true);
    else capturedId = (await markCaptured(h.db, row.id, h.now().toISOString()))?.id ?? capturedId;
  }
  flagNames = await flagColumns();
});
afterAll(() => h.cleanup());

/** Who calls each procedure: a user its access admits. */
function userFor(p: ProcedureInfo): UserProfile | null {
  if (p.path === "auth.logout") return h.b.member; // its session ends; nobody else's
  switch (p.access) {
    case "public":
      return null;
    case "operator":
      return h.operator;
    case "supervisor":
      return h.supervisor;
    default:
      return h.a.owner;
  }
}

/** Inputs where the access walk's sample would be refused for a user who is admitted. */
async function inputFor(p: ProcedureInfo): Promise<unknown> {
  switch (p.path) {
    case "auth.login":
      return { email: h.a.owner.email, password: PASSWORD };
    case "roster.reorder": {
      const ids = await h.db.selectFrom("roster_members").select("id").where("contractId", "=", h.a.contract.id).execute();
      return { orderedIds: ids.map((r) => r.id).reverse() };
    }
    case "admin.mail.capturedItem":
      return { id: capturedId };
    case "invitations.inspect":
    case "invitations.accept": {
      const email = `wire-${p.path}@aoba.example.com`.toLowerCase();
      await (await h.callerAs(h.a.owner)).users.add({ email, displayName: "配線 確認" });
      const token = await invitationTokenFor(h.db, email);
      return p.path === "invitations.inspect" ? { token } : { token, password: PASSWORD };
    }
    case "live.queue":
    case "live.contract":
      return { lastEventId: "0" };
    default:
      return (sampleMap[p.path] ?? { input: () => undefined }).input();
  }
}

/** Reads before writes, and the writes that take something away last. */
const destructive = (path: string) => /\.(remove|end|logout|setDisabled)$/.test(path);
const procedures = allProcedures().sort((x, y) => Number(destructive(x.path)) - Number(destructive(y.path)));

/** What a value breaks of the contract, by JSON path. */
function violations(path: string, raw: unknown): string[] {
  const found: string[] = [];
  const walkRaw = (value: unknown, at: string) => {
    if (value instanceof Date) found.push(`${at}: a Date (instants travel as ISO strings)`);
    else if (Array.isArray(value)) value.forEach((v, i) => walkRaw(v, `${at}[${i}]`));
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walkRaw(v, `${at}.${k}`);
  };
  walkRaw(raw, "");
  const walkWire = (value: unknown, at: string) => {
    if (Array.isArray(value)) return value.forEach((v, i) => walkWire(v, `${at}[${i}]`));
    if (!value || typeof value !== "object") return;
    for (const [key, v] of Object.entries(value)) {
      const here = `${at}.${key}`;
      if (key.includes("_")) found.push(`${here}: snake_case key`);
      if ((flagNames.has(key) || BOOLEAN_NAME.test(key)) && typeof v !== "boolean") found.push(`${here}: ${JSON.stringify(v)} where a boolean is meant`);
      if (/^body(Text|Html)$/.test(key) && !SINGLE_ITEM.has(path)) found.push(`${here}: a mail body in a list`);
      if (/password/i.test(key)) found.push(`${here}: a password field`);
      walkWire(v, here);
    }
  };
  walkWire(JSON.parse(JSON.stringify(raw ?? null)), "");
  return found;
}

describe("the wire contract, procedure by procedure", () => {
  it("gives the apps their types by path (checked by tsc)", () => {
    type ListedReport = RouterOutputs["reports"]["list"]["reports"][number];
    expectTypeOf<ListedReport["callbackRequested"]>().toEqualTypeOf<boolean>();
    expectTypeOf<ListedReport>().not.toHaveProperty("bodyHtml");
    expectTypeOf<RouterOutputs["reports"]["get"]>().toHaveProperty("bodyHtml");
    expectTypeOf<RouterOutputs["calls"]["screenPop"]["business"]["date"]>().toEqualTypeOf<string>();
    expectTypeOf<RouterInputs["wrongNumbers"]["add"]>().toHaveProperty("companyName");
  });

  it("knows the database's 0/1 columns (the boolean check is not vacuous)", () => {
    expect([...flagNames].sort()).toEqual(expect.arrayContaining(["callbackRequested", "success"]));
  });

  it("checks itself: each kind of breach is caught", () => {
    expect(violations("x.list", { answer_name: "a" })).toHaveLength(1);
    expect(violations("x.list", { callbackRequested: 1 })).toHaveLength(1);
    expect(violations("x.list", { at: new Date() })).toHaveLength(1);
    expect(violations("x.list", [{ bodyHtml: "<p>" }])).toHaveLength(1);
    expect(violations("reports.get", { bodyHtml: "<p>", callbackRequested: false, receivedAt: "2026-11-24T01:00:00.000Z" })).toEqual([]);
  });

  for (const p of procedures) {
    it(`${p.path}`, async () => {
      const ctx = await h.contextAs(userFor(p));
      const input = await inputFor(p);
      if (ALWAYS_REFUSE.has(p.path)) {
        await expect(invoke(ctx, p, input)).rejects.toThrow();
        return;
      }
      const output = await invoke(ctx, p, input);
      expect(violations(p.path, output)).toEqual([]);
      // Not vacuous: lists of the seeded world have something in them.
      if (/\.(list|listOpen|outbox|captured|audit)$/.test(p.path) && p.type === "query") {
        expect(JSON.stringify(output)).not.toBe("[]");
      }
    });
  }
});
