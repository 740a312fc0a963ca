/**
 * Saving a message (DESIGN, "The call, end to end", step 4): one transaction stores the report,
 * routes it (R7), queues its mail composed by the domain (R1, R2, R3) and any callback (R5),
 * with the audit row. A failure anywhere leaves nothing behind.
 */
import {
  answerPhrase,
  composeReport,
  routeCall,
  type MessageInput,
} from "@uketsuke/domain";
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
  type User,
} from "@uketsuke/db";
import { randomUUID } from "node:crypto";
import type { Context } from "../context.ts";
import { audit } from "../audit.ts";
import { fail } from "../errors.ts";

export type SavedMessage = { report: Report; callbackId: string | null; outboxId: string };

type Operator = User & { mailbox: string };

/** Checks the call, routes the report (R7) and composes its mail (R1, R2, R8): reads only. */
async function prepareReport(ctx: Context, operator: Operator, input: MessageInput) {
  const db = ctx.db;
  const call = await getCallForReport(db, input.callId);
  if (!call) return fail("NOT_FOUND");
  if (call.claimed_by !== operator.id) return fail("CALL_NOT_YOURS");
  if (call.report_id) return fail("CALL_ALREADY_REPORTED");
  const contractId = call.contract_id;
  if (input.wrongNumberEntryId && !(await getWrongNumber(db, contractId, input.wrongNumberEntryId))) {
    return fail("NOT_FOUND");
  }

  const roster = await listRoster(db, contractId);
  const routing = routeCall(
    roster.map((m) => ({ ...m, nameKana: m.name_kana })),
    input.requestedPerson,
  );
  const reportId = randomUUID();
  const mail = composeReport({
    reportId,
    agencyDomain: ctx.agency.mail_domain,
    operator: { displayName: operator.display_name, mailbox: operator.mailbox },
    receivedAt: new Date(call.answered_at ?? call.ring_at),
    caller: { company: input.callerCompany, name: input.callerName },
    callbackNumber: input.callbackNumber,
    requestedPerson: input.requestedPerson,
    routing: {
      recipientName: routing.recipient.name,
      recipientAddress: routing.recipient.report_address,
      reason: routing.reason,
    },
    message: input.message,
    callbackRequested: input.callbackRequested,
    outcome: input.outcome,
  });

  return { call, contractId, routing, reportId, mail };
}

export async function saveMessage(ctx: Context, operator: Operator, input: MessageInput): Promise<SavedMessage> {
  const now = ctx.clock();
  // Read and compose outside the transaction: on SQLite the transaction holds the one
  // connection, so it should hold it only for the writes. The reports.call_id UNIQUE constraint,
  // not the read, is what guarantees one report per call when two saves race.
  const { call, contractId, routing, reportId, mail } = await prepareReport(ctx, operator, input);

  const saved = await inTransaction(ctx.db, async (trx) => {
    const report = await insertReport(trx, {
      id: reportId,
      contract_id: contractId,
      call_id: call.id,
      operator_id: operator.id,
      received_at: call.answered_at ?? call.ring_at,
      caller_company: input.callerCompany ?? null,
      caller_name: input.callerName ?? null,
      callback_number: input.callbackNumber ?? null,
      requested_person: input.requestedPerson ?? null,
      routed_member_id: routing.recipient.id,
      routed_name: routing.recipient.name,
      routed_address: routing.recipient.report_address,
      routing_reason: routing.reason,
      message: input.message,
      callback_requested: input.callbackRequested,
      outcome: input.outcome,
      wrong_number_entry_id: input.wrongNumberEntryId ?? null,
      subject: mail.subject,
      body_text: mail.text,
      body_html: mail.html,
      message_id: mail.messageId,
    });
    const outbox = await queueMail(trx, mail, { kind: "report", reportId: report.id, nextAttemptAt: now.toISOString() });
    const callback = input.callbackRequested
      ? await insertCallback(trx, { report_id: report.id, contract_id: contractId, requested_at: report.received_at })
      : null;
    await audit(trx, ctx, {
      action: "report.create",
      entity: "report",
      entityId: report.id,
      contractId: contractId,
      detail: { callId: call.id, outcome: input.outcome, routing: routing.reason, answeredAs: answerPhrase(call.answer_name).ja },
    });
    return { report, callbackId: callback?.id ?? null, outboxId: outbox.id };
  }).catch((error: unknown) => (isUniqueViolation(error) ? fail("CALL_ALREADY_REPORTED") : Promise.reject(error)));
  ctx.bus.publish({ type: "report.created", reportId: saved.report.id, contractId: saved.report.contract_id });
  if (saved.callbackId) ctx.bus.publish({ type: "callback.created", callbackId: saved.callbackId, contractId: saved.report.contract_id });
  return saved;
}
