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
    actorUserId: user?.id ?? null,
    actorRole: user?.role ?? null,
    contractId: entry.contractId ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    detail: entry.detail ?? {},
  });
}
