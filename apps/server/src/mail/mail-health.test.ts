/**
 * /healthz tells a monitor how long the oldest undelivered mail has waited: an SMTP server
 * refusing for hours shows there long before a client misses a report.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { LOGINS, startTestServer, type TestServer } from "../testing/index.ts";

let server: TestServer;
beforeAll(async () => {
  // No workers: the mail stays queued, as it would while the mail server refuses it.
  server = await startTestServer({ workers: false });
}, 60_000);
afterAll(() => server?.close());

const health = async () => (await fetch(`${server.url}/healthz`)).json() as Promise<{ ok: boolean; mail: { undelivered: number; failed: number; oldestUndeliveredAgeSeconds: number | null } }>;

it("reports the age of the oldest undelivered mail, on the server's clock", async () => {
  expect(await health()).toMatchObject({ ok: true, mail: { undelivered: 0, failed: 0, oldestUndeliveredAgeSeconds: null } });

  const operator = await server.signIn(LOGINS.operator);
  const [mirai] = await operator.trpc.calls.contracts.query();
  const call = await operator.trpc.calls.openManual.mutate({ contractId: mirai!.id });
  await operator.trpc.calls.saveMessage.mutate({ callId: call.id, callerName: "健康 確認", message: "配信待ちのメール" });
  const queued = await health();
  expect(queued.mail.undelivered).toBe(1);
  expect(queued.mail.oldestUndeliveredAgeSeconds).toBeLessThan(60);

  server.clock.advance(2 * 3_600_000);
  const later = await health();
  expect(later.mail.oldestUndeliveredAgeSeconds).toBeGreaterThanOrEqual(2 * 3600);
  expect(later.mail.oldestUndeliveredAgeSeconds).toBeLessThan(2 * 3600 + 60);
});
