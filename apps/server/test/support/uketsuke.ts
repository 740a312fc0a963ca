/**
 * The real server for a test: booted through boot() on a free port, a temp SQLite file with the
 * demo seed, an injected clock, and helpers to sign webhooks and sign in as the demo users
 * through a real tRPC client (HTTP for queries and mutations, SSE for subscriptions).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTRPCClient, httpLink } from "@trpc/client";
import { SESSION_COOKIE, type AppRouter } from "@uketsuke/api";
import { boot, type Running } from "../../src/boot.ts";
import { envSchema } from "../../src/env.ts";
import { createLogger } from "../../src/logger.ts";
import { sign, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "../../src/telephony/signature.ts";

// The constants, the clock and the tRPC client are the exported harness's (@uketsuke/server/testing).
import { DEMO_PASSWORD, HIKARI_NUMBER, MIRAI_NUMBER, TELEPHONY_SECRET, TestClock, trpcClient, TWILIO_AUTH_TOKEN, type Client } from "../../src/testing/index.ts";
export {
  DEMO_PASSWORD, HIKARI_NUMBER, IN_HOURS, LOGINS, MIRAI_NUMBER, TELEPHONY_SECRET, TestClock, trpcClient, TWILIO_AUTH_TOKEN, type Client,
} from "../../src/testing/index.ts";

export type SignedIn = { cookie: string; userId: string; trpc: Client };

/** Signs in and keeps the session cookie from Set-Cookie (the token is never in the body). */
export async function login(url: string, email: string, password = DEMO_PASSWORD): Promise<SignedIn> {
  let cookie = "";
  const keepCookie: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))?.split(";")[0] ?? cookie;
    return response;
  };
  const client = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${url}/trpc`, fetch: keepCookie })] });
  const result = await client.auth.login.mutate({ email, password });
  return { cookie, userId: result.user.id, trpc: trpcClient(url, cookie) };
}

export type WebhookResponse = { status: number; body: Record<string, unknown>; text: string; headers: Headers };

async function readResponse(response: Response): Promise<WebhookResponse> {
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // TwiML or plain text
  }
  return { status: response.status, body, text, headers: response.headers };
}

export type CallEventBody = {
  type: "ring" | "answer" | "hangup";
  callId: string;
  from?: string;
  to: string;
  direction: "inbound" | "outbound";
  at: string;
};

export type Uketsuke = {
  running: Running;
  url: string;
  clock: TestClock;
  dir: string;
  /** POSTs a raw body to /telephony/events, signed with the server clock's time unless told otherwise. */
  postEvent(rawBody: string, options?: { timestamp?: number; secret?: string; headers?: Record<string, string> | null }): Promise<WebhookResponse>;
  /** A signed call event; `at` defaults to the clock's now. */
  event(event: Omit<CallEventBody, "at"> & { at?: string }): Promise<WebhookResponse>;
  ring(callId: string, to?: string, at?: string): Promise<WebhookResponse>;
  counts(): Promise<{ calls: number; callEvents: number }>;
  login(email: string): Promise<SignedIn>;
  close(): Promise<void>;
};

export type StartOptions = {
  env?: Record<string, string | number | undefined>;
  clock?: TestClock;
  workers?: boolean;
};

export async function startUketsuke(options: StartOptions = {}): Promise<Uketsuke> {
  const dir = await mkdtemp(path.join(tmpdir(), "uketsuke-server-"));
  const clock = options.clock ?? new TestClock();
  const env = envSchema.parse({
    PORT: 0,
    DATABASE_URL: path.join(dir, "uketsuke.sqlite"),
    SEED_DEMO: "true",
    LOG_LEVEL: "silent",
    TELEPHONY_SECRET,
    TWILIO_AUTH_TOKEN,
    ...options.env,
  });
  let running: Running;
  try {
    running = await boot(env, createLogger(env.LOG_LEVEL), { clock: clock.now, workers: options.workers ?? true });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const url = running.url;

  const postEvent: Uketsuke["postEvent"] = async (rawBody, opts = {}) => {
    const timestamp = opts.timestamp ?? Math.floor(clock.now().getTime() / 1000);
    const headers =
      opts.headers === null
        ? { "content-type": "application/json" }
        : {
            "content-type": "application/json",
            [TIMESTAMP_HEADER]: String(timestamp),
            [SIGNATURE_HEADER]: sign(opts.secret ?? TELEPHONY_SECRET, timestamp, rawBody),
            ...opts.headers,
          };
    return readResponse(await fetch(`${url}/telephony/events`, { method: "POST", headers, body: rawBody }));
  };
  const event: Uketsuke["event"] = (e) =>
    postEvent(JSON.stringify({ from: "09012345678", ...e, at: e.at ?? clock.now().toISOString() }));

  return {
    running,
    url,
    clock,
    dir,
    postEvent,
    event,
    ring: (callId, to = MIRAI_NUMBER, at) => event({ type: "ring", callId, to, direction: "inbound", ...(at ? { at } : {}) }),
    async counts() {
      const db = running.db.db;
      const [calls, callEvents] = await Promise.all([
        db.selectFrom("calls").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
        db.selectFrom("call_events").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { calls: Number(calls.n), callEvents: Number(callEvents.n) };
    },
    login: (email) => login(url, email),
    async close() {
      try {
        await running.close();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

/** The demo contracts' ids, as an operator sees them. */
export async function demoContractIds(operator: SignedIn): Promise<{ mirai: string; hikari: string }> {
  const contracts = await operator.trpc.calls.contracts.query();
  const byNumber = (n: string) => {
    const contract = contracts.find((c) => c.numbers.includes(n));
    if (!contract) throw new Error(`no demo contract for ${n}`);
    return contract.id;
  };
  return { mirai: byNumber(MIRAI_NUMBER), hikari: byNumber(HIKARI_NUMBER) };
}

export type MessageFields = {
  callerCompany?: string;
  callerName?: string;
  callbackNumber?: string;
  requestedPerson?: string;
  message?: string;
  callbackRequested?: boolean;
};

/**
 * An operator opens a call by hand and saves a message for it: the whole report path without a
 * webhook, so it works at any hour (and in a child process whose clock is the real one).
 */
export async function takeMessage(operator: SignedIn, contractId: string, fields: MessageFields = {}) {
  const call = await operator.trpc.calls.openManual.mutate({ contractId, from: "09012345678" });
  const saved = await operator.trpc.calls.saveMessage.mutate({
    callId: call.id,
    callerCompany: "株式会社さくら商事",
    callerName: "田中 一郎",
    message: "お見積もりの件でお電話がありました。",
    outcome: "message",
    ...fields,
  });
  return { callId: call.id, ...saved };
}
