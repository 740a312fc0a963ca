// Tenancy and roles, proved by walking the router itself (appRouter._def.procedures), not a
// hand-kept list: a procedure added without a guard builder, or a client procedure whose
// cross-tenant behaviour nobody thought about, fails here.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserProfile } from "@uketsuke/db";
import type { Access } from "../src/index.ts";
import {
  admits,
  allProcedures,
  createHarness,
  invoke,
  rejection,
  ROLES,
  tableNames,
  type Harness,
  type ProcedureInfo,
  type Role,
} from "./harness.ts";
import { buildRefs, samples, type Refs, type Sample } from "./samples.ts";

const ACCESS_LEVELS: readonly Access[] = ["public", "authed", "client", "client_owner", "operator", "supervisor"];
const procedures = allProcedures();
const clientProcedures = procedures.filter((p) => p.access === "client" || p.access === "client_owner");

let h: Harness;
let refs: Refs;
let sampleMap: Record<string, Sample>;

beforeAll(async () => {
  h = await createHarness();
  refs = await buildRefs(h);
  sampleMap = samples(h, refs);
  // Sign everyone in up front, so no test's row counts include a first sign-in.
  await Promise.all([h.a.owner, h.a.member, h.b.owner, h.b.member, h.operator, h.supervisor].map((u) => h.tokenOf(u)));
});
afterAll(() => h.cleanup());

function userFor(role: Role): UserProfile | null {
  switch (role) {
    case "anonymous":
      return null;
    case "client_owner":
      return h.a.owner;
    case "client_member":
      return h.a.member;
    case "operator":
      return h.operator;
    case "supervisor":
      return h.supervisor;
  }
}

const inputFor = (p: ProcedureInfo): unknown => (sampleMap[p.path] ?? { input: () => ({}) }).input();

describe("the router's guards", () => {
  it("gives every procedure an access level through its builder", () => {
    expect(procedures.length).toBeGreaterThan(40);
    const unguarded = procedures.filter((p) => !p.access || !ACCESS_LEVELS.includes(p.access)).map((p) => p.path);
    expect(unguarded).toEqual([]);
  });

  it("has a cross-tenant sample for every client procedure", () => {
    const missing = clientProcedures.filter((p) => !sampleMap[p.path]?.crossTenant).map((p) => p.path);
    expect(missing).toEqual([]);
    // And nothing stale: every sample names a procedure that exists.
    const paths = new Set(procedures.map((p) => p.path));
    expect(Object.keys(sampleMap).filter((path) => !paths.has(path))).toEqual([]);
  });

  it("really walks the tree: the walk finds each kind of procedure", () => {
    const types = new Set(procedures.map((p) => p.type));
    expect(types.has("query") && types.has("mutation")).toBe(true);
    const levels = new Set(procedures.map((p) => p.access));
    for (const level of ACCESS_LEVELS) expect(levels.has(level), level).toBe(true);
  });
});

describe("callers a procedure does not admit are refused, and nothing is written", () => {
  for (const p of procedures) {
    it(`${p.path} (${p.access ?? "no access"})`, async () => {
      const access = p.access;
      if (!access) throw new Error(`${p.path} has no access meta`);
      const refused = ROLES.filter((role) => !admits(access, role));
      for (const role of refused) {
        const ctx = await h.contextAs(userFor(role));
        const before = await h.counts();
        const { error, data } = await rejection(invoke(ctx, p, inputFor(p)));
        const expected = role === "anonymous" ? "UNAUTHORIZED" : "FORBIDDEN";
        expect({ role, code: error.code, appCode: data.code }).toEqual({
          role,
          code: expected,
          appCode: role === "anonymous" ? "UNAUTHENTICATED" : "FORBIDDEN",
        });
        expect(await h.counts(), `${p.path} as ${role} wrote something`).toEqual(before);
      }
    });
  }
});

