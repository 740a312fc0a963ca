import { randomUUID } from "node:crypto";
import { Migrator } from "kysely";
import { expect, it } from "vitest";
import { forEachDialect, seedContract, seedUser } from "../testing.ts";
import { insertInvitation, listOpenInvitations } from "../queries/invitations.ts";
import { migrationProvider } from "./index.ts";

// 2026-12-02T1300 makes one open invitation per address and scope a rule of the database. Open
// duplicates already there (two invitations sent at the same moment) keep only their newest.
forEachDialect("invitations migration", (t) => {
  it("keeps the newest of open duplicates, revoked when it was sent; down and up again", async () => {
    const migrator = new Migrator({ db: t.db, provider: migrationProvider });
    expect((await migrator.migrateTo("2026-12-02T1200-report-search-pending-text")).error).toBeUndefined();
    const contract = await seedContract(t.db);
    const other = await seedContract(t.db);
    const owner = await seedUser(t.db, { role: "client", contractId: contract.id, clientRole: "owner" });
    const invite = (contractId: string | null, email: string, createdAt: string) =>
      insertInvitation(t.db, {
        email,
        role: contractId ? "client" : "operator",
        contractId,
        clientRole: contractId ? "member" : null,
        mailbox: contractId ? null : `m-${randomUUID().slice(0, 8)}`,
        displayName: "招待 太郎",
        locale: "ja",
        tokenHash: randomUUID(),
        invitedBy: owner.id,
        createdAt,
        expiresAt: "2026-12-20T00:00:00.000Z",
      });
    const old = await invite(contract.id, "dup@client.example", "2026-12-01T00:00:00.000Z");
    const middle = await invite(contract.id, "dup@client.example", "2026-12-01T00:00:00.000Z");
    const newest = await invite(contract.id, "dup@client.example", "2026-12-02T00:00:00.000Z");
    const elsewhere = await invite(other.id, "dup@client.example", "2026-12-01T00:00:00.000Z");
    const staffOld = await invite(null, "dup@agency.example", "2026-12-01T00:00:00.000Z");
    const staffNew = await invite(null, "dup@agency.example", "2026-12-01T01:00:00.000Z");
    expect((await migrator.migrateToLatest()).error).toBeUndefined();

    expect((await listOpenInvitations(t.db, contract.id)).map((i) => i.id)).toEqual([newest.id]);
    expect((await listOpenInvitations(t.db, other.id)).map((i) => i.id)).toEqual([elsewhere.id]);
    expect((await listOpenInvitations(t.db, null)).map((i) => i.id)).toEqual([staffNew.id]);
    const revoked = await t.db.selectFrom("invitations").select(["id", "revokedAt"]).where("revokedAt", "is not", null).orderBy("revokedAt").execute();
    // The older ones count as replaced by the newest: revoked when it was sent.
    expect(revoked).toEqual(
      expect.arrayContaining([
        { id: staffOld.id, revokedAt: staffNew.createdAt },
        { id: old.id, revokedAt: newest.createdAt },
        { id: middle.id, revokedAt: newest.createdAt },
      ]),
    );
    expect(revoked).toHaveLength(3);

    expect((await migrator.migrateTo("2026-12-02T1200-report-search-pending-text")).error).toBeUndefined();
    await invite(contract.id, "dup@client.example", "2026-12-03T00:00:00.000Z");
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await listOpenInvitations(t.db, contract.id)).toHaveLength(1);
  });
});
