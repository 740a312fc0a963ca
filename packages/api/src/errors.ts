import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import {
  DomainError,
  fieldErrors,
  isDomainError,
  message,
  ruleOf,
  type FieldError,
  type LocalizedText,
  type MessageCode,
  type RuleId,
} from "@uketsuke/domain";
import { conflictOf } from "@uketsuke/db";
import { z } from "zod";

// One path for every refusal: code anywhere below a procedure throws the domain's DomainError
// (`refuse(code)`); the procedures' middleware gives it its HTTP status and the error formatter
// its wire shape. Non-tRPC endpoints (webhooks, body limits) build the same shape with
// `errorBody` and `errorStatus`.

/** What every error answer carries, tRPC or not: the catalogue code, its rule, ja/en text, field errors. */
export type ErrorBody = {
  code: MessageCode;
  rule: RuleId | null;
  text: LocalizedText;
  fields: FieldError[];
};

/** A tRPC error's `data`: the body, tRPC's HTTP status and the procedure's path. */
export type AppErrorData = ErrorBody & { httpStatus: number; path?: string };

/** How each kind of refusal travels over HTTP. Rule refusals are 422: the input was understood. */
function trpcCodeFor(code: MessageCode): TRPC_ERROR_CODE_KEY {
  if (ruleOf(code) && !code.startsWith("FIELD_")) return "UNPROCESSABLE_CONTENT";
  switch (code) {
    case "NOT_FOUND":
    case "NUMBER_UNKNOWN":
    case "INVITATION_INVALID":
      return "NOT_FOUND";
    case "UNAUTHENTICATED":
    case "LOGIN_FAILED":
      return "UNAUTHORIZED";
    case "FORBIDDEN":
    case "CALL_NOT_YOURS":
      return "FORBIDDEN";
    case "LOGIN_THROTTLED":
    case "SIGN_IN_BUSY":
    case "LIVE_STREAMS_TOO_MANY":
      return "TOO_MANY_REQUESTS";
    case "CROSS_SITE_REFUSED":
      return "FORBIDDEN";
    case "BODY_TOO_LARGE":
      return "PAYLOAD_TOO_LARGE";
    case "CONTENT_TYPE_UNSUPPORTED":
      return "UNSUPPORTED_MEDIA_TYPE";
    case "CALL_ALREADY_CLAIMED":
    case "CALL_ALREADY_REPORTED":
    case "EMAIL_TAKEN":
    case "EMAIL_ALREADY_USER":
    case "INVITATION_EMAIL_TAKEN":
    case "MAILBOX_TAKEN":
    case "NUMBER_TAKEN":
    case "OUTBOX_NOT_FAILED":
    case "CHANGED_MEANWHILE":
      return "CONFLICT";
    case "INTERNAL":
      return "INTERNAL_SERVER_ERROR";
    default:
      return "BAD_REQUEST";
  }
}

/** A tRPC error that tRPC itself raised (no procedure, bad method, …), in the catalogue's words. */
function codeOfTrpcError(code: TRPC_ERROR_CODE_KEY): MessageCode {
  switch (code) {
    case "NOT_FOUND":
      return "NOT_FOUND";
    case "UNAUTHORIZED":
      return "UNAUTHENTICATED";
    case "FORBIDDEN":
      return "FORBIDDEN";
    case "INTERNAL_SERVER_ERROR":
      return "INTERNAL";
    default:
      return "VALIDATION_FAILED";
  }
}

const notJson = (): DomainError =>
  new DomainError("VALIDATION_FAILED", {
    fields: [{ path: "", code: "FIELD_TYPE_INVALID", text: message("FIELD_TYPE_INVALID", { expected: "JSON" }) }],
  });

/**
 * Anything thrown, as the refusal the person reads. A ZodError is bad input; a SyntaxError is a
 * body that is not JSON (given bare, or as the cause of tRPC's BAD_REQUEST); anything else is
 * INTERNAL, so a driver's or a stack's words never reach the wire.
 */
export function toDomainError(error: unknown): DomainError {
  const cause = error instanceof TRPCError ? error.cause : error;
  if (isDomainError(cause)) return cause;
  // A UNIQUE constraint decided a race (two requests wanting one number): the same refusal as
  // the check before the write would have given, never a 500.
  const conflict = conflictOf(cause);
  if (conflict) return conflict;
  if (cause instanceof z.ZodError) return new DomainError("VALIDATION_FAILED", { fields: fieldErrors(cause) });
  if (cause instanceof SyntaxError && (error === cause || (error instanceof TRPCError && error.code === "BAD_REQUEST"))) {
    return notJson();
  }
  return new DomainError(error instanceof TRPCError ? codeOfTrpcError(error.code) : "INTERNAL");
}

/** The wire's `{ code, rule, text, fields }` for anything thrown. Pure. */
export function errorBody(error: unknown): ErrorBody {
  const refusal = toDomainError(error);
  return { code: refusal.code, rule: refusal.rule, text: refusal.text, fields: [...refusal.fields] };
}

/** The HTTP status the same error answers with (422 for a rule, 400 for bad input, …). */
export function errorStatus(error: unknown): number {
  return getHTTPStatusCodeFromError(toTRPCError(toDomainError(error)));
}

export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: trpcCodeFor(error.code), message: error.text.en, cause: error });
}
