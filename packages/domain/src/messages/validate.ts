import { z } from "zod";
import { isMessageCode, message, type MessageParams } from "./catalogue.ts";
import { DomainError, type FieldError } from "./domain-error.ts";

/**
 * Schemas name their own failures with catalogue codes (`{ error: "FIELD_EMAIL_INVALID" }`),
 * optionally with params after a `|` as JSON. Any other failure is one of zod's built-in
 * checks, which zod's own ja and en locales put into words.
 */
const ja = z.locales.ja();
const en = z.locales.en();

export function codeMessage(code: string, params?: MessageParams): string {
  return params ? `${code}|${JSON.stringify(params)}` : code;
}

function toFieldError(issue: z.core.$ZodIssue): FieldError {
  const path = issue.path.map(String).join(".");
  const [head, rawParams] = issue.message.split("|", 2) as [string, string | undefined];
  if (isMessageCode(head)) {
    const params = rawParams ? (JSON.parse(rawParams) as MessageParams) : undefined;
    return { path, code: head, message: message(head, params) };
  }
  // The received value is not always kept on the issue (tRPC parses without reportInput), so a
  // type error says what was expected rather than guessing what arrived.
  if (issue.code === "invalid_type") {
    return { path, code: "FIELD_TYPE_INVALID", message: message("FIELD_TYPE_INVALID", { expected: issue.expected }) };
  }
  const raw = issue as unknown as z.core.$ZodRawIssue;
  return {
    path,
    code: issue.code,
    message: { ja: String(ja.localeError(raw) ?? issue.message), en: String(en.localeError(raw) ?? issue.message) },
  };
}

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map(toFieldError);
}

/** Parse input with a domain schema; on failure throw one DomainError listing every field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  throw new DomainError("VALIDATION_FAILED", { fields: fieldErrors(result.error) });
}

/** Like parseInput, but returns the field errors instead of throwing (for forms). */
export function checkInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; value: z.output<S> } | { ok: false; fields: FieldError[] } {
  const result = schema.safeParse(input, { reportInput: true });
  return result.success ? { ok: true, value: result.data } : { ok: false, fields: fieldErrors(result.error) };
}
