import type { TRPCRouterRecord } from "@trpc/server";
import {
  answerPhrase,
  assertTakesCalls,
  assessInputSchema,
  businessStatus,
  byIdSchema,
  CALL_OUTCOMES,
  companyAskedFor,
  manualCallInputSchema,
  matchWrongNumber,
  message,
  messageInputSchema,
  outcomeLabels,
  refuse,
  routeCall,
  senderAddress,
  takesCalls,
  TEST_CALL_GUIDANCE,
} from "@uketsuke/domain";
import {
  claimCall,
  endCall,
  getCall,
  getContract,
  insertCall,
  inTransaction,
  listCallerHistory,
  listContracts,
  listRinging,
  listRoster,
  listWrongNumbers,
  type Call,
} from "@uketsuke/db";
import { audit } from "../../audit.ts";
import type { Context } from "../../context.ts";
import { prepareReport, saveMessage } from "../../services/save-message.ts";
import { operatorProcedure } from "../../trpc.ts";

async function ownCall(ctx: Context, operatorId: string, callId: string): Promise<Call> {
  const call = await getCall(ctx.db, callId);
  if (!call) return refuse("NOT_FOUND");
  if (call.claimedBy !== operatorId) return refuse("CALL_NOT_YOURS");
  return call;
}

/** Exactly one of any number of operators claiming the same ringing call gets it. */
async function claimFor(ctx: Context, operatorId: string, callId: string): Promise<Call> {
  const now = ctx.clock().toISOString();
  const call = await inTransaction(ctx.db, async (trx) => {
    const claimed = await claimCall(trx, callId, operatorId, now);
    if (!claimed) return undefined;
    await audit(trx, ctx, { action: "call.claim", entity: "call", entityId: claimed.id, contractId: claimed.contractId });
    return claimed;
  });
  if (!call) return (await getCall(ctx.db, callId)) ? refuse("CALL_ALREADY_CLAIMED") : refuse("NOT_FOUND");
  ctx.bus.publish({ type: "call.claimed", callId: call.id, contractId: call.contractId, operatorId });
  return call;
}

/** Everything the operator needs the moment a call is answered, for a call that is theirs. */
async function screenPopOf(ctx: Context, call: Call) {
  const contract = await getContract(ctx.db, call.contractId);
  if (!contract) return refuse("NOT_FOUND");
  const [roster, wrongNumbers] = await Promise.all([listRoster(ctx.db, contract.id), listWrongNumbers(ctx.db, contract.id)]);
  const business = businessStatus(ctx.clock());
  return {
    call,
    contract: { id: contract.id, legalEntityName: contract.legalEntityName, answerName: contract.answerName, script: contract.script },
    answerPhrase: answerPhrase(contract.answerName),
    roster,
    wrongNumbers,
    outcomes: CALL_OUTCOMES.map((value) => ({ value, label: outcomeLabels[value] })),
    testCallGuidance: TEST_CALL_GUIDANCE,
    business: business.open
      ? { ...business, closesAt: business.closesAt.toISOString() }
      : { ...business, opensAt: business.opensAt.toISOString() },
  };
}

