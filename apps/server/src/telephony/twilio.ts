/**
 * Twilio's voice webhooks, mapped onto the same call events: point a Twilio number's "A call
 * comes in" at /telephony/twilio/voice and its status callback at /telephony/twilio/status.
 * Requests are checked with Twilio's own X-Twilio-Signature validation, and every answer to
 * Twilio is valid TwiML.
 */
import { Hono, type Context as HonoContext } from "hono";
import { validateRequest } from "twilio/lib/webhooks/webhooks.js";
import VoiceResponse from "twilio/lib/twiml/VoiceResponse.js";
import { handleCallEvent } from "@uketsuke/api";
import { findCallByExternalId } from "@uketsuke/db";
import { afterHoursAnnouncement, callEventSchema, checkInput, DomainError, isDomainError, type CallEvent } from "@uketsuke/domain";
import { badPayload, refusal } from "./refusal.ts";
import type { TelephonyOptions } from "./routes.ts";

function twiml(c: HonoContext<TwilioEnv>, response: VoiceResponse, headers: Record<string, string> = {}) {
  return c.body(response.toString(), 200, { "content-type": "text/xml; charset=utf-8", ...headers });
}

/** Twilio signs the exact URL it called; behind a proxy that is PUBLIC_URL, not our own view. */
function signedUrl(c: HonoContext, publicUrl: string | undefined): string {
  const url = new URL(c.req.url);
  return publicUrl ? `${publicUrl.replace(/\/$/, "")}${url.pathname}${url.search}` : url.toString();
}

const HANGUP_STATUSES = new Set(["completed", "busy", "no-answer", "canceled", "failed"]);

function toEvent(params: Record<string, string>, type: CallEvent["type"], at: Date) {
  return checkInput(callEventSchema, {
    type,
    callId: params.CallSid,
    from: params.From ?? "",
    to: params.To,
    // Twilio says "inbound" for calls to the number, "outbound-api"/"outbound-dial" for calls it places.
    direction: params.Direction === "inbound" ? "inbound" : "outbound",
    at: at.toISOString(),
  });
}

type TwilioEnv = { Variables: { twilioParams: Record<string, string> } };

export function twilioRoutes(options: TelephonyOptions) {
  const app = new Hono<TwilioEnv>();

  app.use("*", async (c, next) => {
    if (!options.twilioAuthToken) return refusal(c, new DomainError("WEBHOOK_NOT_CONFIGURED", { params: { setting: "TWILIO_AUTH_TOKEN" } }));
    const form = await c.req.parseBody();
    const params = Object.fromEntries(Object.entries(form).filter((e): e is [string, string] => typeof e[1] === "string"));
    const signature = c.req.header("x-twilio-signature") ?? "";
    // 403, as Twilio's own examples answer an unsigned or wrongly signed request.
    if (!signature) return refusal(c, new DomainError("WEBHOOK_SIGNATURE_MISSING", { params: { header: "X-Twilio-Signature" } }), 403);
    if (!validateRequest(options.twilioAuthToken, signature, signedUrl(c, options.publicUrl), params)) {
      return refusal(c, new DomainError("WEBHOOK_SIGNATURE_MISMATCH"), 403);
    }
    c.set("twilioParams", params);
    await next();
  });

  app.post("/voice", async (c) => {
    const params = c.get("twilioParams");
    const parsed = toEvent(params, "ring", options.deps.clock());
    const response = new VoiceResponse();
    if (!parsed.ok) return badPayload(c, parsed.fields);
    try {
      const outcome = await handleCallEvent(options.deps, parsed.value, params);
      // Twilio retrying this webhook gets the same answer as the first time: from the call as recorded.
      const recorded = outcome.result === "duplicate" ? await findCallByExternalId(options.deps.db, parsed.value.callId) : undefined;
      if (outcome.result === "closed" || recorded?.status === "closed") {
        // R9: outside business hours no operator answers.
        response.say({ language: "ja-JP" }, afterHoursAnnouncement().ja);
        response.hangup();
      } else {
        // The caller waits in the contract's queue until an operator claims the call in the console.
        response.enqueue({}, `uketsuke-${outcome.result === "queued" ? outcome.contractId : (recorded?.contractId ?? "call")}`);
      }
      return twiml(c, response);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      // R4 or an unknown number: reject the call, and say why in a header for the logs.
      response.reject();
      return twiml(c, response, { "x-uketsuke-refusal": error.code });
    }
  });

  app.post("/status", async (c) => {
    const params = c.get("twilioParams");
    const status = params.CallStatus ?? "";
    const type = status === "in-progress" ? "answer" : HANGUP_STATUSES.has(status) ? "hangup" : null;
    if (!type) return twiml(c, new VoiceResponse());
    const parsed = toEvent(params, type, options.deps.clock());
    if (!parsed.ok) return badPayload(c, parsed.fields);
    try {
      await handleCallEvent(options.deps, parsed.value, params);
    } catch (error) {
      if (!isDomainError(error)) throw error;
    }
    return twiml(c, new VoiceResponse());
  });

  return app;
}
