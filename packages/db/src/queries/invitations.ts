import { newId } from "../executor.ts";
import type { Executor, UniqueConstraint } from "../executor.ts";
import type { Insertable } from "kysely";
import type { Locale } from "@uketsuke/domain";
import type { Invitation, InvitationTable } from "../schema.ts";

/** An invitation as anyone but the token check sees one: never the token's hash. */
export type InvitationSummary = Omit<Invitation, "tokenHash">;
/** With the inviter's name, as the lists show it. */
export type InvitationListItem = InvitationSummary & { invitedByName: string | null };
/** What the accept page shows: who invited, for which company (the contract's legal entity; null for the agency's own staff). */
export type InvitationForInvitee = InvitationListItem & { legalEntityName: string | null };

/**
 * Whose invitations: a contract's (its client users) or, with null, the agency's own staff.
 * Every function below that finds an invitation by id takes it, so a client owner never reaches
 * another contract's invitation.
 */
export type InvitationScope = string | null;

/** Everything but the id, which is made here; the locale is always the inviter's choice. */
export type NewInvitationInput = Omit<Insertable<InvitationTable>, "id" | "locale"> & { locale: Locale };

const summaryColumns = [
  "invitations.id",
  "invitations.email",
  "invitations.role",
  "invitations.contractId",
  "invitations.clientRole",
  "invitations.mailbox",
  "invitations.displayName",
  "invitations.locale",
  "invitations.invitedBy",
  "invitations.createdAt",
  "invitations.expiresAt",
  "invitations.acceptedAt",
  "invitations.revokedAt",
] as const;

/** What an insert or update hands back: the summary's columns, unqualified. */
const returnedColumns = summaryColumns.map((c) => c.slice("invitations.".length)) as Array<
  (typeof summaryColumns)[number] extends `invitations.${infer Column}` ? Column : never
>;

/** `contract_id = ?`, or `is null` for the agency's staff. */
const scopeOp = (scope: InvitationScope) => (scope === null ? "is" : "=");

/**
 * One open (neither accepted nor revoked) invitation per address and scope: a unique partial
 * index on (coalesce(contract_id, ''), email), migration 2026-12-02T1300. An insert that meets it
 * lost a race with another invitation of the same address (the API's `inTransactionInviting` runs it again).
 */
export const OPEN_INVITATION: UniqueConstraint = { name: "invitations_one_open", table: "invitations", columns: [] };

export function insertInvitation(db: Executor, invitation: NewInvitationInput): Promise<InvitationSummary> {
  return db
    .insertInto("invitations")
    .values({ ...invitation, id: newId(), email: invitation.email.trim().toLowerCase() })
    .returning(returnedColumns)
    .executeTakeFirstOrThrow();
}


function withInviter(db: Executor) {
  return db.selectFrom("invitations").leftJoin("users as inviter", "inviter.id", "invitations.invitedBy").select(summaryColumns).select("inviter.displayName as invitedByName");
}

/**
 * The scope's invitations that are neither accepted nor revoked (pending, and expired ones, which
 * can be sent again), newest first.
 */
export function listOpenInvitations(db: Executor, scope: InvitationScope): Promise<InvitationListItem[]> {
  return withInviter(db)
    .where("invitations.contractId", scopeOp(scope), scope)
    .where("invitations.acceptedAt", "is", null)
    .where("invitations.revokedAt", "is", null)
    .orderBy("invitations.createdAt", "desc")
    .orderBy("invitations.id")
    .execute();
}

export function getInvitation(db: Executor, scope: InvitationScope, id: string): Promise<InvitationListItem | undefined> {
  return withInviter(db).where("invitations.contractId", scopeOp(scope), scope).where("invitations.id", "=", id).executeTakeFirst();
}

/** By the HMAC of a link's token, whatever its state: the caller decides what a used or expired one means. */
export function findInvitationByTokenHash(db: Executor, tokenHash: string): Promise<InvitationForInvitee | undefined> {
  return withInviter(db)
    .leftJoin("contracts", "contracts.id", "invitations.contractId")
    .select("contracts.legalEntityName")
    .where("invitations.tokenHash", "=", tokenHash)
    .executeTakeFirst();
}

/**
 * Marks the invitation accepted if it still can be: one conditional UPDATE, so of two accepts at
 * once exactly one gets the row back (on PostgreSQL the second waits for the first's row lock and
 * then finds accepted_at set).
 */
export function claimInvitation(db: Executor, tokenHash: string, nowIso: string): Promise<InvitationSummary | undefined> {
  return db
    .updateTable("invitations")
    .set({ acceptedAt: nowIso })
    .where("tokenHash", "=", tokenHash)
    .where("acceptedAt", "is", null)
    .where("revokedAt", "is", null)
    .where("expiresAt", ">", nowIso)
    .returning(returnedColumns)
    .executeTakeFirst();
}

/** The scope's invitation `id` if it is still open (neither accepted nor revoked): what revoke and renew may change. */
function openInvitation(db: Executor, scope: InvitationScope, id: string) {
  return db.updateTable("invitations").where("contractId", scopeOp(scope), scope).where("id", "=", id).where("acceptedAt", "is", null).where("revokedAt", "is", null);
}

/** Takes back an invitation that is neither accepted nor revoked; undefined when there is none such. */
export function revokeInvitation(db: Executor, scope: InvitationScope, id: string, nowIso: string): Promise<InvitationSummary | undefined> {
  return openInvitation(db, scope, id).set({ revokedAt: nowIso }).returning(returnedColumns).executeTakeFirst();
}

/**
 * A new link for an open invitation (pending or expired): the old token's hash is replaced, so
 * the old link stops working in the same statement.
 */
export function renewInvitation(
  db: Executor,
  scope: InvitationScope,
  id: string,
  renewal: { tokenHash: string; expiresAt: string },
): Promise<InvitationSummary | undefined> {
  return openInvitation(db, scope, id).set(renewal).returning(returnedColumns).executeTakeFirst();
}

/** Inviting an address again replaces the scope's open invitations for it: only the newest link works. */
export async function revokeOpenInvitationsFor(db: Executor, scope: InvitationScope, email: string, nowIso: string): Promise<number> {
  const result = await db
    .updateTable("invitations")
    .set({ revokedAt: nowIso })
    .where("contractId", scopeOp(scope), scope)
    .where("email", "=", email.trim().toLowerCase())
    .where("acceptedAt", "is", null)
    .where("revokedAt", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A pending staff invitation that holds this mailbox for someone else (R2: mailboxes are unique). */
export function findPendingMailboxInvitation(db: Executor, mailbox: string, nowIso: string): Promise<InvitationSummary | undefined> {
  return db
    .selectFrom("invitations")
    .select(summaryColumns)
    .where("mailbox", "=", mailbox)
    .where("acceptedAt", "is", null)
    .where("revokedAt", "is", null)
    .where("expiresAt", ">", nowIso)
    .executeTakeFirst();
}
