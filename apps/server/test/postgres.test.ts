// The whole product on PostgreSQL, the scale-out engine: boot, sign in, a call saved end to end,
// the mail captured by the worker, the client reading the report. The data layer's own tests run
// on both engines; this shows the API's and the workers' SQL is portable too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPORT_SUBJECT } from "@uketsuke/domain";
import { createTestPostgres, type TestDb } from "@uketsuke/db/testing";
import { boot, type Running } from "../src/boot.ts";
import { envSchema } from "../src/env.ts";
import { createLogger } from "../src/logger.ts";
import { DEMO, IN_HOURS, signIn } from "./http-harness.ts";
import { waitFor } from "./support/wait-for.ts";

describe("on PostgreSQL", () => {
  let pg: TestDb;
  let running: Running;

  beforeAll(async () => {
    pg = await createTestPostgres();
    const env = envSchema.parse({
      PORT: "0",
      DATABASE_URL: pg.url,
      SEED_DEMO: "true",
      LOG_LEVEL: "silent",
      COOKIE_SECRET: "a-cookie-secret-for-the-postgres-test-only",
      TELEPHONY_SECRET: "a-telephony-secret-for-tests",
      OUTBOX_POLL_MS: "100",
    });
    running = await boot(env, createLogger("silent"), { clock: () => new Date(IN_HOURS) });
  }, 120_000);

  afterAll(async () => {
    await running?.close();
    await pg?.cleanup();
  });

  it("saves a call end to end and captures its mail", async () => {
    const operator = await signIn(running.url, DEMO.operator);
    const [contract] = (await operator.trpc.calls.contracts.query()).filter((c) => c.answerName === "株式会社みらい建設");
    expect(contract).toBeDefined();
    const call = await operator.trpc.calls.openManual.mutate({ contractId: contract!.id, from: "090-1234-5678" });
    const pop = await operator.trpc.calls.screenPop.query({ id: call.id });
    expect(pop.answerPhrase.ja).toContain("株式会社みらい建設");
    const saved = await operator.trpc.calls.saveMessage.mutate({
      callId: call.id,
      callerCompany: "株式会社東西商事",
      callerName: "田中",
      callbackNumber: "03-9876-5432",
      requestedPerson: "高橋さん",
      message: "見積書の件で折り返しお願いします。",
      callbackRequested: true,
      outcome: "message",
    });
    expect(saved).toMatchObject({ routedTo: "高橋 由美", routingReason: "named" });

    const owner = await signIn(running.url, DEMO.mirai);
    const page = await owner.trpc.reports.list.query({ q: "見積書" });
    expect(page.reports.map((r) => r.id)).toEqual([saved.reportId]);
    expect((await owner.trpc.callbacks.listOpen.query()).map((c) => c.reportId)).toEqual([saved.reportId]);

    const supervisor = await signIn(running.url, DEMO.supervisor);
    const captured = await waitFor(async () => {
      const mail = await supervisor.trpc.admin.mail.captured.query();
      return mail.length > 0 ? mail : undefined;
    }, 10_000);
    expect(captured[0]).toMatchObject({ subject: REPORT_SUBJECT, fromAddress: "sato@uketsuke.example.jp" });
    expect(captured[0]!.toAddresses).toEqual(["takahashi@mirai-kensetsu.example.com"]);
  }, 60_000);
});
