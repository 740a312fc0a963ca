// The router tests' world: a migrated temp SQLite file, one agency, two client contracts (A and
// B) with rosters, wrong numbers and users, operators and a supervisor, and callers that carry a
// real session (a cookie from auth.login, read back by createContext). Users are hashed with the
// real scrypt, so build one harness per test file, never per test.
import { sql, type Kysely } from "kysely";
import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import {
  insertAgency,
  insertContract,
  insertRosterMember,
  insertWrongNumber,
  type Agency,
  type ContractWithNumbers,
  type Database,
  type RosterMemberRow,
  type UserProfile,
  type WrongNumberEntryRow,
} from "@uketsuke/db";
import { createTestSqlite, type TestDb } from "@uketsuke/db/testing";
import type { MessageCode } from "@uketsuke/domain";
import { expect } from "vitest";
import { errorBody, type ErrorBody } from "../src/errors.ts";
import {
  appRouter,
  createCallerFactory,
  createContext,
  createUser,
  InProcessEventBus,
  SESSION_COOKIE,
  type Access,
  type ApiDeps,
  type Context,
} from "../src/index.ts";

export const AGENCY_DOMAIN = "agency.example.jp";
/** Tuesday 24 November 2026, 10:00 in Tokyo: a business day (the 23rd is the holiday). */
export const FIXED_NOW = "2026-11-24T01:00:00.000Z";
export const PASSWORD = "correct-horse-battery";
/** Where invitation links point in these tests. */
export const PUBLIC_URL = "https://uketsuke.test";
/** Hiragana, katakana or kanji: the text really is Japanese. */
export const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/u;

export const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

export type Tenant = {
  contract: ContractWithNumbers;
  roster: RosterMemberRow[];
  wrongNumbers: WrongNumberEntryRow[];
  owner: UserProfile;
  member: UserProfile;
};

export type Harness = {
  testDb: TestDb;
  db: Kysely<Database>;
  agency: Agency;
  bus: InProcessEventBus;
  deps: ApiDeps;
  now(): Date;
  setNow(instant: string | Date): void;
  a: Tenant;
  b: Tenant;
  supervisor: UserProfile;
  operators: UserProfile[];
  operator: UserProfile;
  /** Signs in once through auth.login and keeps the token. */
  tokenOf(user: UserProfile): Promise<string>;
  contextAs(user: UserProfile | null): Promise<Context>;
  callerAs(user: UserProfile | null): Promise<Caller>;
  /** Row count of every table in the database, by table name. */
  counts(): Promise<Record<string, number>>;
  cleanup(): Promise<void>;
};

type TenantSpec = {
  legalEntityName: string;
  answerName: string;
  numbers: string[];
  roster: Array<{ name: string; nameKana?: string; reportAddress: string; addressKind?: "person" | "list" }>;
  wrongNumbers: Array<{ companyName: string; companyNameKana?: string; numbers: string[]; typicalCalls: string }>;
  emailDomain: string;
};

const TENANT_A: TenantSpec = {
  legalEntityName: "株式会社あおば商事",
  answerName: "あおば商事",
  numbers: ["+81311112222"],
  roster: [
    { name: "山田 太郎", nameKana: "ヤマダ タロウ", reportAddress: "yamada@aoba.example.com" },
    { name: "佐藤 花子", nameKana: "サトウ ハナコ", reportAddress: "hanako.sato@aoba.example.com" },
    { name: "営業部", nameKana: "エイギョウブ", reportAddress: "eigyo-ml@aoba.example.com", addressKind: "list" },
  ],
  wrongNumbers: [
    { companyName: "株式会社ABC", companyNameKana: "エービーシー", numbers: ["+81399990000"], typicalCalls: "ABC様宛の配送のお問い合わせ" },
  ],
  emailDomain: "aoba.example.com",
};

