import * as z from "zod";
import { ADDRESS_KINDS, LIST_POLICIES } from "../vocabulary.ts";
import { emailSchema, idSchema, optionalKanaSchema, optionalText, spokenName } from "./common.ts";

export const addressKindSchema = z.enum(ADDRESS_KINDS);
/** R3: whether a mailing list accepts posts from non-members. */
export const listPolicySchema = z.enum(LIST_POLICIES);

const reportAddressFields = {
  reportAddress: emailSchema,
  addressKind: addressKindSchema.default("person"),
  listPolicy: listPolicySchema.optional().nullable().transform((v) => v ?? undefined),
};

/** A list must say whether outsiders may post to it: R3 decides on that answer. */
function requireListPolicy(value: { addressKind: string; listPolicy?: string | undefined }, ctx: z.RefinementCtx) {
  if (value.addressKind === "list" && !value.listPolicy) {
    ctx.addIssue({ code: "custom", path: ["listPolicy"], message: "FIELD_LIST_POLICY_REQUIRED" });
  }
}

export const reportAddressSchema = z.object(reportAddressFields).superRefine(requireListPolicy);
export type ReportAddress = z.output<typeof reportAddressSchema>;

const rosterMemberFields = z.object({ name: spokenName(60), nameKana: optionalKanaSchema, department: optionalText(60), ...reportAddressFields });

export const rosterMemberInputSchema = rosterMemberFields.superRefine(requireListPolicy);
export type RosterMemberInput = z.output<typeof rosterMemberInputSchema>;

export const rosterMemberUpdateSchema = rosterMemberFields.extend({ id: idSchema }).superRefine(requireListPolicy);

export const rosterReorderSchema = z.object({
  orderedIds: z.array(idSchema).min(1, { error: "R7_REORDER_INVALID" }).max(500),
});
