/**
 * The server tests' view of @uketsuke/server/testing: the same server, plus sign-in through the
 * tRPC client, row counts, rings by call id, and the demo's message-taking shortcuts.
 */
import { createTRPCClient, httpLink } from "@trpc/client";
import { SESSION_COOKIE, type AppRouter } from "@uketsuke/api";

// The constants, the clock and the tRPC client are the exported harness's (@uketsuke/server/testing).
import {
  DEMO_PASSWORD, HIKARI_NUMBER, MIRAI_NUMBER, startTestServer, trpcClient, type Client, type TestClock, type TestServer, type WebhookResponse,
} from "../../src/testing/index.ts";
export type { CallEventBody, WebhookResponse } from "../../src/testing/index.ts";
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

export type Uketsuke = {
  running: TestServer["running"];
  url: string;
  clock: TestClock;
  dir: string;
  postEvent: TestServer["postEvent"];
  event: TestServer["event"];
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

/** The exported harness plus what these tests also read: row counts, and ring by call id. */
export async function startUketsuke(options: StartOptions = {}): Promise<Uketsuke> {
  const server = await startTestServer(options);
  const { running, url } = server;
  return {
    running,
    url,
    clock: server.clock,
    dir: server.dir,
    postEvent: server.postEvent,
    event: server.event,
    ring: (callId, to = MIRAI_NUMBER, at) => server.ring({ callId, to, ...(at ? { at } : {}) }),
    async counts() {
      const db = running.db.db;
      const [calls, callEvents] = await Promise.all([
        db.selectFrom("calls").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
        db.selectFrom("call_events").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { calls: Number(calls.n), callEvents: Number(callEvents.n) };
    },
    login: (email) => login(url, email),
    close: server.close,
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
