/**
 * /telephony: where the telephony provider tells Uketsuke a call is ringing, answered or over.
 * Two doors to the same handler: a signed JSON webhook, and Twilio's voice webhooks.
 */
import { Hono, type Context as HonoContext } from "hono";
import { bodyLimit } from "hono/body-limit";
import { handleCallEvent, type ApiDeps } from "@uketsuke/api";
import { callEventSchema, checkInput, DomainError, message } from "@uketsuke/domain";
import type { Logger } from "../logger.ts";
import { badPayload, domainFailure, refusal } from "./refusal.ts";
import { SIGNATURE_HEADER, signatureRefusal, TIMESTAMP_HEADER, verifySignature } from "./signature.ts";
import { twilioRoutes } from "./twilio.ts";

export type TelephonyOptions = {
  deps: ApiDeps;
  logger: Logger;
  webhookSecret: string;
  twilioAuthToken: string | undefined;
  publicUrl: string | undefined;
};

/** A call event is a few hundred bytes and Twilio's form posts a few KiB: anything near this is not one. */
const BODY_LIMIT = { bytes: 64 * 1024, words: "64 KiB" } as const;

function bodyTooLarge(c: HonoContext) {
  // The rest of the body is never read, so this connection cannot carry another request.
  return refusal(c, new DomainError("BODY_TOO_LARGE", { params: { max: BODY_LIMIT.words } }), 413, { connection: "close" });
}

export function telephonyRoutes(options: TelephonyOptions) {
  const app = new Hono();

  // Before the signature check: an unsigned body must not cost the server its size in memory.
  app.use("*", bodyLimit({ maxSize: BODY_LIMIT.bytes, onError: bodyTooLarge }));

  app.post("/events", async (c) => {
    const rawBody = await c.req.text();
    const check = verifySignature({
      secret: options.webhookSecret,
      rawBody,
      signature: c.req.header(SIGNATURE_HEADER),
      timestamp: c.req.header(TIMESTAMP_HEADER),
      now: options.deps.clock(),
    });
    if (!check.ok) return refusal(c, signatureRefusal(check.reason));
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      return badPayload(c, [{ path: "", code: "FIELD_TYPE_INVALID", text: message("FIELD_TYPE_INVALID", { expected: "JSON" }) }]);
    }
    const parsed = checkInput(callEventSchema, body);
    if (!parsed.ok) return badPayload(c, parsed.fields);
    try {
      const outcome = await handleCallEvent(options.deps, parsed.value, body);
      options.logger.info({ event: parsed.value.type, callId: parsed.value.callId, result: outcome.result }, "call event");
      return c.json({ ok: true, ...outcome });
    } catch (error) {
      return domainFailure(c, error);
    }
  });

  app.route("/twilio", twilioRoutes(options));
  return app;
}
