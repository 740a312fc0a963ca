import { expect } from "vitest";
import { message, ruleOf, type MessageCode } from "@uketsuke/domain";

/** The catalogue's sentence with each `{placeholder}` filled by some words. */
function filled(template: string): RegExp {
  return new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{\w+\}/g, "[^{}]+")}$`);
}

/**
 * The one error shape every non-tRPC endpoint answers with (wire contract):
 * `{ error: { code, rule, text: { ja, en }, fields } }` and nothing else, the text the catalogue's
 * sentence for the code with its placeholders filled.
 */
export function expectErrorShape(body: unknown, code: MessageCode): { code: MessageCode; rule: string | null; text: { ja: string; en: string }; fields: unknown[] } {
  expect(Object.keys(body as object)).toEqual(["error"]);
  const error = (body as { error: Record<string, unknown> }).error;
  expect(Object.keys(error).sort()).toEqual(["code", "fields", "rule", "text"]);
  expect(error).toMatchObject({ code, rule: ruleOf(code) ?? null, fields: expect.any(Array) });
  const text = error.text as { ja: string; en: string };
  for (const locale of ["ja", "en"] as const) expect(text[locale]).toMatch(filled(message(code)[locale]));
  return error as ReturnType<typeof expectErrorShape>;
}
