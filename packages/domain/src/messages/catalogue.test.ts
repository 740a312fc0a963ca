import { describe, expect, it } from "vitest";
import { JAPANESE } from "../testing/helpers.ts";
import { catalogueEntries, isMessageCode, message, messageCodes, ruleOf } from "./catalogue.ts";
import { DomainError, isDomainError, refuse } from "./domain-error.ts";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the message catalogue", () => {
  it("has every code once, with entries in the same order", () => {
    expect(new Set(messageCodes).size).toBe(messageCodes.length);
    expect(catalogueEntries().map((e) => e.code)).toEqual(messageCodes);
  });

  it.each(catalogueEntries())("$code has Japanese and English text", ({ ja, en }) => {
    expect(ja).toMatch(JAPANESE);
    expect(ja.trim()).toBe(ja);
    expect(en.trim().length).toBeGreaterThan(0);
    // English words (a Japanese label may be quoted, as R1 quotes 誰から).
    expect(en).toMatch(/[A-Za-z]{3,} [A-Za-z]{2,}/);
    // The same placeholders in both languages.
    expect(placeholders(en)).toEqual(placeholders(ja));
  });

  it("gives every R-code the rule its prefix names, and rules only R1–R10", () => {
    const rCodes = messageCodes.filter((code) => /^R\d+_/.test(code));
    expect(rCodes.length).toBeGreaterThanOrEqual(15);
    for (const code of rCodes) expect(ruleOf(code)).toBe(/^(R\d+)_/.exec(code)![1]);
    for (const { code, rule } of catalogueEntries()) {
      if (rule !== undefined) expect(rule).toMatch(/^R([1-9]|10)$/);
      expect(ruleOf(code)).toBe(rule);
    }
  });

  it("has a refusal for every rule that refuses something", () => {
    const rules = new Set(catalogueEntries().map((e) => e.rule));
    for (const rule of ["R1", "R2", "R3", "R4", "R5", "R7", "R9", "R10"]) expect(rules.has(rule as never)).toBe(true);
  });

  it("fills placeholders in both languages", () => {
    expect(message("FIELD_TOO_LONG", { max: 60 })).toEqual({ ja: "60文字以内で入力してください。", en: "Use at most 60 characters." });
    expect(message("R3_AGENCY_DOMAIN_ADDRESS", { domain: "agency.example.jp" }).ja).toContain("（@agency.example.jp）");
    expect(message("LOGIN_THROTTLED", { minutes: 15 })).toEqual({
      ja: "ログインの失敗が続いたため、しばらくお待ちください（約15分）。",
      en: "Too many failed sign-ins. Please wait about 15 minutes.",
    });
    expect(message("R9_CLOSED", { opensAt: "X" }).en).toContain("Next opening: X.");
  });

  it("fills every placeholder of every entry, and keeps a missing one visible", () => {
    for (const { code, ja, en } of catalogueEntries()) {
      const names = placeholders(ja);
      const filled = message(code, Object.fromEntries(names.map((n) => [n!, `<${n}>`])));
      expect(filled.ja).not.toMatch(/\{\w+\}/);
      expect(filled.en).not.toMatch(/\{\w+\}/);
      for (const n of names) {
        expect(filled.ja).toContain(`<${n}>`);
        expect(filled.en).toContain(`<${n}>`);
      }
      // Without params the text is left as written, placeholders and all.
      expect(message(code)).toEqual({ ja, en });
    }
  });

  it("knows its own codes and nothing else", () => {
    expect(isMessageCode("R1_SUBJECT_FIXED")).toBe(true);
    expect(isMessageCode("VALIDATION_FAILED")).toBe(true);
    for (const other of ["toString", "constructor", "__proto__", "hasOwnProperty", "r1_subject_fixed", "", "invalid_type"]) {
      expect(isMessageCode(other)).toBe(false);
    }
    expect(ruleOf("VALIDATION_FAILED")).toBeUndefined();
  });

  it("fills a param given in both languages with each language's words", () => {
    expect(message("FIELD_TYPE_INVALID", { expected: { ja: "整数", en: "a whole number" } })).toEqual({
      ja: "入力されていないか、形式が正しくありません（整数）。",
      en: "Missing or of the wrong type (expected a whole number).",
    });
    expect(message("R9_CLOSED", { opensAt: { ja: "1月5日", en: "5 Jan" } })).toMatchObject({ ja: expect.stringContaining("1月5日"), en: expect.stringContaining("5 Jan") });
  });
});

describe("DomainError", () => {
  it("carries the code, its rule, the text in both languages and no fields", () => {
    const error = new DomainError("R7_LAST_MEMBER");
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("DomainError");
    expect(error.code).toBe("R7_LAST_MEMBER");
    expect(error.rule).toBe("R7");
    expect(error.text).toEqual(message("R7_LAST_MEMBER"));
    expect(error.message).toBe(error.text.en);
    expect(error.fields).toEqual([]);
    expect(JSON.parse(JSON.stringify(error))).toEqual({ code: "R7_LAST_MEMBER", rule: "R7", text: error.text, fields: [] });
  });

  it("fills params and keeps field errors", () => {
    const fields = [{ path: "reportAddress", code: "R3_AGENCY_DOMAIN_ADDRESS" as const, text: message("R3_AGENCY_DOMAIN_ADDRESS", { domain: "a.jp" }) }];
    const error = new DomainError("R3_AGENCY_DOMAIN_ADDRESS", { params: { domain: "a.jp" }, fields });
    expect(error.text.en).toContain("(@a.jp)");
    expect(error.fields).toEqual(fields);
  });

  it("is thrown by refuse, and recognised by isDomainError", () => {
    let caught: unknown;
    try {
      refuse("R9_CLOSED", { opensAt: "Mon, 19 Jan 2026 09:00 JST" });
    } catch (error) {
      caught = error;
    }
    expect(isDomainError(caught)).toBe(true);
    expect((caught as DomainError).text.en).toContain("Next opening: Mon, 19 Jan 2026 09:00 JST.");
    expect(isDomainError(new Error("x"))).toBe(false);
    expect(isDomainError({ code: "R9_CLOSED" })).toBe(false);
  });
});
