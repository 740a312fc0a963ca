/**
 * Test helpers shared by the domain's own tests (not exported from the package).
 * Kept pure like the rest of src: no clock, no I/O.
 */
import { expect } from "vitest";
import { DomainError } from "../messages/domain-error.ts";
import type { MessageCode } from "../messages/catalogue.ts";

/** Hiragana, katakana or kanji: proof that a text is really in Japanese. */
export const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/u;

/** An instant given as Japan time: jst("2026-01-05T09:30") is 2026-01-05T00:30Z. */
export function jst(local: string): Date {
  const withSeconds = /T\d\d:\d\d$/.test(local) ? `${local}:00` : local;
  return new Date(`${withSeconds}+09:00`);
}

/** Run `fn`, expect a DomainError with `code`, check its text in both languages, return it. */
export function expectRefusal(fn: () => unknown, code: MessageCode): DomainError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected DomainError ${code}`).toBeInstanceOf(DomainError);
  const error = caught as DomainError;
  expect(error.code).toBe(code);
  expect(error.text.ja).toMatch(JAPANESE);
  expect(error.text.en.length).toBeGreaterThan(0);
  expect(error.message).toBe(error.text.en);
  return error;
}

/** Expect a VALIDATION_FAILED DomainError whose fields include `code` at `path`; return that field. */
export function expectFieldError(fn: () => unknown, path: string, code: string) {
  const error = expectRefusal(fn, "VALIDATION_FAILED");
  const field = error.fields.find((f) => f.path === path && f.code === code);
  expect(field, `field ${path} with ${code} in ${JSON.stringify(error.fields)}`).toBeDefined();
  expect(field!.text.ja).toMatch(JAPANESE);
  expect(field!.text.en.length).toBeGreaterThan(0);
  return field!;
}

type SchemaNode = { _zod?: { def?: Record<string, unknown> & { type: string } } };

/**
 * Walk a zod schema and hand every node to `visit` with the field name it sits under: through
 * objects, wrappers (optional, default, pipe …), arrays, unions and intersections.
 */
export function walkSchema(schema: unknown, visit: (node: SchemaNode, field: string | undefined) => void, field?: string): void {
  const node = schema as SchemaNode;
  const def = node?._zod?.def;
  if (!def) return;
  visit(node, field);
  const inner = (key: string) => walkSchema(def[key], visit, field);
  switch (def.type) {
    case "object":
      for (const [name, value] of Object.entries(def.shape as Record<string, unknown>)) walkSchema(value, visit, name);
      break;
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      inner("innerType");
      break;
    case "pipe":
      inner("in");
      inner("out");
      break;
    case "array":
      inner("element");
      break;
    case "union":
      for (const option of def.options as unknown[]) walkSchema(option, visit, field);
      break;
    case "intersection":
      inner("left");
      inner("right");
      break;
  }
}

/** Every field name an object schema (at any depth) declares. */
export function schemaFieldNames(schema: unknown): string[] {
  const names = new Set<string>();
  walkSchema(schema, (_node, field) => {
    if (field !== undefined) names.add(field);
  });
  return [...names];
}
