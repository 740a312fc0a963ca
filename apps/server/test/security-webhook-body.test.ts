// A webhook body larger than any call event is refused before it is read: 413 with the catalogue's
// error, whether the size is declared or the body just keeps streaming, and a dozen 100 MB
// bodies leave the server's memory where it was.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startUketsuke, type Uketsuke } from "./support/uketsuke.ts";

let server: Uketsuke;

beforeAll(async () => {
  server = await startUketsuke({ workers: false });
}, 60_000);
afterAll(() => server?.close());

const MB = 1024 * 1024;
const CHUNK = new Uint8Array(64 * 1024).fill(0x61);

/** A body of `size` bytes made as it is read; `sent()` tells how much the server pulled. */
function streamedBody(size: number) {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) return controller.close();
      const chunk = CHUNK.subarray(0, Math.min(CHUNK.length, size - sent));
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, sent: () => sent };
}

type Outcome = { status: number; body: unknown; pulled: number };

async function postLarge(path: string, size: number, declareLength: boolean): Promise<Outcome> {
  const body = streamedBody(size);
  const headers: Record<string, string> = { "content-type": path.includes("twilio") ? "application/x-www-form-urlencoded" : "application/json" };
  if (declareLength) headers["content-length"] = String(size);
  try {
    const response = await fetch(`${server.url}${path}`, { method: "POST", headers, body: body.stream, duplex: "half" } as RequestInit);
    const text = await response.text();
    let json: unknown = text;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: response.status, body: json, pulled: body.sent() };
  } finally {
    await body.stream.cancel().catch(() => {});
  }
}

describe("body limit on /telephony", () => {
  it("refuses a declared 100 MB body with 413 and the catalogue's error, reading next to none of it", async () => {
    const outcome = await postLarge("/telephony/events", 100 * MB, true);
    expect(outcome.status).toBe(413);
    expect(outcome.body).toMatchObject({ error: { code: "BODY_TOO_LARGE", rule: null, fields: [] } });
    const { text } = (outcome.body as { error: { text: { ja: string; en: string } } }).error;
    expect(text.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/u);
    expect(text.en).toContain("64 KiB");
    expect(outcome.pulled).toBeLessThan(8 * MB);
  });

  it("refuses a streamed body without a length once it passes 64 KiB", async () => {
    const outcome = await postLarge("/telephony/events", 100 * MB, false);
    expect(outcome.status).toBe(413);
    expect(outcome.pulled).toBeLessThan(8 * MB);
  });

  it("covers the Twilio door too", async () => {
    const outcome = await postLarge("/telephony/twilio/voice", 100 * MB, false);
    expect(outcome.status).toBe(413);
  });

  it("still takes a call event of ordinary size", async () => {
    const ring = await server.ring("body-limit-ordinary");
    expect(ring.status).toBe(200);
  });

  it("keeps memory bounded with twelve 100 MB bodies at once", async () => {
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = performance.now();
    try {
      const outcomes = await Promise.all(Array.from({ length: 12 }, (_, i) => postLarge("/telephony/events", 100 * MB, i % 2 === 0)));
      const ms = performance.now() - started;
      peak = Math.max(peak, process.memoryUsage().rss);
      console.info(
        `[measure] 12 x 100 MB webhook bodies: rss ${(before / MB).toFixed(0)} MB before, peak ${(peak / MB).toFixed(0)} MB (+${((peak - before) / MB).toFixed(0)} MB), ${ms.toFixed(0)} ms, statuses ${outcomes.map((o) => o.status).join(",")}`,
      );
      expect(outcomes.every((o) => o.status === 413)).toBe(true);
      expect(peak - before).toBeLessThan(200 * MB);
    } finally {
      clearInterval(sampler);
    }
  }, 120_000);
});
