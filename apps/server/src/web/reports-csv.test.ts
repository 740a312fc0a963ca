import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOGINS, startTestServer, type TestServer } from "../testing/index.ts";
import { csvCell } from "./reports-csv.ts";

describe("csvCell", () => {
  it("quotes, doubles quotes, keeps line breaks as LF and neutralises what a spreadsheet would run", () => {
    expect(csvCell('彼は"至急"と')).toBe('"彼は""至急""と"');
    expect(csvCell("一行目\r\n二行目")).toBe('"一行目\n二行目"');
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(csvCell(`${start}SUM(A1)`).startsWith(`"'`)).toBe(true);
    expect(csvCell("03-1234-5678")).toBe('"03-1234-5678"');
    expect(csvCell(null)).toBe('""');
  });
});

describe("GET /reports.csv", () => {
  let server: TestServer;
  let cookie = "";

  beforeAll(async () => {
    server = await startTestServer({ workers: false });
    const operator = await server.signIn(LOGINS.operator);
    const rang = await server.ring();
    const call = (await operator.trpc.calls.queue.query()).find((c) => c.externalId === rang.callId);
    await operator.trpc.calls.claim.mutate({ id: call!.id });
    await operator.trpc.calls.saveMessage.mutate({ callId: call!.id, callerCompany: "@株式会社テスト", callerName: "木村", callbackNumber: "03-5555-1234", message: "見積もりの件", callbackRequested: true });
    ({ cookie } = await server.signIn(LOGINS.mirai));
  });
  afterAll(() => server?.close());

  const get = (query: string, who = cookie) => fetch(`${server.url}/reports.csv${query}`, { headers: who ? { cookie: who } : {} });

  it("streams the contract's reports: BOM, header in the chosen language, CRLF rows, formulas neutralised", async () => {
    const response = await get("?lang=en&urgent=true");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = new TextDecoder().decode(bytes.slice(3)).split("\r\n");
    expect(rows[0]).toMatch(/^"Received","Caller's company","Caller's name",/);
    expect(rows[1]).toContain(`"'@株式会社テスト","木村"`);
    expect(rows[1]).toContain('"Waiting for a callback"');
    expect(rows.at(-1)).toBe("");
    expect(rows).toHaveLength(3);
  });

  it("holds only the caller's contract", async () => {
    const { cookie: hikari } = await server.signIn(LOGINS.hikari);
    const text = await (await get("", hikari)).text();
    expect(text).not.toContain("株式会社テスト");
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(1);
  });

  it("refuses without a session, and a bad filter with its field, as JSON", async () => {
    const anonymous = await get("", "");
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
    const bad = await get("?from=yesterday&person=nobody");
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; fields: Array<{ path: string }> } };
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(body.error.fields.map((f) => f.path).sort()).toEqual(["from", "person"]);
  });
});
