import type { TRPCRouterRecord } from "@trpc/server";
import {
  answerPhrase,
  answerServiceRequest,
  businessStatus,
  message,
  nextOpening,
  refuse,
  REPORT_SUBJECT,
  senderFilterHint,
  serviceRequestSchema,
} from "@uketsuke/domain";
import { getContract } from "@uketsuke/db";
import { clientProcedure } from "../../trpc.ts";

export const contractRouter = {
  /** The client's own contract: how it is answered and how its reports arrive. */
  get: clientProcedure.query(async ({ ctx }) => {
    const contract = await getContract(ctx.db, ctx.contractId);
    if (!contract) return refuse("NOT_FOUND");
    const status = businessStatus(ctx.clock());
    return {
      id: contract.id,
      legalEntityName: contract.legalEntityName,
      answerName: contract.answerName,
      answerPhrase: answerPhrase(contract.answerName),
      numbers: contract.numbers,
      status: contract.status,
      reportSubject: REPORT_SUBJECT,
      senderDomain: ctx.agency.mailDomain,
      senderFilterHint: senderFilterHint(ctx.agency.mailDomain),
      // R3: what the dashboard says beside the report addresses.
      internalTrafficNotice: message("R3_INTERNAL_TRAFFIC"),
      open: status.open,
      opensAt: status.open ? null : status.opensAt.toISOString(),
      // R9: while open, until when; and in any case when the next working day's hours begin.
      closesAt: status.open ? status.closesAt.toISOString() : null,
      nextOpening: nextOpening(ctx.clock()).toISOString(),
    };
  }),

  /** Requests the Q&A answers with "no" (R1, R4, R5, R10): always refused, with the reason. */
  request: clientProcedure.input(serviceRequestSchema).mutation(({ input }) => answerServiceRequest(input.kind)),
} satisfies TRPCRouterRecord;
