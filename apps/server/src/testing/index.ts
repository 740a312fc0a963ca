/**
 * `@uketsuke/server/testing`: the whole product for a test, the same way every package and app
 * tests against it — the real server booted through boot() on a free port and a temp SQLite
 * file with the demo seed, a clock the test can move, signed webhooks, sign-in as the demo users
 * (through the real HTTP endpoint, so the session cookie is the one a browser would get), a real
 * tRPC client (HTTP, and SSE for live views) and the mail the outbox captured.
 *
 * Browser tests of the apps import this instead of copying it.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTRPCClient, httpLink, httpSubscriptionLink, splitLink, type TRPCClient } from "@trpc/client";
import type { AppRouter } from "@uketsuke/api";
import { listCapturedMail } from "@uketsuke/db";
import { EventSource } from "eventsource";
import { boot, type Running } from "../boot.ts";
import { envSchema } from "../env.ts";
import { createLogger } from "../logger.ts";
import { sign, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "../telephony/signature.ts";
import type { AppDirs } from "../web/apps.ts";

export const DEMO_PASSWORD = "uketsuke-demo";
/** The demo contracts' forwarded numbers (E.164): ring these. */
export const MIRAI_NUMBER = "+81312345678";
export const HIKARI_NUMBER = "+81662223333";
export const LOGINS = {
  supervisor: "kanri@uketsuke.example.jp",
  operator: "sato@uketsuke.example.jp",
  operator2: "suzuki@uketsuke.example.jp",
  mirai: "owner@mirai-kensetsu.example.com",
  hikari: "owner@hikari-law.example.com",
} as const;
export const TELEPHONY_SECRET = "test-telephony-secret-0123456789";
export const TWILIO_AUTH_TOKEN = "test-twilio-auth-token";
/** Tuesday 2026-11-24 10:00 JST: a business day, inside business hours. */
export const IN_HOURS = "2026-11-24T01:00:00.000Z";

/**
 * The server's clock: starts at a chosen instant and runs with real time from there (the outbox
 * schedules retries in the future, so a frozen clock would never reach them); `advance` jumps.
 */
export class TestClock {
  private offsetMs: number;
  constructor(start: string = IN_HOURS) {
    this.offsetMs = Date.parse(start) - Date.now();
  }
  readonly now = (): Date => new Date(Date.now() + this.offsetMs);
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export type Client = TRPCClient<AppRouter>;

/** A tRPC client as a Node program: subscriptions over SSE (carrying the cookie), the rest over HTTP. */
export function trpcClient(url: string, cookie?: string): Client {
  // Same-origin, as the apps are: the server refuses cross-site mutations.
  const headers: Record<string, string> = { origin: url, ...(cookie ? { cookie } : {}) };
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({
          url: `${url}/trpc`,
          EventSource,
          // eventsource@4 takes no headers option: its fetch hook is where a Node client adds them.
          eventSourceOptions: { fetch: (input, init) => fetch(input, { ...init, headers: { ...init.headers, ...headers } }) },
        }),
        false: httpLink({ url: `${url}/trpc`, headers }),
      }),
    ],
  });
}

export type SignedIn = { cookie: string; userId: string; trpc: Client };

/**
 * Signs in over HTTP the way the apps do and keeps the session cookie from `Set-Cookie` (the
 * token is never in the body). Throws with the server's answer when the sign-in is refused.
 */
export async function signIn(url: string, email: string, password: string = DEMO_PASSWORD): Promise<SignedIn> {
  const response = await fetch(`${url}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email, password }),
  });
  const body = (await response.json()) as { result?: { data?: { user?: { id: string } } }; error?: unknown };
  const setCookie = response.headers.getSetCookie().find((c) => c.includes("="));
  const userId = body.result?.data?.user?.id;
  if (!response.ok || !setCookie || !userId) throw new Error(`sign-in as ${email} refused: ${response.status} ${JSON.stringify(body)}`);
  const cookie = setCookie.split(";")[0] as string;
  return { cookie, userId, trpc: trpcClient(url, cookie) };
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

export type RingOptions = {
  /** The provider's call id; a fresh one when omitted. */
  callId?: string;
  /** The forwarded number that selects the contract (default: the demo contract Mirai). */
  to?: string;
  /** The caller's number (default 090-1234-5678). */
  from?: string;
  at?: string;
};

export type TestServer = {
  running: Running;
  url: string;
  clock: TestClock;
  /** The temp folder holding the database (removed by close). */
  dir: string;
  /** POSTs a raw body to /telephony/events, signed with the server clock's time unless told otherwise. */
  postEvent(rawBody: string, options?: { timestamp?: number; secret?: string; headers?: Record<string, string> | null }): Promise<WebhookResponse>;
  /** A signed call event; `at` defaults to the clock's now. */
  event(event: Omit<CallEventBody, "at"> & { at?: string }): Promise<WebhookResponse>;
  /** A signed ring: the call joins every console's queue (inside business hours). */
  ring(options?: RingOptions): Promise<WebhookResponse & { callId: string }>;
  signIn(email: string, password?: string): Promise<SignedIn>;
  /** Mail the outbox captured (no SMTP configured), newest first. */
  capturedMail(): ReturnType<typeof listCapturedMail>;
  close(): Promise<void>;
};

export type TestServerOptions = {
  /** Where the server's clock starts (default IN_HOURS); or pass a clock to share. */
  at?: string;
  clock?: TestClock;
  /** Extra environment (see src/env.ts), e.g. `{ SMTP_URL }`. */
  env?: Record<string, string | number | undefined>;
  /** false: the outbox and reminder workers do not run (the test drives them). */
  workers?: boolean;
  /** The built apps to serve; default: each app's dist folder in this workspace. */
  apps?: AppDirs;
};

let nextCall = 0;

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dir = await mkdtemp(path.join(tmpdir(), "uketsuke-server-"));
  const clock = options.clock ?? new TestClock(options.at);
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
    running = await boot(env, createLogger(env.LOG_LEVEL), {
      clock: clock.now,
      workers: options.workers ?? true,
      ...(options.apps ? { apps: options.apps } : {}),
    });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const url = running.url;

  const postEvent: TestServer["postEvent"] = async (rawBody, opts = {}) => {
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
  const event: TestServer["event"] = (e) =>
    postEvent(JSON.stringify({ from: "09012345678", ...e, at: e.at ?? clock.now().toISOString() }));

  return {
    running,
    url,
    clock,
    dir,
    postEvent,
    event,
    async ring({ callId = `test-call-${process.pid}-${Date.now()}-${nextCall++}`, to = MIRAI_NUMBER, from, at } = {}) {
      const response = await event({ type: "ring", callId, to, direction: "inbound", ...(from ? { from } : {}), ...(at ? { at } : {}) });
      return { ...response, callId };
    },
    signIn: (email, password) => signIn(url, email, password),
    capturedMail: () => listCapturedMail(running.db.db),
    async close() {
      try {
        await running.close();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Polls until `check` returns something truthy (and returns it): tests wait for a condition, never a fixed time. */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 5_000, intervalMs = 20): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`waitFor: still not true after ${timeoutMs} ms (last: ${detail})`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
