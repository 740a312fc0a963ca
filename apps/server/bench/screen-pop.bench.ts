// Screen pop: how long from a signed ring webhook to the call.ringing event at every console.
//
// Uketsuke: the real server (boot(), temp SQLite file, demo seed, clock fixed inside business
// hours, workers off), N consoles subscribed to live.queue over SSE (raw EventSource from
// `eventsource`, the tRPC SSE URL, an operator's session cookie). Baseline: a bare Hono app on
// @hono/node-server with one SSE endpoint (hono's streamSSE) and a POST that writes the same
// event to every open stream. Both servers run in this process; the subscribers and the webhook
// sender run together in a child process, so each sample is measured on one clock: from just
// before the POST to the moment that subscriber's event is parsed. Rings go one at a time; the
// next is sent once every subscriber has the previous one.
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { EventSource } from "eventsource";
import { Hono } from "hono";
import { streamSSE, type SSEStreamingApi } from "hono/streaming";
import { LIVE_STREAMS_PER_SESSION } from "@uketsuke/api";
import { boot } from "../src/boot.ts";
import { forkRunner, type ChildRunner } from "./child-runner.ts";
import { envSchema } from "../src/env.ts";
import { createLogger } from "../src/logger.ts";
import { sign, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "../src/telephony/signature.ts";

const CHILD_FLAG = "--screen-pop-client";
/** Tuesday 24 November 2026, 10:00 in Tokyo. */
const IN_HOURS = new Date("2026-11-24T01:00:00.000Z");
const SECRET = "bench-telephony-secret-0123456789";
const TO = "+81312345678";

export type ScreenPopBenchOptions = { subscribers?: number; rings?: number; warmup?: number };

type Job = {
  label: "uketsuke" | "echo";
  subscribeUrl: string;
  /** The named SSE event that says the stream is established. */
  readyEvent: string;
  /** Subscriber i sends headers[i % headers.length] (one session holds at most 20 live streams). */
  headers: Array<Record<string, string>>;
  postUrl: string;
  /** Sign each POST like the telephony provider does (null for the baseline). */
  signing: { secret: string; timestamp: number } | null;
  subscribers: number;
  warmup: number;
  rings: number;
};

type JobResult = {
  label: Job["label"];
  /** One per (ring × subscriber), ms. */
  samples: number[];
  /** Per ring: the slowest subscriber, ms. */
  lastArrival: number[];
  /** Per ring: the webhook's own response time, ms. */
  postMs: number[];
  missing: number;
  errors: string[];
  connectMs: number;
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
    mean: round(sorted.reduce((s, v) => s + v, 0) / Math.max(1, sorted.length)),
  };
}

// ————— the child: subscribers and webhook sender —————

