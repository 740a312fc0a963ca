/**
 * Saving a message (DESIGN, "The call, end to end", step 4): one transaction stores the report,
 * routes it (R7), queues its mail composed by the domain (R1, R2, R3) and any callback (R5),
 * with the audit row. A failure anywhere leaves nothing behind.
 */
import { answerPhrase, composeReport, type MessageInput, refuse, routeCall } from "@uketsuke/domain";
import {
  getCallForReport,
  getWrongNumber,
  insertCallback,
  insertReport,
  inTransaction,
  isUniqueViolation,
  listRoster,
  queueMail,
  type Report,
  type UserProfile,
} from "@uketsuke/db";
import { randomUUID } from "node:crypto";
import type { Context } from "../context.ts";
import { audit } from "../audit.ts";

export type SavedMessage = { report: Report; callbackId: string | null; outboxId: string };

type Operator = UserProfile & { mailbox: string };

/**
 * Checks the call, routes the report (R7) and composes its mail (R1, R2, R8): reads only. The
 * console's preview is this, so the operator sees exactly what saving will mail.
 */
export async function prepareReport(ctx: Context, operator: Operator, input: MessageInput) {
  const db = ctx.db;
  const call = await getCallForReport(db, input.callId);
  if (!call) return refuse("NOT_FOUND");
  if (call.claimedBy !== operator.id) return refuse("CALL_NOT_YOURS");
  if (call.reportId) return refuse("CALL_ALREADY_REPORTED");
  const contractId = call.contractId;
  if (input.wrongNumberEntryId && !(await getWrongNumber(db, contractId, input.wrongNumberEntryId))) {
    return refuse("NOT_FOUND");
  }

  const roster = await listRoster(db, contractId);
  const routing = routeCall(roster, input.requestedPerson);
  const reportId = randomUUID();
  const mail = composeReport({
    reportId,
    agencyDomain: ctx.agency.mailDomain,
    operator: { displayName: operator.displayName, mailbox: operator.mailbox },
    receivedAt: new Date(call.answeredAt ?? call.ringAt),
    caller: { company: input.callerCompany, name: input.callerName },
    callbackNumber: input.callbackNumber,
    requestedPerson: input.requestedPerson,
    routing: {
      recipientName: routing.recipient.name,
      recipientAddress: routing.recipient.reportAddress,
      reason: routing.reason,
    },
    message: input.message,
    callbackRequested: input.callbackRequested,
    urgent: input.urgent,
    outcome: input.outcome,
  });

  return { call, contractId, routing, reportId, mail };
}

export async function saveMessage(ctx: Context, operator: Operator, input: MessageInput): Promise<SavedMessage> {
  const now = ctx.clock();
  // Read and compose outside the transaction: on SQLite the transaction holds the one
  // connection, so it should hold it only for the writes. The reports.callId UNIQUE constraint,
  // not the read, is what guarantees one report per call when two saves race.
  const { call, contractId, routing, reportId, mail } = await prepareReport(ctx, operator, input);

  // The input's fields are the report's columns, by the same names; 至急 lives in the body only.
  const { urgent: _urgent, ...columns } = input;
  const saved = await inTransaction(ctx.db, async (trx) => {
    const report = await insertReport(trx, {
      ...columns,
      id: reportId,
      contractId,
      operatorId: operator.id,
      receivedAt: call.answeredAt ?? call.ringAt,
      routedMemberId: routing.recipient.id,
      routedName: routing.recipient.name,
      routedAddress: routing.recipient.reportAddress,
      routingReason: routing.reason,
      subject: mail.subject,
      bodyText: mail.text,
      bodyHtml: mail.html,
      messageId: mail.messageId,
    });
    const outbox = await queueMail(trx, mail, { kind: "report", reportId: report.id, nextAttemptAt: now.toISOString() });
    const callback = input.callbackRequested
      ? await insertCallback(trx, { reportId: report.id, contractId, requestedAt: report.receivedAt })
      : null;
    await audit(trx, ctx, {
      action: "report.create",
      entity: "report",
      entityId: report.id,
      contractId: contractId,
      detail: { callId: call.id, outcome: input.outcome, routing: routing.reason, answeredAs: answerPhrase(call.answerName).ja },
    });
    return { report, callbackId: callback?.id ?? null, outboxId: outbox.id };
  }).catch((error: unknown) => (isUniqueViolation(error) ? refuse("CALL_ALREADY_REPORTED") : Promise.reject(error)));
  ctx.bus.publish({ type: "report.created", reportId: saved.report.id, contractId: saved.report.contractId });
  if (saved.callbackId) ctx.bus.publish({ type: "callback.created", callbackId: saved.callbackId, contractId: saved.report.contractId });
  return saved;
}
