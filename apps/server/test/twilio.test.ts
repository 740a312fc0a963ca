/**
 * Twilio's voice webhooks against the real server: only requests carrying Twilio's signature for
 * the exact URL are heard, and every answer to Twilio is TwiML — enqueue in hours, say and hang
 * up out of hours (R9), reject an outbound call (R4).
 */
import { randomUUID } from "node:crypto";
import { getExpectedTwilioSignature } from "twilio/lib/webhooks/webhooks.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { expectErrorShape } from "./support/error-shape.ts";
import { LOGINS, MIRAI_NUMBER, startUketsuke, TestClock, TWILIO_AUTH_TOKEN, type SignedIn, type Uketsuke } from "./support/uketsuke.ts";

// A real server per file, real HTTP and SMTP: room for a busy two-core machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

let server: Uketsuke;
let operator: SignedIn;
let supervisor: SignedIn;
const PUBLIC_URL = "https://uketsuke.example.jp";

beforeAll(async () => {
  server = await startUketsuke({ workers: false });
  [operator, supervisor] = await Promise.all([server.login(LOGINS.operator), server.login(LOGINS.supervisor)]);
}, 30_000);

afterAll(async () => {
  await server?.close();
});

type Params = Record<string, string>;

function voiceParams(overrides: Params = {}): Params {
  return {
    AccountSid: "AC00000000000000000000000000000000",
    CallSid: `CA${randomUUID().replaceAll("-", "")}`,
    From: "+819012345678",
    To: MIRAI_NUMBER,
    Direction: "inbound",
    CallStatus: "ringing",
    ApiVersion: "2010-04-01",
    ...overrides,
  };
}

/** Posts form-encoded params the way Twilio does, signed for `signedUrl` (default: the URL we call). */
async function twilio(target: Uketsuke, route: "voice" | "status", params: Params, options: { signedUrl?: string; signature?: string | null } = {}) {
  const url = `${target.url}/telephony/twilio/${route}`;
  const signature = options.signature === undefined ? getExpectedTwilioSignature(TWILIO_AUTH_TOKEN, options.signedUrl ?? url, params) : options.signature;
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (signature !== null) headers["x-twilio-signature"] = signature;
  const response = await fetch(url, { method: "POST", headers, body: new URLSearchParams(params).toString() });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

async function callByExternalId(target: Uketsuke, externalId: string) {
  return target.running.db.db.selectFrom("calls").selectAll().where("externalId", "=", externalId).executeTakeFirst();
}

describe("POST /telephony/twilio/voice", () => {
  it("answers a signed inbound call with TwiML that enqueues it, and the call rings in the console", async () => {
    const params = voiceParams();
    const response = await twilio(server, "voice", params);
    expect(response.status, response.text).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/xml/);
    expect(response.text).toMatch(/^<\?xml[^>]*\?><Response>.*<\/Response>$/s);
    expect(response.text).toMatch(/<Enqueue>uketsuke-[0-9a-f-]{36}<\/Enqueue>/);
    const queue = await operator.trpc.calls.queue.query();
    const call = queue.find((c) => c.externalId === params.CallSid);
    expect(call).toMatchObject({ status: "ringing", toNumber: MIRAI_NUMBER, fromNumber: "+819012345678" });
    expect(response.text).toContain(`uketsuke-${call?.contractId}`);
  });

  it("refuses a request whose signature is wrong, missing, or for another URL: 403, nothing written", async () => {
    const before = await server.counts();
    const params = voiceParams();
    const cases = [
      { signature: "bm90IGEgc2lnbmF0dXJl" },
      { signature: null },
      { signature: getExpectedTwilioSignature("another-auth-token", `${server.url}/telephony/twilio/voice`, params) },
      { signedUrl: `${server.url}/telephony/twilio/status` },
      { signedUrl: `${PUBLIC_URL}/telephony/twilio/voice` },
    ];
    for (const options of cases) {
      const response = await twilio(server, "voice", params, options);
      expect(response.status, JSON.stringify(options)).toBe(403);
    }
    // Params changed after signing.
    const signature = getExpectedTwilioSignature(TWILIO_AUTH_TOKEN, `${server.url}/telephony/twilio/voice`, params);
    const tampered = await twilio(server, "voice", { ...params, To: "+81662223333" }, { signature });
    expect(tampered.status).toBe(403);
    expect(await server.counts()).toEqual(before);
    expect(await callByExternalId(server, params.CallSid as string)).toBeUndefined();
  });

  it("rejects an outbound call (R4) with <Reject/> and the refusal in a header, nothing written", async () => {
    const before = await server.counts();
    for (const Direction of ["outbound-api", "outbound-dial"]) {
      const response = await twilio(server, "voice", voiceParams({ Direction }));
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/xml/);
      expect(response.text).toContain("<Reject");
      expect(response.text).not.toContain("<Enqueue");
      expect(response.headers.get("x-uketsuke-refusal")).toBe("R4_OUTBOUND_NOT_OFFERED");
    }
    expect(await server.counts()).toEqual(before);
  });

  it("rejects a call to a number no contract forwards, nothing written", async () => {
    const before = await server.counts();
    const response = await twilio(server, "voice", voiceParams({ To: "+81399998888" }));
    expect(response.text).toContain("<Reject");
    expect(response.headers.get("x-uketsuke-refusal")).toBe("NUMBER_UNKNOWN");
    expect(await server.counts()).toEqual(before);
  });

  it("answers a duplicate delivery of the same call with the same TwiML, and no second call row", async () => {
    const params = voiceParams();
    const first = await twilio(server, "voice", params);
    expect(first.text).toContain("<Enqueue>");
    const before = await server.counts();
    const again = await twilio(server, "voice", params);
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(await server.counts()).toEqual(before);
  });

  it("says 400 (not 500) to a signed request without a CallSid, naming the field", async () => {
    const { CallSid: _drop, ...params } = voiceParams();
    const response = await twilio(server, "voice", params);
    expect(response.status).toBe(400);
    const error = expectErrorShape(JSON.parse(response.text), "VALIDATION_FAILED");
    expect(error.fields).toMatchObject([{ path: "callId" }]);
  });

  it("refuses in the one error shape: unsigned and wrongly signed 403, as Twilio expects", async () => {
    const before = await server.counts();
    const unsigned = await twilio(server, "voice", voiceParams(), { signature: null });
    expect(unsigned.status).toBe(403);
    expect(unsigned.headers.get("content-type")).toMatch(/^application\/json/);
    expectErrorShape(JSON.parse(unsigned.text), "WEBHOOK_SIGNATURE_MISSING");
    const wrong = await twilio(server, "voice", voiceParams(), { signature: "bm90IGEgc2lnbmF0dXJl" });
    expect(wrong.status).toBe(403);
    expectErrorShape(JSON.parse(wrong.text), "WEBHOOK_SIGNATURE_MISMATCH");
    expect(await server.counts()).toEqual(before);
  });
});

