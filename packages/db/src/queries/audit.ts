import { isoNow, newId } from "../executor.ts";
import type { Executor } from "../executor.ts";
import type { UserRole } from "@uketsuke/domain";
import type { AuditEntry } from "../schema.ts";

export interface NewAuditInput {
  actorUserId?: string | null;
  actorRole?: UserRole | null;
  contractId?: string | null;
  /** e.g. 'roster.reorder'. */
  action: string;
  entity: string;
  entityId?: string | null;
  detail?: unknown;
  at?: string;
}

const decode = <T extends { detail: string }>(row: T) => ({ ...row, detail: JSON.parse(row.detail) as unknown });

export async function insertAudit(db: Executor, entry: NewAuditInput): Promise<AuditEntry> {
  const row = await db
    .insertInto("audit_log")
    .values({
      id: newId(),
      at: entry.at ?? isoNow(),
      actorUserId: entry.actorUserId ?? null,
      actorRole: entry.actorRole ?? null,
      contractId: entry.contractId ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return decode(row);
}

export interface AuditFilter {
  contractId?: string;
  actorUserId?: string;
  /** An action (`contract.create`) or its family (`contract`). */
  action?: string;
  /** at >= from (ISO). */
  from?: string;
  /** at < to (ISO). */
  to?: string;
  /** Entries older than this one (the last of the previous page). */
  before?: { at: string; id: string };
  limit?: number;
}

/** An audit entry with the name of whoever made the change (null for the system, or a user since removed). */
export type AuditListEntry = AuditEntry & { actorName: string | null };

/** Newest first, narrowed by contract, person, action, time; paged by `before`. */
export async function listAudit(db: Executor, options: AuditFilter = {}): Promise<AuditListEntry[]> {
  let query = db
    .selectFrom("audit_log")
    .leftJoin("users", "users.id", "audit_log.actorUserId")
    .selectAll("audit_log")
    .select("users.displayName as actorName");
  if (options.contractId !== undefined) query = query.where("audit_log.contractId", "=", options.contractId);
  if (options.actorUserId !== undefined) query = query.where("audit_log.actorUserId", "=", options.actorUserId);
  if (options.action) {
    const action = options.action;
    // The family `contract` is every action from "contract." up to "contract/" ('/' follows '.').
    query = query.where((eb) =>
      eb.or([eb("audit_log.action", "=", action), eb.and([eb("audit_log.action", ">=", `${action}.`), eb("audit_log.action", "<", `${action}/`)])]),
    );
  }
  if (options.from !== undefined) query = query.where("audit_log.at", ">=", options.from);
  if (options.to !== undefined) query = query.where("audit_log.at", "<", options.to);
  if (options.before) {
    const { at, id } = options.before;
    query = query.where((eb) => eb.or([eb("audit_log.at", "<", at), eb.and([eb("audit_log.at", "=", at), eb("audit_log.id", "<", id)])]));
  }
  const rows = await query
    .orderBy("audit_log.at", "desc")
    .orderBy("audit_log.id", "desc")
    .limit(options.limit ?? 100)
    .execute();
  return rows.map(decode);
}