async function runClient(job: Job): Promise<JobResult> {
  const errors: string[] = [];
  const waiting = new Map<string, { t0: number; arrived: number; times: number[]; done: () => void }>();
  const sources: EventSource[] = [];
  const connectStarted = performance.now();
  let ready = 0;
  let onAllReady = () => {};
  const allReady = new Promise<void>((resolve) => (onAllReady = resolve));
  for (let i = 0; i < job.subscribers; i++) {
    const source = new EventSource(job.subscribeUrl, {
      fetch: (input, init) => fetch(input, { ...init, headers: { ...init.headers, ...job.headers[i % job.headers.length] } }),
    });
    source.addEventListener(job.readyEvent, () => {
      if (++ready === job.subscribers) onAllReady();
    });
    source.onmessage = (message) => {
      const now = performance.now();
      const event = JSON.parse(message.data) as { type?: string; from?: string };
      const entry = event.from ? waiting.get(event.from) : undefined;
      if (!entry) return;
      entry.times.push(now - entry.t0);
      if (++entry.arrived === job.subscribers) entry.done();
    };
    source.onerror = (error) => {
      if (errors.length < 5) errors.push(String((error as { message?: string }).message ?? "EventSource error"));
    };
    sources.push(source);
  }
  await Promise.race([allReady, new Promise((_, reject) => setTimeout(() => reject(new Error(`only ${ready}/${job.subscribers} subscribers connected`)), 30_000))]);
  const connectMs = performance.now() - connectStarted;

  const samples: number[] = [];
  const lastArrival: number[] = [];
  const postMs: number[] = [];
  let missing = 0;
  for (let i = 0; i < job.warmup + job.rings; i++) {
    const from = `bench-${i}`;
    const body = JSON.stringify({ type: "ring", callId: `bench-${randomUUID()}`, from, to: TO, direction: "inbound", at: IN_HOURS.toISOString() });
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (job.signing) {
      headers[TIMESTAMP_HEADER] = String(job.signing.timestamp);
      headers[SIGNATURE_HEADER] = sign(job.signing.secret, job.signing.timestamp, body);
    }
    let done = () => {};
    const all = new Promise<void>((resolve) => (done = resolve));
    const entry = { t0: 0, arrived: 0, times: [] as number[], done };
    waiting.set(from, entry);
    entry.t0 = performance.now();
    const response = await fetch(job.postUrl, { method: "POST", headers, body });
    postMs.push(performance.now() - entry.t0);
    if (!response.ok) throw new Error(`${job.label}: webhook answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer().catch(() => undefined);
    const timedOut = await Promise.race([all.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 10_000))]);
    waiting.delete(from);
    if (timedOut) missing += job.subscribers - entry.arrived;
    if (i >= job.warmup) {
      samples.push(...entry.times);
      lastArrival.push(Math.max(...entry.times));
    }
  }
  for (const source of sources) source.close();
  return { label: job.label, samples, lastArrival, postMs: postMs.slice(job.warmup), missing, errors, connectMs };
}

if (process.argv.includes(CHILD_FLAG)) {
  process.on("message", (job: Job) => {
    runClient(job).then(
      (result) => process.send?.(result),
      (error: unknown) => {
        process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
        process.exit(1);
      },
    );
  });
}

function startClient(): ChildRunner<Job, JobResult> {
  return forkRunner<Job, JobResult>(fileURLToPath(import.meta.url), CHILD_FLAG, "screen-pop client");
}

// ————— the parent: the two servers —————

async function startUketsuke(dir: string, subscribers: number) {
  const env = envSchema.parse({
    PORT: "0",
    DATABASE_URL: path.join(dir, "screen-pop.sqlite"),
    SEED_DEMO: "true",
    LOG_LEVEL: "silent",
    TELEPHONY_SECRET: SECRET,
  });
  const running = await boot(env, createLogger("silent"), { clock: () => IN_HOURS, workers: false });
  // A session holds at most LIVE_STREAMS_PER_SESSION streams: one sign-in per that many consoles.
  const cookies: string[] = [];
  for (let i = 0; i < Math.ceil(subscribers / LIVE_STREAMS_PER_SESSION); i++) {
    const login = await fetch(`${running.url}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "sato@uketsuke.example.jp", password: "uketsuke-demo" }),
    });
    const cookie = login.headers.getSetCookie()[0]?.split(";")[0] ?? "";
    if (!login.ok || !cookie) throw new Error(`operator sign-in failed: ${login.status}`);
    cookies.push(cookie);
  }
  // From event 0: every ring after the subscription is delivered, from the replay buffer if the
  // stream's bus subscription starts a moment after the SSE 'connected' event.
  const input = encodeURIComponent(JSON.stringify({ lastEventId: String(running.deps.bus.head()) }));
  return { url: running.url, cookies, subscribeUrl: `${running.url}/trpc/live.queue?input=${input}`, close: () => running.close() };
}

async function startEcho() {
  const app = new Hono();
  const streams = new Set<SSEStreamingApi>();
  let id = 0;
  app.get("/sse", (c) =>
    streamSSE(c, async (stream) => {
      streams.add(stream);
      const closed = new Promise<void>((resolve) => stream.onAbort(() => resolve()));
      await stream.writeSSE({ event: "ready", data: "" });
      await closed;
      streams.delete(stream);
    }),
  );
  app.post("/ring", async (c) => {
    const body = (await c.req.json()) as { callId: string; from: string; at: string };
    const data = JSON.stringify({ type: "call.ringing", callId: randomUUID(), contractId: randomUUID(), answerName: "株式会社みらい建設", from: body.from, ringAt: body.at });
    const eventId = String(++id);
    for (const stream of streams) void stream.writeSSE({ id: eventId, data });
    return c.json({ ok: true, result: "queued" });
  });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections(): void }).closeAllConnections();
      }),
  };
}

