import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { createDb } from "../connect.ts";
import { conflictOf } from "../conflicts.ts";
import { isUniqueViolation } from "../executor.ts";
import { forEachDialect, seedContract, seedUser } from "../testing.ts";
import {
  claimInvitation,
  findInvitationByTokenHash,
  findPendingMailboxInvitation,
  getInvitation,
  insertInvitation,
  listOpenInvitations,
  OPEN_INVITATION,
  renewInvitation,
  revokeInvitation,
  revokeOpenInvitationsFor,
  type NewInvitationInput,
} from "./invitations.ts";

const T0 = "2026-11-24T01:00:00.000Z";
const T1 = "2026-11-25T01:00:00.000Z";
const EXPIRES = "2026-12-01T01:00:00.000Z";
const LATER = "2026-12-02T01:00:00.000Z";
const hash = () => randomUUID().replaceAll("-", "");

forEachDialect("invitations", (t) => {
  async function clientInvitation(overrides: Partial<NewInvitationInput> = {}) {
    const contract = await seedContract(t.db, { legalEntityName: "株式会社あおば商事" });
    const inviter = await seedUser(t.db, { role: "client", contractId: contract.id, clientRole: "owner", displayName: "高橋 由美" });
    const tokenHash = hash();
    const invitation = await insertInvitation(t.db, {
      email: " New@Client.Example ",
      role: "client",
      contractId: contract.id,
      clientRole: "member",
      mailbox: null,
      displayName: "山田 太郎",
      locale: "ja",
      tokenHash,
      invitedBy: inviter.id,
      createdAt: T0,
      expiresAt: EXPIRES,
      ...overrides,
    });
    return { contract, inviter, tokenHash, invitation };
  }

  it("keeps the address folded and never hands out the token's hash", async () => {
    const { invitation, contract } = await clientInvitation();
    expect(invitation).toMatchObject({ email: "new@client.example", role: "client", contractId: contract.id, displayName: "山田 太郎", acceptedAt: null, revokedAt: null, expiresAt: EXPIRES });
    expect(invitation).not.toHaveProperty("tokenHash");
  });

  it("lists a contract's open invitations with the inviter's name, and no other contract's", async () => {
    const mine = await clientInvitation();
    const other = await clientInvitation();
    const listed = await listOpenInvitations(t.db, mine.contract.id);
    expect(listed.map((i) => i.id)).toEqual([mine.invitation.id]);
    expect(listed[0]).toMatchObject({ invitedByName: "高橋 由美" });
    expect(listed[0]).not.toHaveProperty("tokenHash");
    expect(await getInvitation(t.db, mine.contract.id, other.invitation.id)).toBeUndefined();
    expect(await revokeInvitation(t.db, mine.contract.id, other.invitation.id, T1)).toBeUndefined();
    expect(await renewInvitation(t.db, mine.contract.id, other.invitation.id, { tokenHash: hash(), expiresAt: LATER })).toBeUndefined();
    expect(await getInvitation(t.db, other.contract.id, other.invitation.id)).toMatchObject({ revokedAt: null });
  });

  it("finds an invitation by its token's hash with the company that invited", async () => {
    const { tokenHash, invitation } = await clientInvitation();
    expect(await findInvitationByTokenHash(t.db, tokenHash)).toMatchObject({ id: invitation.id, legalEntityName: "株式会社あおば商事", invitedByName: "高橋 由美" });
    expect(await findInvitationByTokenHash(t.db, hash())).toBeUndefined();
  });

  it("is claimed once, only before it expires and unless revoked", async () => {
    const a = await clientInvitation();
    expect(await claimInvitation(t.db, a.tokenHash, EXPIRES)).toBeUndefined();
    expect(await claimInvitation(t.db, a.tokenHash, T1)).toMatchObject({ id: a.invitation.id, acceptedAt: T1 });
    expect(await claimInvitation(t.db, a.tokenHash, T1)).toBeUndefined();
    expect(await revokeInvitation(t.db, a.contract.id, a.invitation.id, T1)).toBeUndefined();
    expect(await listOpenInvitations(t.db, a.contract.id)).toEqual([]);

    const b = await clientInvitation();
    expect(await revokeInvitation(t.db, b.contract.id, b.invitation.id, T1)).toMatchObject({ revokedAt: T1 });
    expect(await claimInvitation(t.db, b.tokenHash, T1)).toBeUndefined();
  });

  it("of two claims at once, exactly one wins (on PostgreSQL from two connections)", async () => {
    const { tokenHash } = await clientInvitation();
    // SQLite serves a process from one connection: there the two transactions take turns.
    const second = t.dialect === "postgres" ? createDb(t.url) : { db: t.db, close: async () => {} };
    try {
      const results = await Promise.all([
        t.db.transaction().execute((trx) => claimInvitation(trx, tokenHash, T1)),
        second.db.transaction().execute((trx) => claimInvitation(trx, tokenHash, T1)),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it("keeps one open invitation per address and scope: a second is refused until the first is closed", async () => {
    const first = await clientInvitation();
    const fields: NewInvitationInput = { email: "new@client.example", role: "client", contractId: first.contract.id, clientRole: "member", mailbox: null, displayName: "山田 太郎", locale: "ja", tokenHash: hash(), invitedBy: first.inviter.id, createdAt: T1, expiresAt: EXPIRES };
    const refusal = (input: NewInvitationInput) =>
      insertInvitation(t.db, input).then(
        () => undefined,
        (error: unknown) => {
          // Recognised as this index on either engine (SQLite names an index on expressions by its name).
          expect(isUniqueViolation(error, OPEN_INVITATION)).toBe(true);
          return conflictOf(error)?.code;
        },
      );
    expect(await refusal(fields)).toBe("CHANGED_MEANWHILE");
    // Another contract, and the agency's own staff (no contract), may invite the same address.
    const other = await seedContract(t.db);
    expect(await refusal({ ...fields, contractId: other.id, tokenHash: hash() })).toBeUndefined();
    const staff = { ...fields, role: "operator" as const, contractId: null, clientRole: null };
    expect(await refusal({ ...staff, tokenHash: hash(), mailbox: `m-${hash().slice(0, 8)}` })).toBeUndefined();
    expect(await refusal({ ...staff, tokenHash: hash(), mailbox: `m-${hash().slice(0, 8)}` })).toBe("CHANGED_MEANWHILE");
    // Closed (revoked, then accepted), it no longer holds the address.
    await revokeInvitation(t.db, first.contract.id, first.invitation.id, T1);
    const secondHash = hash();
    const second = await insertInvitation(t.db, { ...fields, tokenHash: secondHash });
    expect(await claimInvitation(t.db, secondHash, T1)).toMatchObject({ id: second.id });
    expect(await refusal({ ...fields, tokenHash: hash() })).toBeUndefined();
    expect(await listOpenInvitations(t.db, first.contract.id)).toHaveLength(1);
  });

  it("of two invitations of one address at once, one link stays open (on PostgreSQL from two connections)", async () => {
    const { contract, inviter } = await clientInvitation({ email: "other@client.example" });
    const second = t.dialect === "postgres" ? createDb(t.url) : { db: t.db, close: async () => {} };
    // Both revoke what is open before either inserts: the race revoking first cannot close.
    let arrived = 0;
    let release = () => {};
    const bothRevoked = new Promise<void>((resolve) => (release = resolve));
    const invite = (db: typeof t.db) =>
      db.transaction().execute(async (trx) => {
        await revokeOpenInvitationsFor(trx, contract.id, "same@client.example", T1);
        if (++arrived === 2) release();
        // SQLite runs one transaction at a time on its one connection: the second starts after the first ends.
        if (t.dialect === "postgres") await bothRevoked;
        return insertInvitation(trx, { email: "same@client.example", role: "client", contractId: contract.id, clientRole: "member", mailbox: null, displayName: "同時 花子", locale: "ja", tokenHash: hash(), invitedBy: inviter.id, createdAt: T1, expiresAt: EXPIRES });
      });
    try {
      const results = await Promise.allSettled([invite(t.db), invite(second.db)]);
      const open = (await listOpenInvitations(t.db, contract.id)).filter((i) => i.email === "same@client.example");
      expect(open).toHaveLength(1);
      if (t.dialect === "postgres") {
        // The second insert waited for the first's commit, then met the index.
        expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
        const lost = results.find((r) => r.status === "rejected");
        expect(conflictOf(lost?.status === "rejected" ? lost.reason : undefined)?.code).toBe("CHANGED_MEANWHILE");
      } else {
        expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
      }
    } finally {
      await second.close();
    }
  });

  it("a new link replaces the old one, also for an expired invitation", async () => {
    const { tokenHash, invitation, contract } = await clientInvitation();
    const fresh = hash();
    expect(await renewInvitation(t.db, contract.id, invitation.id, { tokenHash: fresh, expiresAt: "2026-12-09T01:00:00.000Z" })).toMatchObject({ id: invitation.id, expiresAt: "2026-12-09T01:00:00.000Z" });
    expect(await findInvitationByTokenHash(t.db, tokenHash)).toBeUndefined();
    expect(await claimInvitation(t.db, fresh, LATER)).toMatchObject({ id: invitation.id });
  });

  it("inviting an address again revokes the scope's open invitations for it, not another contract's", async () => {
    const first = await clientInvitation();
    const elsewhere = await clientInvitation();
    expect(await revokeOpenInvitationsFor(t.db, first.contract.id, "NEW@client.example", T1)).toBe(1);
    expect(await listOpenInvitations(t.db, first.contract.id)).toEqual([]);
    expect(await listOpenInvitations(t.db, elsewhere.contract.id)).toHaveLength(1);
  });

  it("staff invitations: scoped to the agency (no contract), holding a mailbox while pending", async () => {
    const mailbox = `new-${hash().slice(0, 8)}`;
    const staff = await insertInvitation(t.db, {
      email: `${mailbox}@agency.example`,
      role: "operator",
      contractId: null,
      clientRole: null,
      mailbox,
      displayName: "新人 太郎",
      locale: "en",
      tokenHash: hash(),
      invitedBy: null,
      createdAt: T0,
      expiresAt: EXPIRES,
    });
    expect((await listOpenInvitations(t.db, null)).map((i) => i.id)).toContain(staff.id);
    expect(await findPendingMailboxInvitation(t.db, mailbox, T1)).toMatchObject({ id: staff.id });
    expect(await findPendingMailboxInvitation(t.db, mailbox, LATER)).toBeUndefined();
  });

  it("refuses a row the user could not become: staff without a mailbox, a client without a contract", async () => {
    const base = { email: "x@example.com", displayName: "x", locale: "ja" as const, invitedBy: null, createdAt: T0, expiresAt: EXPIRES };
    await expect(insertInvitation(t.db, { ...base, role: "operator", contractId: null, clientRole: null, mailbox: null, tokenHash: hash() })).rejects.toThrow();
    await expect(insertInvitation(t.db, { ...base, role: "client", contractId: null, clientRole: "member", mailbox: null, tokenHash: hash() })).rejects.toThrow();
  });
});
