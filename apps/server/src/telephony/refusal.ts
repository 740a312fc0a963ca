/**
 * How /telephony says no: the one error shape of every endpoint (`errorBody` from the API), with
 * the status each provider's retries and logs expect.
 */
import type { Context as HonoContext } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { errorBody } from "@uketsuke/api";
import { DomainError, isDomainError, type FieldError, type MessageCode } from "@uketsuke/domain";

/** The status each refusal answers the provider with; the body is `{ error: { code, rule, text, fields } }`. */
const STATUS: Partial<Record<MessageCode, ContentfulStatusCode>> = {
  WEBHOOK_SIGNATURE_MISSING: 401,
  WEBHOOK_SIGNATURE_MALFORMED: 401,
  WEBHOOK_SIGNATURE_MISMATCH: 401,
  WEBHOOK_TIMESTAMP_STALE: 401,
  WEBHOOK_NOT_CONFIGURED: 404,
  NUMBER_UNKNOWN: 404,
  NOT_FOUND: 404,
  R4_OUTBOUND_NOT_OFFERED: 422,
};

/** A refusal in the one error shape; `status` where a provider expects another (Twilio's 403). */
export function refusal(c: HonoContext, error: DomainError, status?: ContentfulStatusCode, headers?: Record<string, string>) {
  return c.json({ error: errorBody(error) }, status ?? STATUS[error.code] ?? 400, headers);
}

/** Maps a refusal from the handler to its 4xx; anything else is a real failure. */
export function domainFailure(c: HonoContext, error: unknown) {
  if (isDomainError(error)) return refusal(c, error);
  throw error;
}

/** A payload that failed the call event's schema (or is not JSON): 400 with each field's reason. */
export function badPayload(c: HonoContext, fields: readonly FieldError[]) {
  return refusal(c, new DomainError("VALIDATION_FAILED", { fields }));
}
