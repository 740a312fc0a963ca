// The bad-input walk over real HTTP: every query and mutation of the router that takes input,
// as a user it admits, gets the wrong type, nothing, every field wrong, each field over-long.
// Each answer must be a 400 whose body says VALIDATION_FAILED with field errors in Japanese and
// English (the error formatter, end to end), and no table may change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter, type Access } from "@uketsuke/api";
import { message } from "@uketsuke/domain";
import { DEMO, rawCall, signIn, startServer, type ErrorBody, type TestServer } from "./http-harness.ts";

type Schema = { safeParse(value: unknown): { success: boolean }; _zod?: { def: ZodDef } };
type ZodDef = { type: string; shape?: Record<string, unknown>; left?: Schema; right?: Schema; in?: Schema; innerType?: Schema };
type Procedure = { path: string; type: "query" | "mutation" | "subscription"; access: Access | undefined; inputs: Schema[] };

/** The top-level field names of an input schema (objects, intersections, optionals, pipes). */
function fieldsOf(schema: Schema | undefined): string[] {
  const def = schema?._zod?.def;
  if (!def) return [];
  if (def.type === "object") return Object.keys(def.shape ?? {});
  if (def.type === "intersection") return [...new Set([...fieldsOf(def.left), ...fieldsOf(def.right)])];
  if (def.type === "pipe") return fieldsOf(def.in);
  if (["optional", "nullable", "default", "prefault", "readonly"].includes(def.type)) return fieldsOf(def.innerType);
  return [];
}

const record = appRouter._def.procedures as unknown as Record<string, { _def: { type: Procedure["type"]; meta?: { access?: Access }; inputs?: Schema[] } }>;
// Subscriptions answer over SSE (an error is an event in a 200 stream); the router tests in
// packages/api walk them through the caller.
const walked: Procedure[] = Object.entries(record)
  .map(([path, p]) => ({ path, type: p._def.type, access: p._def.meta?.access, inputs: p._def.inputs ?? [] }))
  .filter((p) => p.inputs.length > 0 && p.type !== "subscription")
  .sort((a, b) => a.path.localeCompare(b.path));

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/u;
const OVER_LONG = "x".repeat(10_001);
const accepts = (p: Procedure, value: unknown) => p.inputs.every((s) => s.safeParse(value).success);

let server: TestServer;
const cookies: Record<"supervisor" | "operator" | "client", string> = { supervisor: "", operator: "", client: "" };

beforeAll(async () => {
  server = await startServer();
  const [supervisor, operator, client] = await Promise.all([signIn(server.url, DEMO.supervisor), signIn(server.url, DEMO.operator), signIn(server.url, DEMO.mirai)]);
  Object.assign(cookies, { supervisor: supervisor.jar.cookie, operator: operator.jar.cookie, client: client.jar.cookie });
}, 60_000);
afterAll(() => server?.close());

function cookieFor(access: Access | undefined): string {
  switch (access) {
    case "public":
      return "";
    case "client":
    case "client_owner":
      return cookies.client;
    case "supervisor":
      return cookies.supervisor;
    default:
      return cookies.operator;
  }
}

async function expect400(p: Procedure, input: unknown, label: string) {
  const before = await server.counts();
  const response = await rawCall(server.url, p.path, p.type === "query" ? "query" : "mutation", input, cookieFor(p.access));
  expect(response.status, `${label}: ${response.text.slice(0, 300)}`).toBe(400);
  const { error } = response.json as ErrorBody;
  expect(error.message).toBe(message("VALIDATION_FAILED").en);
  expect(error.data).toMatchObject({ code: "VALIDATION_FAILED", httpStatus: 400, path: p.path, rule: null, text: message("VALIDATION_FAILED") });
  expect(Object.keys(error.data).sort()).toEqual(["code", "fields", "httpStatus", "path", "rule", "text"]);
  expect(error.data, label).not.toHaveProperty("stack");
  expect(error.data.fields.length, label).toBeGreaterThan(0);
  for (const field of error.data.fields) {
    expect(typeof field.path, label).toBe("string");
    expect(field.text.ja, `${label}: ${JSON.stringify(field)}`).toMatch(JAPANESE);
    expect(field.text.en.length, label).toBeGreaterThan(0);
  }
  expect(await server.counts(), `${label} wrote something`).toEqual(before);
  return error.data.fields;
}

describe("every procedure answers malformed input with 400 and field errors (ja/en)", () => {
  it("walks the router", () => {
    expect(walked.length).toBeGreaterThan(25);
  });

  for (const p of walked) {
    it(p.path, async () => {
      for (const value of [null, 42, "x", [], true]) await expect400(p, value, `${p.path} ← ${JSON.stringify(value)}`);
      for (const value of [undefined, {}]) {
        if (!accepts(p, value)) await expect400(p, value, `${p.path} ← ${JSON.stringify(value) ?? "nothing"}`);
      }
      const fields = fieldsOf(p.inputs[0]);
      if (fields.length === 0) return;
      const wrong = await expect400(p, Object.fromEntries(fields.map((f) => [f, { not: "this" }])), `${p.path} ← every field wrong`);
      for (const f of fields) expect(wrong.some((e) => e.path === f || e.path.startsWith(`${f}.`)), `${p.path}: nothing about ${f}`).toBe(true);
      for (const f of fields) {
        const over = await expect400(p, { [f]: OVER_LONG }, `${p.path}.${f} over-long`);
        expect(over.some((e) => e.path === f || e.path.startsWith(`${f}.`)), `${p.path}.${f}: ${JSON.stringify(over)}`).toBe(true);
      }
    });
  }
});
