import type { z } from "zod";
import { isMessageCode, message, type LocalizedText, type MessageCode, type MessageParams } from "./catalogue.ts";
import { DomainError, type FieldError } from "./domain-error.ts";

/**
 * Every zod issue becomes a catalogue code with ja/en text. Schemas name their own failures with
 * a code as the issue's message (`{ error: "FIELD_EMAIL_INVALID" }`); zod's built-in checks are
 * mapped by what they checked (a string too long is FIELD_TOO_LONG with its `max`). Zod's own
 * words never reach a person, so neither does a code or its params.
 */
type Issue = z.core.$ZodIssue;

/** What zod expected, in words: 文字列 / text. */
const EXPECTED: Record<string, LocalizedText> = {
  string: { ja: "文字列", en: "text" },
  number: { ja: "数値", en: "a number" },
  int: { ja: "整数", en: "a whole number" },
  boolean: { ja: "はい・いいえ", en: "true or false" },
  object: { ja: "項目のまとまり", en: "an object" },
  array: { ja: "一覧", en: "a list" },
  date: { ja: "日付", en: "a date" },
  bigint: { ja: "整数", en: "a whole number" },
};

/** Size codes a schema may name; the issue knows better whether it counted characters, entries or a value. */
const SIZE_CODES = new Set<MessageCode>([
  "FIELD_TOO_LONG",
  "FIELD_TOO_SHORT",
  "FIELD_TOO_MANY",
  "FIELD_TOO_FEW",
  "FIELD_NUMBER_TOO_LARGE",
  "FIELD_NUMBER_TOO_SMALL",
  "FIELD_NUMBER_NOT_BELOW",
  "FIELD_NUMBER_NOT_ABOVE",
]);

type Coded = { code: MessageCode; params?: MessageParams };

function sizeCode(issue: Extract<Issue, { code: "too_big" | "too_small" }>): Coded {
  const big = issue.code === "too_big";
  const limit = Number(big ? issue.maximum : issue.minimum);
  if (issue.origin === "string") {
    // min(1) on text means "say something": a blank answer is missing, not short.
    if (!big && limit <= 1) return { code: "FIELD_REQUIRED" };
    return big ? { code: "FIELD_TOO_LONG", params: { max: limit } } : { code: "FIELD_TOO_SHORT", params: { min: limit } };
  }
  if (issue.origin === "array" || issue.origin === "set" || issue.origin === "file") {
    return big ? { code: "FIELD_TOO_MANY", params: { max: limit } } : { code: "FIELD_TOO_FEW", params: { min: limit } };
  }
  const inclusive = issue.inclusive !== false;
  if (big) return inclusive ? { code: "FIELD_NUMBER_TOO_LARGE", params: { max: limit } } : { code: "FIELD_NUMBER_NOT_BELOW", params: { max: limit } };
  return inclusive ? { code: "FIELD_NUMBER_TOO_SMALL", params: { min: limit } } : { code: "FIELD_NUMBER_NOT_ABOVE", params: { min: limit } };
}

function formatCode(format: string): MessageCode {
  if (format === "email") return "FIELD_EMAIL_INVALID";
  if (["uuid", "guid", "cuid", "cuid2", "ulid", "nanoid", "xid", "ksuid"].includes(format)) return "FIELD_ID_INVALID";
  if (format === "datetime" || format === "date" || format === "time") return "FIELD_DATETIME_INVALID";
  return "FIELD_FORMAT_INVALID";
}

/** What zod checked, as a catalogue code. */
function builtInCode(issue: Issue): Coded {
  switch (issue.code) {
    case "invalid_type": {
      const expected = EXPECTED[issue.expected] ?? { ja: issue.expected, en: issue.expected };
      return { code: "FIELD_TYPE_INVALID", params: { expected } };
    }
    case "too_big":
    case "too_small":
      return sizeCode(issue);
    case "invalid_format":
      return { code: formatCode(issue.format) };
    case "invalid_value":
      return { code: "FIELD_CHOICE_INVALID" };
    case "unrecognized_keys":
      return { code: "FIELD_UNKNOWN", params: { keys: issue.keys.join(", ") } };
    default:
      return { code: "FIELD_INVALID" };
  }
}

/** Params a schema-named code is filled with: a size check's limit, or a refinement's own params. */
function paramsOf(issue: Issue): MessageParams | undefined {
  if (issue.code === "too_big") return { max: Number(issue.maximum) };
  if (issue.code === "too_small") return { min: Number(issue.minimum) };
  if (issue.code === "custom" && issue.params) return issue.params as MessageParams;
  return undefined;
}

/** The catalogue code and params of one zod issue. */
export function issueCode(issue: Issue): Coded {
  const named = issue.message;
  if (isMessageCode(named)) {
    if (SIZE_CODES.has(named) && (issue.code === "too_big" || issue.code === "too_small")) return sizeCode(issue);
    const params = paramsOf(issue);
    return params ? { code: named, params } : { code: named };
  }
  return builtInCode(issue);
}

export function toFieldError(issue: Issue): FieldError {
  const path = issue.path.map(String).join(".");
  const { code, params } = issueCode(issue);
  const text = message(code, params);
  // A schema that named a code without the params its text needs would show "{max}": say less, not that.
  if (/\{\w+\}/.test(text.ja + text.en)) return { path, code: "FIELD_INVALID", text: message("FIELD_INVALID") };
  return { path, code, text };
}

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map(toFieldError);
}

/**
 * For a schema whose own failure (a missing value or one of the wrong type) has a meaning of its
 * own: `z.string(whenMissing("FIELD_REQUIRED"))`. Checks chained after it are left to speak for
 * themselves, where a plain `{ error: code }` would lend them the same code.
 */
export function whenMissing(code: MessageCode | ((input: unknown) => MessageCode)) {
  return {
    error: (issue: { code?: string; input?: unknown }) =>
      issue.code === "invalid_type" ? (typeof code === "function" ? code(issue.input) : code) : undefined,
  };
}

/** Parse input with a domain schema; on failure throw one DomainError listing every field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new DomainError("VALIDATION_FAILED", { fields: fieldErrors(result.error) });
}

/** Like parseInput, but returns the field errors instead of throwing (for forms). */
export function checkInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; value: z.output<S> } | { ok: false; fields: FieldError[] } {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, fields: fieldErrors(result.error) };
}