// B keeps a one-person roster, so removing its last member can be tried.
const TENANT_B: TenantSpec = {
  legalEntityName: "株式会社みどり物産",
  answerName: "みどり物産",
  numbers: ["+81662220000"],
  roster: [{ name: "田中 一郎", nameKana: "タナカ イチロウ", reportAddress: "tanaka@midori.example.com" }],
  wrongNumbers: [{ companyName: "みどり薬局", companyNameKana: "ミドリヤッキョク", numbers: ["+81662220001"], typicalCalls: "処方箋のお問い合わせ" }],
  emailDomain: "midori.example.com",
};

async function seedTenant(db: Kysely<Database>, agency: Agency, spec: TenantSpec): Promise<Tenant> {
  const contract = await insertContract(db, {
    agencyId: agency.id,
    legalEntityName: spec.legalEntityName,
    answerName: spec.answerName,
    script: `${spec.answerName}のご用件を伺い、担当者から折り返します。`,
    numbers: spec.numbers,
  });
  const roster: RosterMemberRow[] = [];
  for (const m of spec.roster) {
    roster.push(
      await insertRosterMember(db, contract.id, {
        name: m.name,
        nameKana: m.nameKana ?? null,
        reportAddress: m.reportAddress,
        addressKind: m.addressKind ?? "person",
        listPolicy: m.addressKind === "list" ? "open" : null,
      }),
    );
  }
  const wrongNumbers: WrongNumberEntryRow[] = [];
  for (const e of spec.wrongNumbers) wrongNumbers.push(await insertWrongNumber(db, contract.id, e));
  const [owner, member] = await Promise.all([
    createUser(db, { email: `owner@${spec.emailDomain}`, password: PASSWORD, displayName: `${spec.answerName} 代表`, role: "client", contractId: contract.id, clientRole: "owner", locale: "ja" }),
    createUser(db, { email: `member@${spec.emailDomain}`, password: PASSWORD, displayName: `${spec.answerName} 社員`, role: "client", contractId: contract.id, clientRole: "member", locale: "ja" }),
  ]);
  return { contract, roster, wrongNumbers, owner, member };
}

export async function createHarness(options: { operators?: number } = {}): Promise<Harness> {
  const testDb = await createTestSqlite();
  const db = testDb.db;
  const agency = await insertAgency(db, { name: "受付テスト電話代行", mailDomain: AGENCY_DOMAIN });
  let now = new Date(FIXED_NOW);
  const bus = new InProcessEventBus();
  const deps: ApiDeps = {
    db,
    agency,
    bus,
    clock: () => new Date(now.getTime()),
    cookieSecret: "test-cookie-secret-0123456789abcdef",
    secureCookies: false,
    sessionTtlHours: 12,
    publicUrl: PUBLIC_URL,
  };
  // scrypt runs on libuv's thread pool: hashing side by side uses both cores.
  const [a, b, supervisor, ...operators] = await Promise.all([
    seedTenant(db, agency, TENANT_A),
    seedTenant(db, agency, TENANT_B),
    createUser(db, { email: `kanri@${AGENCY_DOMAIN}`, password: PASSWORD, displayName: "管理 花子", role: "supervisor", mailbox: "kanri", locale: "ja" }),
    ...Array.from({ length: options.operators ?? 1 }, (_, i) =>
      createUser(db, { email: `op${i + 1}@${AGENCY_DOMAIN}`, password: PASSWORD, displayName: `受付 ${i + 1}号`, role: "operator", mailbox: `op${i + 1}`, locale: "ja" }),
    ),
  ]);

  const tokens = new Map<string, Promise<string>>();
  const anonymous = () => createContext(deps, { headers: new Headers() });
  const tokenOf = (user: UserProfile): Promise<string> => {
    let token = tokens.get(user.id);
    if (!token) {
      token = (async () => {
        // The token travels only in the Set-Cookie header, as a browser receives it.
        const resHeaders = new Headers();
        await createCaller(await createContext(deps, { headers: new Headers(), resHeaders })).auth.login({ email: user.email, password: PASSWORD });
        return sessionTokenIn(resHeaders);
      })();
      tokens.set(user.id, token);
    }
    return token;
  };
  const contextAs = async (user: UserProfile | null): Promise<Context> => {
    if (!user) return anonymous();
    const token = await tokenOf(user);
    return createContext(deps, { headers: new Headers({ cookie: `${SESSION_COOKIE}=${token}` }) });
  };

  return {
    testDb,
    db,
    agency,
    bus,
    deps,
    now: () => new Date(now.getTime()),
    setNow: (instant) => {
      now = new Date(instant);
    },
    a: a as Tenant,
    b: b as Tenant,
    supervisor: supervisor as UserProfile,
    operators: operators as UserProfile[],
    operator: operators[0] as UserProfile,
    tokenOf,
    contextAs,
    callerAs: async (user) => createCaller(await contextAs(user)),
    counts: () => countRows(db),
    cleanup: () => testDb.cleanup(),
  };
}

