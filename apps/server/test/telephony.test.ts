/**
 * The signed call-event webhook against the real server: who may post (signature, time window),
 * what a ring does at each hour (R4, R9), that a retry or replay changes nothing, and that every
 * refusal is a clear 4xx that writes nothing.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { message, type MessageCode } from "@uketsuke/domain";
import { sign, SIGNATURE_HEADER, SIGNATURE_WINDOW_SECONDS, TIMESTAMP_HEADER } from "../src/telephony/signature.ts";
import { expectErrorShape } from "./support/error-shape.ts";
import { HIKARI_NUMBER, LOGINS, MIRAI_NUMBER, startUketsuke, TELEPHONY_SECRET, type SignedIn, type Uketsuke, type WebhookResponse } from "./support/uketsuke.ts";

// A real server per file, real HTTP and SMTP: room for a busy two-core machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

let server: Uketsuke;
let operator: SignedIn;
let supervisor: SignedIn;

beforeAll(async () => {
  server = await startUketsuke({ workers: false });
  [operator, supervisor] = await Promise.all([server.login(LOGINS.operator), server.login(LOGINS.supervisor)]);
}, 30_000);

afterAll(async () => {
  await server?.close();
});

const newCallId = () => `test-${randomUUID()}`;
const nowSeconds = () => Math.floor(server.clock.now().getTime() / 1000);

/** A refused request: the status, never a 500, not one row written, and the one error shape. */
async function expectRefusedAndNothingWritten(send: () => Promise<WebhookResponse>, status: number, code: MessageCode): Promise<WebhookResponse> {
  const before = await server.counts();
  const response = await send();
  expect(response.status, response.text).toBe(status);
  expect(response.headers.get("content-type"), response.text).toMatch(/^application\/json/);
  expectErrorShape(response.body, code);
  expect(await server.counts()).toEqual(before);
  return response;
}

async function queuedExternalIds(): Promise<string[]> {
  return (await operator.trpc.calls.queue.query()).map((c) => c.externalId ?? "");
}

