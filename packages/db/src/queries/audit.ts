import { isoNow, newId } from "../executor.ts";
import type { Executor } from "../executor.ts";
import type { AuditLogRow, UserRole } from "../schema.ts";

export type AuditEntry = Omit<AuditLogRow, "detail"> & { detail: unknown };

export interface NewAuditInput {
  actor_user_id?: string | null;
  actor_role?: UserRole | null;
  contract_id?: string | null;
  /** e.g. 'roster.reorder'. */
  action: string;
  entity: string;
  entity_id?: string | null;
  detail?: unknown;
  at?: string;
}

const decode = (row: AuditLogRow): AuditEntry => ({ ...row, detail: JSON.parse(row.detail) as unknown });

export async function insertAudit(db: Executor, entry: NewAuditInput): Promise<AuditEntry> {
  const row = await db
    .insertInto("audit_log")
    .values({
      id: newId(),
      at: entry.at ?? isoNow(),
      actor_user_id: entry.actor_user_id ?? null,
      actor_role: entry.actor_role ?? null,
      contract_id: entry.contract_id ?? null,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entity_id ?? null,
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
  if (options.contractId !== undefined) query = query.where("contract_id", "=", options.contractId);
  const rows = await query
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(options.limit ?? 100)
    .execute();
  return rows.map(decode);
}
