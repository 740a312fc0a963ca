import { insertAudit, type Executor } from "@uketsuke/db";
import type { Context } from "./context.ts";

/** Every change leaves a row, written in the same transaction as the change itself. */
export function audit(
  trx: Executor,
  ctx: Context,
  entry: { action: string; entity: string; entityId?: string | null; contractId?: string | null; detail?: unknown },
) {
  const user = ctx.session?.user;
  return insertAudit(trx, {
    at: ctx.clock().toISOString(),
    actor_user_id: user?.id ?? null,
    actor_role: user?.role ?? null,
    contract_id: entry.contractId ?? null,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId ?? null,
    detail: entry.detail ?? {},
  });
}