/** The session token from a response's Set-Cookie header. */
export function sessionTokenIn(resHeaders: Headers): string {
  const cookie = resHeaders.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? "";
  return cookie.slice(SESSION_COOKIE.length + 1).split(";")[0] ?? "";
}

export async function tableNames(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db);
  return rows.map((r) => r.name);
}

export async function countRows(db: Kysely<Database>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await tableNames(db)) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    counts[table] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}

// ── The router, walked ────────────────────────────────────────────────────────────────────────

export type ProcedureType = "query" | "mutation" | "subscription";
export type ProcedureInfo = { path: string; type: ProcedureType; access: Access | undefined; inputs: unknown[] };

type ProcedureDef = { _def: { type: ProcedureType; meta?: { access?: Access }; inputs?: unknown[] } };

/** Every procedure of the app router, from its flat `path → procedure` record. */
export function allProcedures(): ProcedureInfo[] {
  const record = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;
  return Object.entries(record)
    .map(([path, proc]) => ({ path, type: proc._def.type, access: proc._def.meta?.access, inputs: proc._def.inputs ?? [] }))
    .sort((x, y) => x.path.localeCompare(y.path));
}

/** The caller's function at a dotted path (the caller is a proxy: any path resolves). */
export function procedureAt(caller: Caller, path: string): (input?: unknown) => Promise<unknown> {
  let target: unknown = caller;
  for (const key of path.split(".")) target = (target as Record<string, unknown>)[key];
  return target as (input?: unknown) => Promise<unknown>;
}

/**
 * Calls a procedure as the user of `ctx`. An admitted subscription yields an async iterable:
 * this collects what arrives within `waitMs`, then aborts it (a live stream never ends by itself).
 */
export async function invoke(ctx: Context, info: Pick<ProcedureInfo, "path" | "type">, input: unknown, waitMs = 100): Promise<unknown> {
  const controller = new AbortController();
  const result = await procedureAt(createCaller(ctx, { signal: controller.signal }), info.path)(input);
  if (info.type !== "subscription") return result;
  return drain(result, controller, waitMs);
}

async function drain(result: unknown, controller: AbortController, waitMs: number): Promise<unknown[]> {
  if (!result || typeof result !== "object" || !(Symbol.asyncIterator in result)) return [result];
  const iterator = (result as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  const values: unknown[] = [];
  const deadline = Date.now() + waitMs;
  let timer: NodeJS.Timeout | undefined;
  try {
    for (;;) {
      const next = iterator.next();
      const left = Math.max(0, deadline - Date.now());
      const timeout = new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), left);
      });
      const first = await Promise.race([next, timeout]);
      clearTimeout(timer);
      if (first === "timeout") {
        // Aborting wakes the waiting generator, which then ends: the pending next() settles.
        controller.abort();
        const ended = new Promise<"hung">((resolve) => {
          timer = setTimeout(() => resolve("hung"), 2_000);
        });
        const last = await Promise.race([next, ended]);
        clearTimeout(timer);
        if (last === "hung") throw new Error("a live stream did not end when its client went away (signal aborted)");
        if (!last.done) values.push(last.value);
        break;
      }
      if (first.done) break;
      values.push(first.value);
    }
  } finally {
    controller.abort();
  }
  return values;
}

