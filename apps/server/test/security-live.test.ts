// Live streams are capped per session: the 21st stream of one session is refused with the
// catalogue's error (and not retried by the client), the other 20 keep working, another session
// is not affected, and closing a stream frees its place.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { TRPCClientError } from "@trpc/client";
import { closeListeners, listen, type Listener } from "./support/listen.ts";
import { pause, waitFor } from "./support/wait-for.ts";
import { LOGINS, MIRAI_NUMBER, startUketsuke, type SignedIn, type Uketsuke } from "./support/uketsuke.ts";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const CAP = 20;

let server: Uketsuke;
let operator: SignedIn;

beforeAll(async () => {
  server = await startUketsuke({ workers: false });
  operator = await server.login(LOGINS.operator);
});
afterEach(() => closeListeners());
afterAll(() => server?.close());

const queueOf = (who: SignedIn) => listen((h) => who.trpc.live.queue.subscribe({ lastEventId: String(server.running.deps.bus.head()) }, h));

const refusedCode = (l: Listener) => {
  const error = l.errors[0];
  return error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : undefined;
};

/** Rings a call and waits until every listener in `streams` has seen it. */
async function ringReaches(streams: Listener[]) {
  const ring = await server.ring(`live-cap-${randomUUID()}`, MIRAI_NUMBER);
  expect(ring.body).toMatchObject({ result: "queued" });
  await waitFor(() => streams.every((s) => s.events.some((e) => e.data.callId === ring.body.callId)), 10_000);
}

describe("live streams per session", () => {
  it(`refuses stream ${CAP + 1} of one session with LIVE_STREAMS_TOO_MANY; the others, and other sessions, go on`, async () => {
    const streams = Array.from({ length: CAP + 1 }, () => queueOf(operator));
    const refused = await waitFor(() => {
      const failed = streams.filter((s) => s.errors.length > 0);
      return failed.length > 0 ? failed : null;
    }, 15_000);
    expect(refused).toHaveLength(1);
    const [one] = refused as [Listener];
    expect(refusedCode(one)).toBe("LIVE_STREAMS_TOO_MANY");
    const data = (one.errors[0] as TRPCClientError<never>).data as unknown as { text: { ja: string; en: string } };
    expect(data.text.en).toContain(String(CAP));
    expect(data.text.ja).toContain(String(CAP));
    const open = streams.filter((s) => s !== one);
    await ringReaches(open);

    // Another sign-in of the same person is another session, with its own streams.
    const elsewhere = await server.login(LOGINS.operator);
    const other = queueOf(elsewhere);
    await other.started;
    await ringReaches([other]);
    expect(other.errors).toEqual([]);

    // Closing a stream gives its place back (once the server has seen the connection go).
    open[0]?.stop();
    const replacement = await waitFor(async () => {
      const candidate = queueOf(operator);
      await candidate.started;
      await pause(300);
      if (candidate.errors.length === 0) return candidate;
      candidate.stop();
      return null;
    }, 15_000);
    await ringReaches([replacement]);
  });
});
