// Constraint races answer 4xx, never 500 (issue 7): several requests at the same moment that
// want the same number, email or roster place, on both engines. PostgreSQL runs them in real
// parallel over its pool; SQLite's one connection takes them in turn.
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPCError } from "@trpc/server";
import { createSession, insertAgency, insertContract, insertUser, listRoster, type UserProfile } from "@uketsuke/db";
import { forEachDialect, randomNumber } from "@uketsuke/db/testing";
import { sql } from "kysely";
import { expect, it } from "vitest";
import { newSessionToken, sessionIdOf } from "../src/auth/session-token.ts";
import { appRouter, createCallerFactory, createContext, InProcessEventBus, SESSION_COOKIE, type ApiDeps } from "../src/index.ts";

const createCaller = createCallerFactory(appRouter);
const SECRET = "test-cookie-secret-0123456789abcdef";

/** The HTTP status each settled call answered with (200 for a success). */
function statuses(results: PromiseSettledResult<unknown>[]): number[] {
  return results.map((r) => (r.status === "fulfilled" ? 200 : r.reason instanceof TRPCError ? getHTTPStatusCodeFromError(r.reason) : 500));
}

const tally = (codes: number[]) => ({
  ok: codes.filter((c) => c === 200).length,
  conflict: codes.filter((c) => c === 409).length,
  serverError: codes.filter((c) => c >= 500).length,
});