/** Everything contract A owns, table by table, to prove another tenant changed none of it. */
async function rowsOfA(): Promise<Record<string, string[]>> {
  const id = h.a.contract.id;
  const snapshot: Record<string, string[]> = {};
  for (const table of await tableNames(h.db)) {
    const { rows: columns } = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(h.db);
    const has = (name: string) => columns.some((c) => c.name === name);
    const t = sql.table(table);
    let query;
    if (table === "contracts") query = sql<Record<string, unknown>>`select * from ${t} where id = ${id}`;
    else if (has("contract_id")) query = sql<Record<string, unknown>>`select * from ${t} where contract_id = ${id}`;
    else if (has("report_id")) query = sql<Record<string, unknown>>`select * from ${t} where report_id in (select id from reports where contract_id = ${id})`;
    else if (has("user_id")) query = sql<Record<string, unknown>>`select * from ${t} where user_id in (select id from users where contract_id = ${id})`;
    else continue;
    snapshot[table] = (await query.execute(h.db)).rows.map((row) => JSON.stringify(row)).sort();
  }
  return snapshot;
}

/** Ids and words that belong to A alone: none may reach B. */
async function secretsOfA(): Promise<string[]> {
  const id = h.a.contract.id;
  const ids = await Promise.all([
    h.db.selectFrom("roster_members").select("id").where("contractId", "=", id).execute(),
    h.db.selectFrom("wrong_number_entries").select("id").where("contractId", "=", id).execute(),
    h.db.selectFrom("users").select("id").where("contractId", "=", id).execute(),
    h.db.selectFrom("reports").select("id").where("contractId", "=", id).execute(),
    h.db.selectFrom("callbacks").select("id").where("contractId", "=", id).execute(),
    h.db.selectFrom("calls").select("id").where("contractId", "=", id).execute(),
  ]);
  return [id, ...ids.flat().map((r) => r.id), "あおば", "aoba.example.com", "ABC"];
}

describe("contract B's owner reaches nothing of contract A", () => {
  for (const p of clientProcedures) {
    it(`${p.path}`, async () => {
      const sample = sampleMap[p.path];
      if (!sample?.crossTenant) throw new Error(`no cross-tenant sample for ${p.path}`);
      const ctx = await h.contextAs(h.b.owner);
      const secrets = await secretsOfA();
      const before = await rowsOfA();
      const outcome = await invoke(ctx, p, sample.input()).then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      if (outcome.ok) {
        expect(sample.crossTenant, `${p.path} succeeded on another contract's object`).toBe("scoped");
        const text = JSON.stringify(outcome.value) ?? "";
        for (const secret of secrets) expect(text, `${p.path} leaked ${secret}`).not.toContain(secret);
      } else {
        const { error, data } = await rejection(Promise.reject(outcome.error));
        const ruleRefusal = error.code === "UNPROCESSABLE_CONTENT" && data.rule !== null;
        expect(error.code === "NOT_FOUND" || ruleRefusal, `${p.path}: ${error.code} ${data.code}`).toBe(true);
        for (const secret of secrets) expect(JSON.stringify(data), `${p.path} leaked ${secret}`).not.toContain(secret);
      }
      expect(await rowsOfA(), `${p.path} changed contract A's rows`).toEqual(before);
    });
  }

  it("keeps B's own data visible to B (the walk is not vacuous)", async () => {
    const b = await h.callerAs(h.b.owner);
    const reports = await b.reports.list({});
    expect(reports.reports.map((r) => r.id)).toContain(refs.reportB);
    expect((await b.callbacks.listOpen()).map((c) => c.id)).toContain(refs.callbackB);
    expect((await b.roster.list()).length).toBeGreaterThan(0);
    // The same reports, asked for by their owner, are there: the refusals above are tenancy.
    const a = await h.callerAs(h.a.owner);
    expect((await a.reports.get({ id: refs.reportA })).id).toBe(refs.reportA);
  });

  it("streams B's live events to B and none of A's", async () => {
    const p = procedures.find((x) => x.path === "live.contract");
    if (!p) return;
    const ctx = await h.contextAs(h.b.owner);
    const live = invoke(ctx, p, { lastEventId: null }, 300);
    // Published while B listens: one event for A, one for B.
    await new Promise((resolve) => setTimeout(resolve, 50));
    h.bus.publish({ type: "report.created", reportId: refs.reportA, contractId: h.a.contract.id });
    h.bus.publish({ type: "report.created", reportId: refs.reportB, contractId: h.b.contract.id });
    const text = JSON.stringify(await live);
    expect(text).toContain(refs.reportB);
    expect(text).not.toContain(refs.reportA);
    expect(text).not.toContain(h.a.contract.id);
  });
});