export async function runScreenPopBench(options: ScreenPopBenchOptions = {}) {
  const subscribers = options.subscribers ?? Number(process.env.BENCH_SUBSCRIBERS ?? 200);
  const rings = options.rings ?? Number(process.env.BENCH_RINGS ?? 200);
  const warmup = options.warmup ?? Number(process.env.BENCH_WARMUP ?? 20);
  const dir = mkdtempSync(path.join(os.tmpdir(), "uketsuke-bench-"));
  const client = startClient();
  const results: JobResult[] = [];
  try {
    const uketsuke = await startUketsuke(dir, subscribers);
    try {
      results.push(
        await client.run({
          label: "uketsuke",
          subscribeUrl: uketsuke.subscribeUrl,
          readyEvent: "connected",
          headers: uketsuke.cookies.map((cookie) => ({ cookie })),
          postUrl: `${uketsuke.url}/telephony/events`,
          signing: { secret: SECRET, timestamp: Math.floor(IN_HOURS.getTime() / 1000) },
          subscribers,
          warmup,
          rings,
        }),
      );
    } finally {
      await uketsuke.close();
    }
    const echo = await startEcho();
    try {
      results.push(
        await client.run({ label: "echo", subscribeUrl: `${echo.url}/sse`, readyEvent: "ready", headers: [{}], postUrl: `${echo.url}/ring`, signing: null, subscribers, warmup, rings }),
      );
    } finally {
      await echo.close();
    }
  } finally {
    client.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  const [api, echo] = results as [JobResult, JobResult];
  const summary = (r: JobResult) => ({
    label: r.label,
    perSubscriber: stats(r.samples),
    slowestSubscriberPerRing: stats(r.lastArrival),
    webhookResponse: stats(r.postMs),
    missing: r.missing,
    errors: r.errors,
    connectAllMs: Math.round(r.connectMs),
  });
  const apiSummary = summary(api);
  const echoSummary = summary(echo);
  const ratio = Math.round((apiSummary.perSubscriber.p99 / echoSummary.perSubscriber.p99) * 100) / 100;
  const cpus = os.cpus();
  const machine = { cpu: cpus[0]?.model ?? "unknown", cores: cpus.length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.arch()}`, loadAverage1m: Math.round(os.loadavg()[0]! * 100) / 100 };
  const goals = { p99Ms: 25, ratioToEcho: 3 };
  const report = {
    bench: "screen-pop",
    at: new Date().toISOString(),
    machine,
    config: { subscribers, rings, warmup, samplesPerTarget: subscribers * rings, clients: "one child process: raw EventSource (eventsource@4) × subscribers + fetch for the webhook" },
    results: [apiSummary, echoSummary],
    p99Ratio: ratio,
    goals,
    met: { p99: apiSummary.perSubscriber.p99 <= goals.p99Ms, ratio: ratio <= goals.ratioToEcho },
  };

  const row = (name: string, s: ReturnType<typeof stats>) =>
    `  ${name.padEnd(50)} ${String(s.p50).padStart(7)} ${String(s.p90).padStart(7)} ${String(s.p99).padStart(7)} ${String(s.max).padStart(8)}   (${s.n} samples)`;
  const lines = [
    "",
    "screen-pop — signed ring webhook → call.ringing at every subscriber (ms)",
    `  ${machine.cpu} × ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}, load average ${machine.loadAverage1m} at the end`,
    `  ${subscribers} SSE subscribers, ${rings} rings one at a time after ${warmup} warm-up`,
    "",
    `  ${"".padEnd(50)} ${"p50".padStart(7)} ${"p90".padStart(7)} ${"p99".padStart(7)} ${"max".padStart(8)}`,
    row("Uketsuke (webhook → live.queue), each subscriber", apiSummary.perSubscriber),
    row("echo (bare Hono streamSSE), each subscriber", echoSummary.perSubscriber),
    row("Uketsuke, slowest subscriber per ring", apiSummary.slowestSubscriberPerRing),
    row("echo, slowest subscriber per ring", echoSummary.slowestSubscriberPerRing),
    row("Uketsuke, webhook response", apiSummary.webhookResponse),
    row("echo, POST response", echoSummary.webhookResponse),
    "",
    `  p99 Uketsuke ${apiSummary.perSubscriber.p99} ms (goal ≤ ${goals.p99Ms} ms${report.met.p99 ? "" : "  ← above the goal"}); ` +
      `p99 ratio to echo ${ratio}× (goal ≤ ${goals.ratioToEcho}×${report.met.ratio ? "" : "  ← above the goal"})`,
    `  missing deliveries: Uketsuke ${api.missing}, echo ${echo.missing}`,
    "",
  ];
  process.stdout.write(lines.join("\n"));
  const out = fileURLToPath(new URL("../.bench-results/screen-pop.json", import.meta.url));
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`  written to ${path.relative(process.cwd(), out)}\n\n`);
  return report;
}

// Run directly: tsx bench/screen-pop.bench.ts
if (!process.argv.includes(CHILD_FLAG) && process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await runScreenPopBench();
