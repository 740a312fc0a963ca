import { z } from "zod";
import { emailSchema, idSchema, optionalKanaSchema, requiredText } from "./common.ts";

export const addressKindSchema = z.enum(["person", "list"]);
/** R3: whether a mailing list accepts posts from non-members. */
export const listPolicySchema = z.enum(["open", "members_only"]);

export const reportAddressSchema = z
  .object({
    reportAddress: emailSchema,
    addressKind: addressKindSchema.default("person"),
    listPolicy: listPolicySchema.optional().nullable().transform((v) => v ?? undefined),
  })
  .superRefine((value, ctx) => {
    if (value.addressKind === "list" && !value.listPolicy) {
      ctx.addIssue({ code: "custom", path: ["listPolicy"], message: "FIELD_LIST_POLICY_REQUIRED" });
    }
  });
export type ReportAddress = z.output<typeof reportAddressSchema>;

export const rosterMemberInputSchema = z
  .object({
    name: requiredText(60),
    nameKana: optionalKanaSchema,
  })
  .and(reportAddressSchema);
export type RosterMemberInput = z.output<typeof rosterMemberInputSchema>;

export const rosterReorderSchema = z.object({
  orderedIds: z.array(idSchema).min(1, { error: "R7_REORDER_INVALID" }).max(500),
});