forEachDialect("constraint races", (t) => {
  let deps: ApiDeps;
  const callerAs = async (user: UserProfile) => {
    const token = newSessionToken();
    await createSession(t.db, { id: sessionIdOf(token, SECRET), userId: user.id, expiresAt: "2099-01-01T00:00:00.000Z" });
    return createCaller(await createContext(deps, { headers: new Headers({ cookie: `${SESSION_COOKIE}=${token}` }) }));
  };
  const staff = (role: "supervisor" | "operator") =>
    insertUser(t.db, { email: `${crypto.randomUUID()}@agency.example.jp`, passwordHash: "unused", displayName: "管理 花子", role, mailbox: `m${crypto.randomUUID().slice(0, 8)}` });

  it("10 parallel contracts.create with one number: one created, nine 409 NUMBER_TAKEN, no 5xx", async () => {
    const agency = await insertAgency(t.db, { name: "受付テスト", mailDomain: "agency.example.jp" });
    deps = { db: t.db, agency, bus: new InProcessEventBus(), clock: () => new Date(), cookieSecret: SECRET, secureCookies: false, sessionTtlHours: 12 };
    const supervisor = await callerAs(await staff("supervisor"));
    const number = randomNumber();
    await warmPool();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => supervisor.admin.contracts.create({ legalEntityName: `株式会社競合${i}`, answerName: `競合${i}`, numbers: [number] })),
    );
    const counts = tally(statuses(results));
    console.info(`[${t.dialect}] 10 parallel contracts.create, one number:`, counts);
    expect(counts).toEqual({ ok: 1, conflict: 9, serverError: 0 });
    for (const r of results) {
      if (r.status === "rejected") expect((r.reason as TRPCError).cause).toMatchObject({ code: "NUMBER_TAKEN", fields: [expect.objectContaining({ code: "NUMBER_TAKEN" })] });
    }
    const owners = await t.db.selectFrom("contract_numbers").select("contractId").where("number", "=", number).execute();
    expect(owners).toHaveLength(1);
  });

  /** Ten open connections before a burst, so its transactions really run side by side on PostgreSQL. */
  const warmPool = () => Promise.all(Array.from({ length: 10 }, () => sql`select 1`.execute(t.db)));

  it("users.add of one address five times at once: five pending answers, one open link, no 5xx; an address of the same contract is 409 EMAIL_ALREADY_USER", async () => {
    const contract = await insertContract(t.db, { agencyId: deps.agency.id, legalEntityName: "株式会社あおば", answerName: "あおば", numbers: [randomNumber()] });
    const owner = await insertUser(t.db, { email: `owner-${crypto.randomUUID()}@aoba.example.com`, passwordHash: "unused", displayName: "代表", role: "client", contractId: contract.id, clientRole: "owner" });
    const caller = await callerAs(owner);
    const input = { email: `new-${crypto.randomUUID()}@aoba.example.com`, displayName: "新人 一郎" };
    await warmPool();
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => caller.users.add(input)));
    const counts = tally(statuses(results));
    console.info(`[${t.dialect}] 5 parallel users.add, one email:`, counts);
    expect(counts).toEqual({ ok: 5, conflict: 0, serverError: 0 });
    // One link works: each later invitation revoked the one before (on PostgreSQL, those that met
    // the first's row in the unique index ran again and then revoked it).
    const open = await t.db.selectFrom("invitations").select("id").where("email", "=", input.email).where("acceptedAt", "is", null).where("revokedAt", "is", null).execute();
    expect(open).toHaveLength(1);
    const mails = await t.db.selectFrom("outbox").select("id").where("kind", "=", "invitation").where("toAddresses", "=", JSON.stringify([input.email])).execute();
    expect(mails).toHaveLength(5);
    const again = await caller.users.add({ ...input, email: owner.email }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(TRPCError);
    expect(getHTTPStatusCodeFromError(again as TRPCError)).toBe(409);
    expect((again as TRPCError).cause).toMatchObject({ code: "EMAIL_ALREADY_USER", fields: [{ path: "email", code: "EMAIL_ALREADY_USER" }] });
  });

  it("5 parallel invitations.accept of one link: one user, four 404 INVITATION_INVALID, no 5xx", async () => {
    const contract = await insertContract(t.db, { agencyId: deps.agency.id, legalEntityName: "株式会社さくら", answerName: "さくら", numbers: [randomNumber()] });
    const owner = await insertUser(t.db, { email: `owner-${crypto.randomUUID()}@sakura.example.com`, passwordHash: "unused", displayName: "代表", role: "client", contractId: contract.id, clientRole: "owner" });
    const email = `new-${crypto.randomUUID()}@sakura.example.com`;
    await (await callerAs(owner)).users.add({ email, displayName: "新人 花子" });
    const mail = await t.db.selectFrom("outbox").select("bodyText").where("kind", "=", "invitation").where("toAddresses", "=", JSON.stringify([email])).executeTakeFirstOrThrow();
    const token = /\/invite\/([A-Za-z0-9_-]{43})/.exec(mail.bodyText)?.[1] ?? "";
    await warmPool();
    // Each from its own client address, so the sign-in limits do not decide the race.
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, async (_, i) => createCaller(await createContext(deps, { headers: new Headers(), ip: `192.0.2.${i + 1}` })).invitations.accept({ token, password: "correct-horse-battery" })),
    );
    const codes = statuses(results);
    console.info(`[${t.dialect}] 5 parallel invitations.accept, one link:`, codes);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 404)).toHaveLength(4);
    expect(await t.db.selectFrom("users").select("id").where("email", "=", email).execute()).toHaveLength(1);
  });

  it("staff.create with a taken mailbox: 409 MAILBOX_TAKEN at the mailbox field", async () => {
    const supervisor = await callerAs(await staff("supervisor"));
    const taken = await staff("operator");
    const refused = await supervisor.admin.staff
      .create({ email: `${crypto.randomUUID()}@agency.example.jp`, displayName: "新人", mailbox: taken.mailbox ?? "" })
      .catch((e: unknown) => e);
    expect(getHTTPStatusCodeFromError(refused as TRPCError)).toBe(409);
    expect((refused as TRPCError).cause).toMatchObject({ code: "MAILBOX_TAKEN", fields: [{ path: "mailbox", code: "MAILBOX_TAKEN" }] });
  });

  it("10 parallel roster.add: ten members at ten distinct places, no 5xx", async () => {
    const contract = await insertContract(t.db, { agencyId: deps.agency.id, legalEntityName: "株式会社みどり", answerName: "みどり", numbers: [randomNumber()] });
    const owner = await insertUser(t.db, { email: `owner-${crypto.randomUUID()}@midori.example.com`, passwordHash: "unused", displayName: "代表", role: "client", contractId: contract.id, clientRole: "owner" });
    const caller = await callerAs(owner);
    await warmPool();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => caller.roster.add({ name: `担当 ${i}`, reportAddress: `tanto${i}@midori.example.com`, addressKind: "person" })),
    );
    const counts = tally(statuses(results));
    console.info(`[${t.dialect}] 10 parallel roster.add:`, counts);
    expect(counts.serverError).toBe(0);
    const places = (await listRoster(t.db, contract.id)).map((m) => m.position);
    expect(places).toEqual(Array.from({ length: counts.ok }, (_, i) => i + 1));
    expect(counts.ok).toBe(10);
  });
});
