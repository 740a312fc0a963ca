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

/** Newest first; `contractId` narrows to one contract's trail. */
export async function listAudit(
  db: Executor,
  options: { contractId?: string; limit?: number } = {},
): Promise<AuditEntry[]> {
  let query = db.selectFrom("audit_log").selectAll();
  if (options.contractId !== undefined) query = query.where("contractId", "=", options.contractId);
  const rows = await query
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(options.limit ?? 100)
    .execute();
  return rows.map(decode);
}
