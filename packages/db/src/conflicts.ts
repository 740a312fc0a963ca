import { DomainError, fieldRefusal, type MessageCode } from "@uketsuke/domain";
import { isUniqueViolation, type UniqueConstraint } from "./executor.ts";

/**
 * The UNIQUE constraints a person can run into, with the catalogue code that explains them and
 * the input field they belong to. Routers check before writing, which answers the usual case with
 * the exact field; the constraint decides a race (two supervisors giving out the same number at
 * the same moment), and this turns its violation into the same refusal instead of a 500.
 */
const CONFLICTS: ReadonlyArray<{ constraint: UniqueConstraint; code: MessageCode; field?: string }> = [
  { constraint: { name: "contract_numbers_pkey", table: "contract_numbers", columns: ["number"] }, code: "NUMBER_TAKEN", field: "numbers" },
  { constraint: { name: "users_email_key", table: "users", columns: ["email"] }, code: "EMAIL_TAKEN", field: "email" },
  { constraint: { name: "users_mailbox_key", table: "users", columns: ["mailbox"] }, code: "MAILBOX_TAKEN", field: "mailbox" },
  { constraint: { name: "reports_call_id_key", table: "reports", columns: ["call_id"] }, code: "CALL_ALREADY_REPORTED" },
];

/**
 * The refusal a UNIQUE violation stands for, on either engine; any other UNIQUE violation is a
 * write that lost a race with another one (CHANGED_MEANWHILE: look again and retry). Undefined
 * when the error is not a UNIQUE violation at all.
 */
export function conflictOf(error: unknown): DomainError | undefined {
  if (!isUniqueViolation(error)) return undefined;
  const known = CONFLICTS.find((conflict) => isUniqueViolation(error, conflict.constraint));
  if (!known) return new DomainError("CHANGED_MEANWHILE");
  return known.field ? fieldRefusal(known.field, known.code) : new DomainError(known.code);
}