/** Which callers an access level admits (anonymous is `null`). */
export type Role = "anonymous" | "client_owner" | "client_member" | "operator" | "supervisor";
export const ROLES: readonly Role[] = ["anonymous", "client_owner", "client_member", "operator", "supervisor"];

export function admits(access: Access, role: Role): boolean {
  switch (access) {
    case "public":
      return true;
    case "authed":
      return role !== "anonymous";
    case "client":
      return role === "client_owner" || role === "client_member";
    case "client_owner":
      return role === "client_owner";
    case "operator":
      return role === "operator" || role === "supervisor";
    case "supervisor":
      return role === "supervisor";
  }
}

// ── Errors ──────────────────────────────────────────────────────────────────────────────────

export type CaughtError = { error: TRPCError; data: ErrorBody };

/** Awaits a call that must fail; returns the tRPC error and the body the formatter would send in `data`. */
export async function rejection(promise: Promise<unknown>): Promise<CaughtError> {
  let caught: unknown;
  try {
    const value = await promise;
    caught = new Error(`expected a rejection, got ${JSON.stringify(value)?.slice(0, 300)}`);
  } catch (error) {
    caught = error;
  }
  if (!(caught instanceof TRPCError)) throw caught;
  return { error: caught, data: errorBody(caught) };
}

/** Expects a refusal with this tRPC code (and catalogue code), with ja/en text. */
export async function expectRefusal(promise: Promise<unknown>, code: TRPC_ERROR_CODE_KEY, appCode?: MessageCode): Promise<CaughtError> {
  const caught = await rejection(promise);
  expect({ code: caught.error.code, appCode: caught.data.code }).toEqual({ code, appCode: appCode ?? caught.data.code });
  expect(caught.data.text.ja).toMatch(JAPANESE);
  expect(caught.data.text.en.length).toBeGreaterThan(0);
  return caught;
}

/** Expects VALIDATION_FAILED with a field error `fieldCode` at `path`. */
export async function expectFieldError(promise: Promise<unknown>, path: string, fieldCode: string): Promise<CaughtError> {
  const caught = await expectRefusal(promise, "BAD_REQUEST", "VALIDATION_FAILED");
  const field = caught.data.fields.find((f) => f.path === path && f.code === fieldCode);
  expect(field, `${path}/${fieldCode} in ${JSON.stringify(caught.data.fields)}`).toBeDefined();
  expect(field?.text.ja).toMatch(JAPANESE);
  expect(field?.text.en.length).toBeGreaterThan(0);
  return caught;
}

// ── Invitations ─────────────────────────────────────────────────────────────────────────────

/** The invitation mails queued to an address, oldest first, as the outbox holds them. */
export function invitationMailsTo(db: Kysely<Database>, email: string) {
  return db
    .selectFrom("outbox")
    .select(["toAddresses", "subject", "bodyText", "bodyHtml", "fromAddress", "messageId"])
    .where("kind", "=", "invitation")
    .where("toAddresses", "=", JSON.stringify([email]))
    // The harness's clock stands still, so queueing order is SQLite's rowid.
    .orderBy(sql`rowid`)
    .execute();
}

/** The token of the newest invitation link mailed to an address (the mail is the only place it exists). */
export async function invitationTokenFor(db: Kysely<Database>, email: string): Promise<string> {
  const mails = await invitationMailsTo(db, email);
  const token = /\/invite\/([A-Za-z0-9_-]{43})/.exec(mails.at(-1)?.bodyText ?? "")?.[1];
  if (!token) throw new Error(`no invitation link mailed to ${email}`);
  return token;
}
