import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { DomainError, fieldErrors, isDomainError, message, ruleOf, type MessageCode } from "@uketsuke/domain";
import { z } from "zod";

/** How each kind of refusal travels over HTTP. Rule refusals are 422: the input was understood. */
function httpCodeFor(code: MessageCode): TRPC_ERROR_CODE_KEY {
  if (ruleOf(code) && !code.startsWith("FIELD_")) return "UNPROCESSABLE_CONTENT";
  switch (code) {
    case "NOT_FOUND":
    case "NUMBER_UNKNOWN":
      return "NOT_FOUND";
    case "UNAUTHENTICATED":
    case "LOGIN_FAILED":
      return "UNAUTHORIZED";
    case "FORBIDDEN":
    case "CALL_NOT_YOURS":
      return "FORBIDDEN";
    case "LOGIN_THROTTLED":
      return "TOO_MANY_REQUESTS";
    case "CALL_ALREADY_CLAIMED":
    case "CALL_ALREADY_REPORTED":
    case "EMAIL_TAKEN":
    case "MAILBOX_TAKEN":
    case "NUMBER_TAKEN":
    case "OUTBOX_NOT_FAILED":
      return "CONFLICT";
    case "INTERNAL":
      return "INTERNAL_SERVER_ERROR";
    default:
      return "BAD_REQUEST";
  }
}

export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: httpCodeFor(error.code), message: error.text.en, cause: error });
}

/** Throw a catalogue error as a tRPC error in one step. */
export function fail(code: MessageCode, params?: Record<string, string | number>): never {
  throw toTRPCError(new DomainError(code, params ? { params } : {}));
}

/** What every error response carries in `data`: the stable code, the rule, ja/en text, fields. */
export type AppErrorData = {
  appCode: MessageCode;
  rule: string | null;
  text: { ja: string; en: string };
  fields: Array<{ path: string; code: string; message: { ja: string; en: string } }>;
};

export function appErrorData(error: TRPCError): AppErrorData {
  const cause = error.cause;
  if (isDomainError(cause)) {
    return { appCode: cause.code, rule: cause.rule ?? null, text: cause.text, fields: [...cause.fields] };
  }
  if (cause instanceof z.ZodError) {
    return { appCode: "VALIDATION_FAILED", rule: null, text: message("VALIDATION_FAILED"), fields: fieldErrors(cause) };
  }
  // The body or ?input= was empty or not JSON at all: say so as a field error, not with the parser's words.
  if (error.code === "BAD_REQUEST" && cause instanceof SyntaxError) {
    const fields = [{ path: "", code: "FIELD_TYPE_INVALID", message: message("FIELD_TYPE_INVALID", { expected: "JSON" }) }];
    return { appCode: "VALIDATION_FAILED", rule: null, text: message("VALIDATION_FAILED"), fields };
  }
  const fallback: MessageCode =
    error.code === "NOT_FOUND" ? "NOT_FOUND"
    : error.code === "UNAUTHORIZED" ? "UNAUTHENTICATED"
    : error.code === "FORBIDDEN" ? "FORBIDDEN"
    : error.code === "INTERNAL_SERVER_ERROR" ? "INTERNAL"
    : "VALIDATION_FAILED";
  return { appCode: fallback, rule: null, text: message(fallback), fields: [] };
}