export const callsRouter = {
  /**
   * The console's header: the server's time (ring timers run on it), whether the agency is open
   * now or when it opens next (R9), and the address this operator's reports go out from (R2).
   */
  desk: operatorProcedure.query(({ ctx }) => {
    const now = ctx.clock();
    const status = businessStatus(now);
    return {
      now: now.toISOString(),
      business: status.open
        ? { open: true as const, closesAt: status.closesAt.toISOString() }
        : { open: false as const, reason: status.reason, opensAt: status.opensAt.toISOString() },
      sender: senderAddress(ctx.mailbox, ctx.agency.mailDomain),
    };
  }),

  /** Active contracts, for opening a call by hand. */
  contracts: operatorProcedure.query(async ({ ctx }) =>
    (await listContracts(ctx.db))
      .filter((c) => takesCalls(c.status))
      .map((c) => ({ id: c.id, answerName: c.answerName, numbers: c.numbers })),
  ),

  /** Ringing calls, oldest first: what every console shows. */
  queue: operatorProcedure.query(({ ctx }) => listRinging(ctx.db)),

  /** One operator answers a ringing call; exactly one wins when several click at once. */
  claim: operatorProcedure.input(byIdSchema).mutation(({ ctx, input }) => claimFor(ctx, ctx.user.id, input.id)),

  /**
   * The console's answer key: the claim and the screen pop in one round trip, because the caller
   * is waiting for the answer phrase while it runs.
   */
  answer: operatorProcedure.input(byIdSchema).mutation(async ({ ctx, input }) => screenPopOf(ctx, await claimFor(ctx, ctx.user.id, input.id))),

  /** The screen pop: what the operator says (R10), the script, the roster (R7), the wrong numbers (R6). */
  screenPop: operatorProcedure.input(byIdSchema).query(async ({ ctx, input }) => screenPopOf(ctx, await ownCall(ctx, ctx.user.id, input.id))),

  /**
   * While the caller speaks: does it sound like a registered wrong number (R6), is it for
   * another company (R10), and who would the report go to (R7)?
   */
  assess: operatorProcedure
    .input(assessInputSchema)
    .query(async ({ ctx, input }) => {
      const call = await ownCall(ctx, ctx.user.id, input.callId);
      const contract = await getContract(ctx.db, call.contractId);
      if (!contract) return refuse("NOT_FOUND");
      const [roster, wrongNumbers] = await Promise.all([listRoster(ctx.db, contract.id), listWrongNumbers(ctx.db, contract.id)]);
      const match = matchWrongNumber(wrongNumbers, { company: input.company, number: input.number });
      const asked = companyAskedFor(contract, input.company);
      const routing = roster.length ? routeCall(roster, input.requestedPerson) : null;
      return {
        wrongNumber:
          match.kind === "match"
            ? { kind: match.kind, matches: match.matches.map((m) => ({ entryId: m.entry.id, companyName: m.entry.companyName, typicalCalls: m.entry.typicalCalls, reasons: m.reasons })) }
            : { kind: match.kind, matches: [] },
        companyAskedFor: asked,
        // R10: what the operator tells a caller who wants another (group) company.
        otherCompanyExplanation: asked === "other_company" ? message("R10_OTHER_COMPANY_NOT_RELAYED") : null,
        routing: routing ? { memberId: routing.recipient.id, name: routing.recipient.name, reason: routing.reason } : null,
      };
    }),

  /** A call the telephony provider did not announce: the operator opens it by hand, already answered. */
  openManual: operatorProcedure.input(manualCallInputSchema).mutation(async ({ ctx, input }) => {
    const contract = await getContract(ctx.db, input.contractId);
    if (!contract) return refuse("NOT_FOUND");
    assertTakesCalls(contract.status);
    const now = ctx.clock().toISOString();
    const call = await inTransaction(ctx.db, async (trx) => {
      const ringing = await insertCall(trx, {
        contractId: contract.id,
        fromNumber: input.from ?? "",
        toNumber: contract.numbers[0] ?? "",
        direction: "inbound",
        status: "ringing",
        source: "manual",
        ringAt: now,
      });
      const claimed = await claimCall(trx, ringing.id, ctx.user.id, now);
      if (!claimed) return refuse("INTERNAL");
      await audit(trx, ctx, { action: "call.open_manual", entity: "call", entityId: claimed.id, contractId: contract.id });
      return claimed;
    });
    ctx.bus.publish({ type: "call.claimed", callId: call.id, contractId: call.contractId, operatorId: ctx.user.id });
    return call;
  }),

  /**
   * The report exactly as saving would mail it (fixed subject, sender, routed recipient, body),
   * composed by the same code and written nowhere. A mutation only because its input, a whole
   * message, is too long for a query's URL.
   */
  preview: operatorProcedure.input(messageInputSchema).mutation(async ({ ctx, input }) => {
    const { mail, routing } = await prepareReport(ctx, { ...ctx.user, mailbox: ctx.mailbox }, input);
    return { subject: mail.subject, from: mail.from, to: mail.to, text: mail.text, routedTo: routing.recipient.name, routingReason: routing.reason };
  }),

  /**
   * The caller's history with this client: earlier calls from the same number to the same
   * contract, with what was reported. Tenancy comes from the call, which must be yours.
   */
  history: operatorProcedure.input(byIdSchema).query(async ({ ctx, input }) => {
    const call = await ownCall(ctx, ctx.user.id, input.id);
    if (!call.fromNumber) return { number: "", calls: [] };
    const calls = await listCallerHistory(ctx.db, call.contractId, call.fromNumber, { excludeCallId: call.id, limit: 10 });
    return { number: call.fromNumber, calls };
  }),

  saveMessage: operatorProcedure.input(messageInputSchema).mutation(async ({ ctx, input }) => {
    const saved = await saveMessage(ctx, { ...ctx.user, mailbox: ctx.mailbox }, input);
    return { reportId: saved.report.id, callbackId: saved.callbackId, routedTo: saved.report.routedName, routingReason: saved.report.routingReason };
  }),

  /** The operator hangs up (the provider's hang-up event does the same for telephony calls). */
  end: operatorProcedure.input(byIdSchema).mutation(async ({ ctx, input }) => {
    await ownCall(ctx, ctx.user.id, input.id);
    const ended = await endCall(ctx.db, input.id, ctx.clock().toISOString());
    if (!ended) return refuse("NOT_FOUND");
    ctx.bus.publish({ type: "call.ended", callId: ended.id, contractId: ended.contractId, status: "ended" });
    return ended;
  }),
} satisfies TRPCRouterRecord;