describe("POST /telephony/twilio/status", () => {
  it("turns 'completed' for a call still ringing into a missed call", async () => {
    const params = voiceParams();
    await twilio(server, "voice", params);
    const response = await twilio(server, "status", { ...params, CallStatus: "completed" });
    expect(response.status).toBe(200);
    expect(response.text).toMatch(/<Response\s*\/>|<Response><\/Response>/);
    expect(await callByExternalId(server, params.CallSid as string)).toMatchObject({ status: "missed" });
    const missed = await supervisor.trpc.admin.oversight.missedCalls.query();
    expect(missed.map((c) => c.externalId)).toContain(params.CallSid);
  });

  it("answers statuses it does not act on, and unknown calls, with empty TwiML (Twilio retries nothing)", async () => {
    const before = await server.counts();
    const ringing = await twilio(server, "status", voiceParams({ CallStatus: "ringing" }));
    expect(ringing.status).toBe(200);
    const unknown = await twilio(server, "status", voiceParams({ CallStatus: "completed" }));
    expect(unknown.status).toBe(200);
    expect(unknown.text).toContain("<Response");
    expect(await server.counts()).toEqual(before);
  });

  it("refuses an unsigned status callback: 403", async () => {
    const response = await twilio(server, "status", voiceParams({ CallStatus: "completed" }), { signature: null });
    expect(response.status).toBe(403);
  });
});

describe("Twilio not configured", () => {
  it("answers 404 WEBHOOK_NOT_CONFIGURED, naming the setting", async () => {
    const bare = await startUketsuke({ workers: false, env: { TWILIO_AUTH_TOKEN: undefined } });
    try {
      const response = await twilio(bare, "voice", voiceParams());
      expect(response.status).toBe(404);
      const { text } = expectErrorShape(JSON.parse(response.text), "WEBHOOK_NOT_CONFIGURED");
      expect(text.en).toContain("TWILIO_AUTH_TOKEN");
    } finally {
      await bare.close();
    }
  });
});

describe("Twilio behind a proxy, out of hours", () => {
  let proxied: Uketsuke;

  beforeAll(async () => {
    // Saturday 2026-11-28 11:00 JST: closed. Twilio signs the public URL it called, not ours.
    proxied = await startUketsuke({ workers: false, clock: new TestClock("2026-11-28T02:00:00.000Z"), env: { PUBLIC_URL } });
  }, 30_000);

  afterAll(async () => {
    await proxied?.close();
  });

  it("checks the signature against PUBLIC_URL", async () => {
    const params = voiceParams();
    const local = await twilio(proxied, "voice", params);
    expect(local.status).toBe(403);
    const viaProxy = await twilio(proxied, "voice", params, { signedUrl: `${PUBLIC_URL}/telephony/twilio/voice` });
    expect(viaProxy.status).toBe(200);
  });

  it("says the hours and hangs up outside business hours (R9), and the call is recorded as closed", async () => {
    const params = voiceParams();
    const response = await twilio(proxied, "voice", params, { signedUrl: `${PUBLIC_URL}/telephony/twilio/voice` });
    expect(response.status).toBe(200);
    expect(response.text).toMatch(/<Say language="ja-JP">[^<]*営業時間外[^<]*<\/Say><Hangup\/>/);
    expect(response.text).not.toContain("<Enqueue");
    expect(await callByExternalId(proxied, params.CallSid as string)).toMatchObject({ status: "closed" });

    // Twilio delivering the same webhook again must not put the caller in a queue out of hours.
    const again = await twilio(proxied, "voice", params, { signedUrl: `${PUBLIC_URL}/telephony/twilio/voice` });
    expect(again.text).toBe(response.text);
  });
});
