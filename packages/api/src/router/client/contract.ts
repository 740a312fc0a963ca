import type { TRPCRouterRecord } from "@trpc/server";
import {
  answerPhrase,
  answerServiceRequest,
  businessStatus,
  message,
  REPORT_SUBJECT,
  senderFilterHint,
  serviceRequestSchema,
} from "@uketsuke/domain";
import { getContract } from "@uketsuke/db";
import { fail } from "../../errors.ts";
import { clientProcedure } from "../../trpc.ts";

export const contractRouter = {
  /** The client's own contract: how it is answered and how its reports arrive. */
  get: clientProcedure.query(async ({ ctx }) => {
    const contract = await getContract(ctx.db, ctx.contractId);
    if (!contract) return fail("NOT_FOUND");
    const status = businessStatus(ctx.clock());
    return {
      id: contract.id,
      legalEntityName: contract.legal_entity_name,
      answerName: contract.answer_name,
      answerPhrase: answerPhrase(contract.answer_name),
      numbers: contract.numbers,
      status: contract.status,
      reportSubject: REPORT_SUBJECT,
      senderDomain: ctx.agency.mail_domain,
      senderFilterHint: senderFilterHint(ctx.agency.mail_domain),
      // R3: what the dashboard says beside the report addresses.
      internalTrafficNotice: message("R3_INTERNAL_TRAFFIC"),
      open: status.open,
      opensAt: status.open ? null : status.opensAt.toISOString(),
    };
  }),

  /** Requests the Q&A answers with "no" (R1, R4, R5, R10): always refused, with the reason. */
  request: clientProcedure.input(serviceRequestSchema).mutation(({ input }) => answerServiceRequest(input.kind)),
} satisfies TRPCRouterRecord;