describe("POST /telephony/events: who may post", () => {
  it("accepts a well-signed ring and queues the call in the contract's answer name", async () => {
    const callId = newCallId();
    const before = await server.counts();
    const response = await server.ring(callId, MIRAI_NUMBER);
    expect(response.status, response.text).toBe(200);
    expect(response.body).toMatchObject({ ok: true, result: "queued", answerName: "株式会社みらい建設" });
    const queue = await operator.trpc.calls.queue.query();
    const call = queue.find((c) => c.externalId === callId);
    expect(call).toMatchObject({ status: "ringing", direction: "inbound", toNumber: MIRAI_NUMBER, answerName: "株式会社みらい建設", source: "telephony" });
    expect(call?.id).toBe(response.body.callId);
    expect(await server.counts()).toEqual({ calls: before.calls + 1, callEvents: before.callEvents + 1 });
  });

  it("selects the contract by `to` in any common writing of the number (national, hyphens, full-width)", async () => {
    for (const to of ["03-1234-5678", "0312345678", "０３－１２３４－５６７８"]) {
      const response = await server.ring(newCallId(), to);
      expect(response.status, `${to}: ${response.text}`).toBe(200);
      expect(response.body).toMatchObject({ result: "queued", answerName: "株式会社みらい建設" });
    }
  });

  it("refuses a signature made with another secret (401, nothing written)", async () => {
    const body = JSON.stringify({ type: "ring", callId: newCallId(), to: MIRAI_NUMBER, direction: "inbound", at: server.clock.now().toISOString() });
    await expectRefusedAndNothingWritten(() => server.postEvent(body, { secret: "another-secret-0123456789" }), 401, "WEBHOOK_SIGNATURE_MISMATCH");
  });

  it("refuses a body changed after signing (401, nothing written)", async () => {
    const event = { type: "ring", callId: newCallId(), to: MIRAI_NUMBER, direction: "inbound", at: server.clock.now().toISOString() };
    const timestamp = nowSeconds();
    const signature = sign(TELEPHONY_SECRET, timestamp, JSON.stringify(event));
    const tampered = JSON.stringify({ ...event, to: HIKARI_NUMBER });
    await expectRefusedAndNothingWritten(
      () => server.postEvent(tampered, { headers: { [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: signature } }),
      401,
      "WEBHOOK_SIGNATURE_MISMATCH",
    );
  });

  it("refuses a timestamp outside the five-minute window, in the past or the future (401, nothing written)", async () => {
    for (const skew of [-(SIGNATURE_WINDOW_SECONDS + 1), SIGNATURE_WINDOW_SECONDS + 60, -86_400]) {
      const body = JSON.stringify({ type: "ring", callId: newCallId(), to: MIRAI_NUMBER, direction: "inbound", at: server.clock.now().toISOString() });
      const response = await expectRefusedAndNothingWritten(() => server.postEvent(body, { timestamp: nowSeconds() + skew }), 401, "WEBHOOK_TIMESTAMP_STALE");
      expect(response.body).toMatchObject({ error: { text: message("WEBHOOK_TIMESTAMP_STALE", { seconds: SIGNATURE_WINDOW_SECONDS }) } });
    }
  });

  it("accepts a timestamp inside the window (a provider's clock a little off)", async () => {
    const body = JSON.stringify({ type: "ring", callId: newCallId(), to: MIRAI_NUMBER, direction: "inbound", at: server.clock.now().toISOString() });
    const response = await server.postEvent(body, { timestamp: nowSeconds() - (SIGNATURE_WINDOW_SECONDS - 30) });
    expect(response.status, response.text).toBe(200);
  });

  it("refuses missing or malformed signature headers (401, nothing written)", async () => {
    const body = JSON.stringify({ type: "ring", callId: newCallId(), to: MIRAI_NUMBER, direction: "inbound", at: server.clock.now().toISOString() });
    await expectRefusedAndNothingWritten(() => server.postEvent(body, { headers: null }), 401, "WEBHOOK_SIGNATURE_MISSING");
    const ts = String(nowSeconds());
    const cases: Array<[Record<string, string>, MessageCode]> = [
      [{ [TIMESTAMP_HEADER]: ts, [SIGNATURE_HEADER]: "" }, "WEBHOOK_SIGNATURE_MISSING"],
      [{ [TIMESTAMP_HEADER]: "", [SIGNATURE_HEADER]: sign(TELEPHONY_SECRET, ts, body) }, "WEBHOOK_SIGNATURE_MISSING"],
      [{ [TIMESTAMP_HEADER]: ts, [SIGNATURE_HEADER]: "sha1=abc" }, "WEBHOOK_SIGNATURE_MALFORMED"],
      [{ [TIMESTAMP_HEADER]: "yesterday", [SIGNATURE_HEADER]: sign(TELEPHONY_SECRET, ts, body) }, "WEBHOOK_SIGNATURE_MALFORMED"],
      [{ [TIMESTAMP_HEADER]: ts, [SIGNATURE_HEADER]: sign(TELEPHONY_SECRET, ts, body).toUpperCase() }, "WEBHOOK_SIGNATURE_MALFORMED"],
    ];
    for (const [headers, code] of cases) {
      await expectRefusedAndNothingWritten(() => server.postEvent(body, { headers }), 401, code);
    }
  });

  it("treats a replay of the exact same signed request as a duplicate: 200, nothing written", async () => {
    const body = JSON.stringify({ type: "ring", callId: newCallId(), to: MIRAI_NUMBER, direction: "inbound", at: server.clock.now().toISOString() });
    const timestamp = nowSeconds();
    const first = await server.postEvent(body, { timestamp });
    expect(first.body).toMatchObject({ ok: true, result: "queued" });
    const before = await server.counts();
    for (let i = 0; i < 3; i++) {
      const replay = await server.postEvent(body, { timestamp });
      expect(replay.status).toBe(200);
      expect(replay.body).toEqual({ ok: true, result: "duplicate" });
    }
    // A provider retry (a new signature over the same event) is the same: nothing new.
    const retry = await server.postEvent(body, { timestamp: timestamp + 5 });
    expect(retry.body).toEqual({ ok: true, result: "duplicate" });
    expect(await server.counts()).toEqual(before);
  });

  it("answers concurrent deliveries of one ring with one call", async () => {
    const callId = newCallId();
    const before = await server.counts();
    const responses = await Promise.all(Array.from({ length: 5 }, () => server.ring(callId)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(responses.filter((r) => r.body.result === "queued")).toHaveLength(1);
    expect(responses.filter((r) => r.body.result === "duplicate")).toHaveLength(4);
    expect(await server.counts()).toEqual({ calls: before.calls + 1, callEvents: before.callEvents + 1 });
  });
});

describe("POST /telephony/events: what is refused", () => {
  it("refuses a number no contract forwards: 404 NUMBER_UNKNOWN, nothing written", async () => {
    const response = await expectRefusedAndNothingWritten(() => server.ring(newCallId(), "+81399998888"), 404, "NUMBER_UNKNOWN");
    expect(response.body).toEqual({ error: { code: "NUMBER_UNKNOWN", rule: null, text: message("NUMBER_UNKNOWN"), fields: [] } });
  });

  it("refuses an outbound event (R4): 422 R4_OUTBOUND_NOT_OFFERED, nothing written, whatever the number", async () => {
    for (const to of [MIRAI_NUMBER, "+81399998888"]) {
      const response = await expectRefusedAndNothingWritten(
        () => server.event({ type: "ring", callId: newCallId(), to, direction: "outbound" }),
        422,
        "R4_OUTBOUND_NOT_OFFERED",
      );
      expect(response.body).toEqual({ error: { code: "R4_OUTBOUND_NOT_OFFERED", rule: "R4", text: message("R4_OUTBOUND_NOT_OFFERED"), fields: [] } });
    }
  });

  it("refuses a body that is not JSON: 400, nothing written", async () => {
    for (const raw of ["{not json", "", "{\"type\":\"ring\","]) {
      const response = await expectRefusedAndNothingWritten(() => server.postEvent(raw), 400, "VALIDATION_FAILED");
      expect(response.body).toMatchObject({ error: { fields: [{ path: "", code: "FIELD_TYPE_INVALID", text: message("FIELD_TYPE_INVALID", { expected: "JSON" }) }] } });
    }
  });

  it("refuses a body that fails the schema with the fields and reasons in ja and en: 400, nothing written", async () => {
    const at = server.clock.now().toISOString();
    const cases: Array<[unknown, string]> = [
      [{ type: "ring", to: MIRAI_NUMBER, direction: "inbound", at }, "callId"],
      [{ type: "ring", callId: "  ", to: MIRAI_NUMBER, direction: "inbound", at }, "callId"],
      [{ type: "ring", callId: newCallId(), to: "not a number", direction: "inbound", at }, "to"],
      [{ type: "ring", callId: newCallId(), direction: "inbound", at }, "to"],
      [{ type: "ring", callId: newCallId(), to: MIRAI_NUMBER, direction: "inbound", at: "yesterday" }, "at"],
      [{ type: "ring", callId: newCallId(), to: MIRAI_NUMBER, direction: "inbound", at: "2026-11-24T10:00:00" }, "at"],
      [{ type: "ring", callId: newCallId(), to: MIRAI_NUMBER, direction: "inbound" }, "at"],
      [{ type: "transfer", callId: newCallId(), to: MIRAI_NUMBER, direction: "inbound", at }, "type"],
      [{ type: "ring", callId: newCallId(), to: MIRAI_NUMBER, direction: "sideways", at }, "direction"],
      [{ type: "ring", callId: 42, to: MIRAI_NUMBER, direction: "inbound", at }, "callId"],
    ];
    for (const [body, field] of cases) {
      const response = await expectRefusedAndNothingWritten(() => server.postEvent(JSON.stringify(body)), 400, "VALIDATION_FAILED");
      const fields = (response.body.error as { fields: Array<{ path: string; text: { ja: string; en: string } }> }).fields;
      const hit = fields.find((f) => f.path === field);
      expect(hit, `${JSON.stringify(body)} → ${JSON.stringify(fields)}`).toBeDefined();
      expect(hit?.text.ja.length).toBeGreaterThan(0);
      expect(hit?.text.en.length).toBeGreaterThan(0);
    }
  });

  it("refuses JSON that is not an object (null, an array, a string): 400, nothing written", async () => {
    for (const raw of ["null", "[]", "\"ring\"", "42"]) {
      await expectRefusedAndNothingWritten(() => server.postEvent(raw), 400, "VALIDATION_FAILED");
    }
  });

  it("refuses an answer or a hang-up for a call it never heard ring: 404, nothing written", async () => {
    for (const type of ["answer", "hangup"] as const) {
      await expectRefusedAndNothingWritten(
        () => server.event({ type, callId: newCallId(), to: MIRAI_NUMBER, direction: "inbound" }),
        404,
        "NOT_FOUND",
      );
    }
  });
});

describe("POST /telephony/events: every refusal in one error shape", () => {
  it("answers each refusal with { error: { code, rule, text, fields } }, a 4xx the provider can act on, and writes nothing", async () => {
    const body = (change: Record<string, unknown> = {}) =>
      JSON.stringify({ type: "ring", callId: newCallId(), to: MIRAI_NUMBER, direction: "inbound", at: server.clock.now().toISOString(), ...change });
    const cases: Array<[string, () => Promise<WebhookResponse>, number, MessageCode]> = [
      ["unsigned", () => server.postEvent(body(), { headers: null }), 401, "WEBHOOK_SIGNATURE_MISSING"],
      ["malformed signature", () => server.postEvent(body(), { headers: { [TIMESTAMP_HEADER]: String(nowSeconds()), [SIGNATURE_HEADER]: "sha1=abc" } }), 401, "WEBHOOK_SIGNATURE_MALFORMED"],
      ["signed with another secret", () => server.postEvent(body(), { secret: "another-secret-0123456789" }), 401, "WEBHOOK_SIGNATURE_MISMATCH"],
      ["stale timestamp", () => server.postEvent(body(), { timestamp: nowSeconds() - 3_600 }), 401, "WEBHOOK_TIMESTAMP_STALE"],
      ["not JSON", () => server.postEvent("{not json"), 400, "VALIDATION_FAILED"],
      ["bad payload", () => server.postEvent(body({ direction: "sideways" })), 400, "VALIDATION_FAILED"],
      ["unknown number", () => server.ring(newCallId(), "+81399998888"), 404, "NUMBER_UNKNOWN"],
      ["hang-up of an unknown call", () => server.event({ type: "hangup", callId: newCallId(), to: MIRAI_NUMBER, direction: "inbound" }), 404, "NOT_FOUND"],
      ["outbound (R4)", () => server.event({ type: "ring", callId: newCallId(), to: MIRAI_NUMBER, direction: "outbound" }), 422, "R4_OUTBOUND_NOT_OFFERED"],
    ];
    for (const [what, send, status, code] of cases) {
      const response = await expectRefusedAndNothingWritten(send, status, code);
      expect(response.status, what).toBeGreaterThanOrEqual(400);
      expect(response.status, what).toBeLessThan(500);
    }
  });

  it("names the headers an unsigned request lacks, in Japanese and English", async () => {
    const unsigned = await server.postEvent("{}", { headers: null });
    const { text } = expectErrorShape(unsigned.body, "WEBHOOK_SIGNATURE_MISSING");
    expect(text.ja).toContain("X-Uketsuke-Signature");
    expect(text.en).toContain("X-Uketsuke-Signature");
  });
});

describe("POST /telephony/events: the call's life", () => {
  it("records a ring outside business hours as closed, not queued (R9): Saturday, 19:00 JST, a national holiday", async () => {
    const closedAt = [
      "2026-11-28T01:00:00.000Z", // Saturday 10:00 JST
      "2026-11-24T10:00:00.000Z", // Tuesday 19:00 JST
      "2026-11-23T01:00:00.000Z", // Monday 10:00 JST, 勤労感謝の日
    ];
    for (const at of closedAt) {
      const callId = newCallId();
      const response = await server.ring(callId, MIRAI_NUMBER, at);
      expect(response.status, response.text).toBe(200);
      expect(response.body, at).toMatchObject({ ok: true, result: "closed" });
      expect(await queuedExternalIds()).not.toContain(callId);
      const row = await server.running.db.db.selectFrom("calls").selectAll().where("externalId", "=", callId).executeTakeFirstOrThrow();
      expect(row.status).toBe("closed");
    }
  });

  it("queues at 09:00 sharp and closes at 18:00 sharp (JST)", async () => {
    const open = await server.ring(newCallId(), MIRAI_NUMBER, "2026-11-24T00:00:00.000Z");
    expect(open.body).toMatchObject({ result: "queued" });
    const closed = await server.ring(newCallId(), MIRAI_NUMBER, "2026-11-24T09:00:00.000Z");
    expect(closed.body).toMatchObject({ result: "closed" });
  });

  it("turns a hang-up before anyone answered into a missed call the supervisor sees", async () => {
    const callId = newCallId();
    const ring = await server.ring(callId, HIKARI_NUMBER);
    expect(ring.body).toMatchObject({ result: "queued", answerName: "ひかり法律事務所" });
    const hangup = await server.event({ type: "hangup", callId, to: HIKARI_NUMBER, direction: "inbound" });
    expect(hangup.status).toBe(200);
    expect(hangup.body).toMatchObject({ ok: true, result: "missed", callId: ring.body.callId });
    expect(await queuedExternalIds()).not.toContain(callId);
    const missed = await supervisor.trpc.admin.oversight.missedCalls.query();
    expect(missed.find((c) => c.externalId === callId)).toMatchObject({ status: "missed", toNumber: HIKARI_NUMBER });
    // The hang-up delivered again changes nothing.
    const before = await server.counts();
    const again = await server.event({ type: "hangup", callId, to: HIKARI_NUMBER, direction: "inbound" });
    expect(again.body).toEqual({ ok: true, result: "duplicate" });
    expect(await server.counts()).toEqual(before);
  });

  it("ends an answered call on hang-up, and an operator can no longer claim a missed one", async () => {
    const answeredId = newCallId();
    const ring = await server.ring(answeredId);
    await operator.trpc.calls.claim.mutate({ id: String(ring.body.callId) });
    const answer = await server.event({ type: "answer", callId: answeredId, to: MIRAI_NUMBER, direction: "inbound" });
    expect(answer.body).toMatchObject({ ok: true, result: "recorded" });
    const hangup = await server.event({ type: "hangup", callId: answeredId, to: MIRAI_NUMBER, direction: "inbound" });
    expect(hangup.body).toMatchObject({ ok: true, result: "ended" });

    const missedId = newCallId();
    const missedRing = await server.ring(missedId);
    await server.event({ type: "hangup", callId: missedId, to: MIRAI_NUMBER, direction: "inbound" });
    await expect(operator.trpc.calls.claim.mutate({ id: String(missedRing.body.callId) })).rejects.toMatchObject({
      data: { code: "CALL_ALREADY_CLAIMED" },
    });
  });

  it("refuses the webhook when the request is not a POST", async () => {
    const response = await fetch(`${server.url}/telephony/events`);
    expect(response.status).toBe(404);
  });
});
