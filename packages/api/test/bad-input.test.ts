// Bad input, walked over every procedure that takes input: the wrong type, nothing, an object
// with every field wrong, each field over-long. Each must come back as BAD_REQUEST with
// VALIDATION_FAILED and field errors in Japanese and English — and change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserProfile } from "@uketsuke/db";
import type { Access } from "../src/index.ts";
import { allProcedures, createHarness, invoke, JAPANESE, rejection, type Harness, type ProcedureInfo } from "./harness.ts";
import { buildRefs, samples, type Sample } from "./samples.ts";

type Schema = { safeParse(value: unknown): { success: boolean }; _zod?: { def: ZodDef } };
type ZodDef = { type: string; shape?: Record<string, unknown>; left?: Schema; right?: Schema; in?: Schema; innerType?: Schema };

/** The top-level field names of an input schema (objects, intersections, optionals, pipes). */
function fieldsOf(schema: Schema | undefined): string[] {
  const def = schema?._zod?.def;
  if (!def) return [];
  switch (def.type) {
    case "object":
      return Object.keys(def.shape ?? {});
    case "intersection":
      return [...new Set([...fieldsOf(def.left), ...fieldsOf(def.right)])];
    case "pipe":
      return fieldsOf(def.in);
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
      return fieldsOf(def.innerType);
    default:
      return [];
  }
}

const accepts = (p: ProcedureInfo, value: unknown) => (p.inputs as Schema[]).every((s) => s.safeParse(value).success);
const OVER_LONG = "x".repeat(10_001);

const withInput = allProcedures().filter((p) => p.inputs.length > 0);

let h: Harness;
let sampleMap: Record<string, Sample>;

beforeAll(async () => {
  h = await createHarness();
  sampleMap = samples(h, await buildRefs(h));
  await Promise.all([h.a.owner, h.operator, h.supervisor].map((u) => h.tokenOf(u)));
});
afterAll(() => h.cleanup());

function admitted(access: Access | undefined): UserProfile | null {
  switch (access) {
    case "client":
    case "client_owner":
      return h.a.owner;
    case "supervisor":
      return h.supervisor;
    case "public":
      return null;
    default:
      return h.operator;
  }
}

async function expectValidationFailure(p: ProcedureInfo, input: unknown, label: string) {
  const ctx = await h.contextAs(admitted(p.access));
  const before = await h.counts();
  const { error, data } = await rejection(invoke(ctx, p, input));
  expect({ label, code: error.code, appCode: data.code }).toEqual({ label, code: "BAD_REQUEST", appCode: "VALIDATION_FAILED" });
  expect(data.text.ja).toMatch(JAPANESE);
  expect(data.fields.length, label).toBeGreaterThan(0);
  for (const field of data.fields) {
    expect(typeof field.path, label).toBe("string");
    expect(field.code.length, label).toBeGreaterThan(0);
    expect(field.text.ja, `${label}: ${JSON.stringify(field)}`).toMatch(JAPANESE);
    expect(field.text.en.length, label).toBeGreaterThan(0);
  }
  expect(await h.counts(), `${label} wrote something`).toEqual(before);
  return data;
}

describe("malformed input is refused field by field, and nothing is written", () => {
  it("walks a good number of procedures", () => {
    expect(withInput.length).toBeGreaterThan(25);
  });

  for (const p of withInput) {
    it(p.path, async () => {
      const fields = fieldsOf(p.inputs[0] as Schema);
      // Never acceptable for an input that is an object (or an optional object).
      for (const value of [null, 42, "x", [], true]) {
        expect(accepts(p, value), `${p.path} accepts ${JSON.stringify(value)}`).toBe(false);
        await expectValidationFailure(p, value, `${p.path} ← ${JSON.stringify(value)}`);
      }
      // Nothing at all, or an empty object: refused unless every field is optional.
      for (const value of [undefined, {}]) {
        if (!accepts(p, value)) await expectValidationFailure(p, value, `${p.path} ← ${JSON.stringify(value) ?? "undefined"}`);
      }
      if (fields.length === 0) return;

      // Every field of the wrong type: each one is named in the answer.
      const wrong = Object.fromEntries(fields.map((f) => [f, { not: "this" }]));
      const data = await expectValidationFailure(p, wrong, `${p.path} ← every field wrong`);
      for (const f of fields) {
        expect(data.fields.some((e) => e.path === f || e.path.startsWith(`${f}.`)), `${p.path}: no error for ${f} in ${JSON.stringify(data.fields)}`).toBe(true);
      }

      // Each field over-long in an otherwise good input: the answer names that field.
      const base = sampleMap[p.path]?.input();
      const good = base && typeof base === "object" && accepts(p, base) ? (base as Record<string, unknown>) : {};
      for (const f of fields) {
        const input = { ...good, [f]: OVER_LONG };
        expect(accepts(p, input), `${p.path}.${f} accepts a 10,001-character string`).toBe(false);
        const over = await expectValidationFailure(p, input, `${p.path}.${f} over-long`);
        expect(over.fields.some((e) => e.path === f || e.path.startsWith(`${f}.`)), `${p.path}.${f}: ${JSON.stringify(over.fields)}`).toBe(true);
        if (good !== base) continue;
        // With a good base, the over-long field is the only complaint.
        expect(over.fields.every((e) => e.path === f || e.path.startsWith(`${f}.`)), `${p.path}.${f}: ${JSON.stringify(over.fields)}`).toBe(true);
      }
    });
  }
});

describe("domain refusals inside input carry their rule's code", () => {
  it("an array for answerName is R10_ONE_ANSWER_NAME, for legalEntityName R10_ONE_LEGAL_ENTITY", async () => {
    const sup = await h.callerAs(h.supervisor);
    const before = await h.counts();
    const { data } = await rejection(sup.admin.contracts.create({ legalEntityName: ["株式会社甲", "株式会社乙"], answerName: ["甲", "乙"] } as never));
    expect(data.code).toBe("VALIDATION_FAILED");
    expect(data.fields.map((f) => [f.path, f.code])).toEqual(
      expect.arrayContaining([
        ["legalEntityName", "R10_ONE_LEGAL_ENTITY"],
        ["answerName", "R10_ONE_ANSWER_NAME"],
      ]),
    );
    expect(await h.counts()).toEqual(before);
  });
});
