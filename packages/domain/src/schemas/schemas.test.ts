import { z } from "zod";
import { describe, expect, it } from "vitest";
import * as domain from "../index.ts";
import { checkInput, parseInput } from "../messages/validate.ts";
import { isMessageCode } from "../messages/catalogue.ts";
import { DomainError } from "../messages/domain-error.ts";
import { JAPANESE } from "../testing/helpers.ts";
import { clientUserInputSchema, loginInputSchema, passwordSchema, staffInputSchema } from "./account.ts";
import { callDirectionSchema, callEventSchema, callOutcomeSchema, manualCallInputSchema, messageInputSchema } from "./call.ts";
import {
  domainNameSchema,
  emailSchema,
  idSchema,
  isoInstantSchema,
  localeSchema,
  mailboxSchema,
  optionalKanaSchema,
  optionalPhoneSchema,
  phoneSchema,
} from "./common.ts";
import { contractInputSchema, contractNumberSchema, contractStatusSchema, contractUpdateSchema } from "./contract.ts";
import { byIdSchema, reportFilterSchema } from "./queries.ts";
import { heardSchema, wrongNumberInputSchema } from "./wrong-numbers.ts";
import { addressKindSchema, listPolicySchema, reportAddressSchema, rosterMemberInputSchema, rosterReorderSchema } from "./roster.ts";

const ID = "0195f0c2-7d3a-7000-8000-000000000001";
const long = (n: number) => "あ".repeat(n);

/** Every zod schema the package exports, by name: new schemas are covered as soon as they exist. */
const EXPORTED_SCHEMAS: Array<[string, z.ZodType]> = Object.entries(domain as Record<string, unknown>).flatMap(([name, value]) =>
  value instanceof z.ZodType ? [[name, value] as [string, z.ZodType]] : [],
);

/** A field error must say where, which check, and what to tell the person, in both languages. */
function expectWellFormedFields(fields: readonly domain.FieldError[]) {
  expect(fields.length).toBeGreaterThan(0);
  for (const field of fields) {
    expect(typeof field.path).toBe("string");
    expect(field.code).toMatch(/^[A-Za-z0-9_]+$/);
    expect(field.message.ja, JSON.stringify(field)).toMatch(JAPANESE);
    expect(field.message.en.length).toBeGreaterThan(0);
    // A code never leaks as the text, nor do its params.
    for (const text of [field.message.ja, field.message.en]) {
      expect(text).not.toMatch(/^[A-Z0-9_]+(\|.*)?$/);
      expect(text).not.toContain("{");
    }
    if (isMessageCode(field.code)) expect(field.message).toEqual(domain.message(field.code, paramsOf(field)));
  }
}

/** The params a catalogue text was filled with, recovered from FIELD_TOO_LONG / FIELD_TYPE_INVALID texts. */
function paramsOf(field: domain.FieldError): Record<string, string | number> | undefined {
  const max = /at most (\d+)/.exec(field.message.en);
  if (max) return { max: Number(max[1]) };
  const expected = /expected (\w+)\)/.exec(field.message.en);
  if (expected) return { expected: expected[1]! };
  return undefined;
}

/** Bad input fails through both entry points with the same fields; returns them. */
function rejects(schema: z.ZodType, input: unknown): domain.FieldError[] {
  const checked = checkInput(schema, input);
  expect(checked.ok, `expected ${JSON.stringify(input)} to be rejected`).toBe(false);
  const fields = checked.ok ? [] : checked.fields;
  let thrown: unknown;
  try {
    parseInput(schema, input);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(DomainError);
  const error = thrown as DomainError;
  expect(error.code).toBe("VALIDATION_FAILED");
  expect(error.rule).toBeUndefined();
  expect(error.text).toEqual({ ja: "入力内容に誤りがあります。", en: "Some fields need attention." });
  expect(error.fields).toEqual(fields);
  expect(error.toJSON()).toEqual({ code: "VALIDATION_FAILED", rule: undefined, message: error.text, fields });
  expectWellFormedFields(fields);
  return fields;
}

describe("every exported schema rejects garbage with field errors in Japanese and English", () => {
  it("finds the package's schemas", () => {
    expect(EXPORTED_SCHEMAS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(EXPORTED_SCHEMAS)("%s", (_name, schema) => {
    for (const garbage of [42, [], true, [null], Number.NaN, -1, "\u0000"]) rejects(schema, garbage);
  });

  it.each(EXPORTED_SCHEMAS.filter(([name]) => name !== "optionalKanaSchema" && name !== "optionalPhoneSchema"))(
    "%s refuses null",
    (_name, schema) => {
      rejects(schema, null);
    },
  );
});

type Case = [name: string, schema: z.ZodType, input: unknown, path: string, code: string];

const CASES: Case[] = [
  // ── building blocks ──
  ["id: not a uuid", idSchema, "1234", "", "FIELD_ID_INVALID"],
  ["id: almost a uuid", idSchema, ID.slice(0, -1) + "g", "", "FIELD_ID_INVALID"],
  ["id: missing", idSchema, undefined, "", "FIELD_REQUIRED"],
  ["email: no domain", emailSchema, "yamada@", "", "FIELD_EMAIL_INVALID"],
  ["email: no @", emailSchema, "yamada.example.jp", "", "FIELD_EMAIL_INVALID"],
  ["email: blank", emailSchema, "   ", "", "FIELD_REQUIRED"],
  ["email: too long", emailSchema, `${"a".repeat(250)}@a.jp`, "", "FIELD_TOO_LONG"],
  ["domain: underscore", domainNameSchema, "agency_example.jp", "", "FIELD_DOMAIN_INVALID"],
  ["domain: no dot", domainNameSchema, "localhost", "", "FIELD_DOMAIN_INVALID"],
  ["mailbox: capitals", mailboxSchema, "Suzuki", "", "R2_MAILBOX_INVALID"],
  ["phone: too short", phoneSchema, "123", "", "FIELD_PHONE_INVALID"],
  ["phone: letters", phoneSchema, "03-ABCD-5678", "", "FIELD_PHONE_INVALID"],
  ["phone: blank", phoneSchema, " ", "", "FIELD_REQUIRED"],
  ["phone: too long", phoneSchema, "0".repeat(41), "", "FIELD_TOO_LONG"],
  ["optional phone: malformed", optionalPhoneSchema, "abc", "", "FIELD_PHONE_INVALID"],
  ["optional phone: too short", optionalPhoneSchema, "03-1234", "", "FIELD_PHONE_INVALID"],
  ["optional phone: a number", optionalPhoneSchema, 312345678, "", "FIELD_PHONE_INVALID"],
  ["kana: romaji", optionalKanaSchema, "yamada", "", "FIELD_KANA_INVALID"],
  ["kana: kanji", optionalKanaSchema, "山田", "", "FIELD_KANA_INVALID"],
  ["kana: too long", optionalKanaSchema, long(101), "", "FIELD_TOO_LONG"],
  ["locale: unknown", localeSchema, "fr", "", "invalid_value"],
  ["instant: date only", isoInstantSchema, "2026-01-05", "", "invalid_format"],
  ["instant: no offset", isoInstantSchema, "2026-01-05T09:30:00", "", "invalid_format"],
  ["instant: words", isoInstantSchema, "yesterday", "", "invalid_format"],
  ["instant: missing", isoInstantSchema, undefined, "", "FIELD_REQUIRED"],
  // ── accounts ──
  ["login: malformed email", loginInputSchema, { email: "x", password: "secret" }, "email", "FIELD_EMAIL_INVALID"],
  ["login: empty password", loginInputSchema, { email: "a@b.jp", password: "" }, "password", "FIELD_REQUIRED"],
  ["login: missing password", loginInputSchema, { email: "a@b.jp" }, "password", "FIELD_REQUIRED"],
  ["login: password too long", loginInputSchema, { email: "a@b.jp", password: "x".repeat(201) }, "password", "FIELD_TOO_LONG"],
  ["password: weak", passwordSchema, "short", "", "FIELD_PASSWORD_WEAK"],
  ["password: too long", passwordSchema, "x".repeat(201), "", "FIELD_TOO_LONG"],
  ["client user: role", clientUserInputSchema, { email: "a@b.jp", displayName: "山田", password: "0123456789", clientRole: "admin" }, "clientRole", "invalid_value"],
  ["client user: name too long", clientUserInputSchema, { email: "a@b.jp", displayName: long(61), password: "0123456789" }, "displayName", "FIELD_TOO_LONG"],
  ["client user: locale", clientUserInputSchema, { email: "a@b.jp", displayName: "山田", password: "0123456789", locale: "fr" }, "locale", "invalid_value"],
  ["staff: mailbox", staffInputSchema, { email: "a@b.jp", displayName: "鈴木", password: "0123456789", mailbox: "Suzuki" }, "mailbox", "R2_MAILBOX_INVALID"],
  ["staff: role", staffInputSchema, { email: "a@b.jp", displayName: "鈴木", password: "0123456789", mailbox: "suzuki", role: "owner" }, "role", "invalid_value"],
  ["staff: missing mailbox", staffInputSchema, { email: "a@b.jp", displayName: "鈴木", password: "0123456789" }, "mailbox", "R2_MAILBOX_INVALID"],
  // ── calls ──
  ["outcome: unknown", callOutcomeSchema, "maybe", "", "invalid_value"],
  ["direction: unknown", callDirectionSchema, "sideways", "", "invalid_value"],
  ["message: call id", messageInputSchema, { callId: "x", message: "m" }, "callId", "FIELD_ID_INVALID"],
  ["message: missing call id", messageInputSchema, { message: "m" }, "callId", "FIELD_REQUIRED"],
  ["message: empty message", messageInputSchema, { callId: ID, message: "  " }, "message", "FIELD_REQUIRED"],
  ["message: callback without number", messageInputSchema, { callId: ID, message: "m", callbackRequested: true }, "callbackNumber", "FIELD_REQUIRED"],
  ["message: callback number malformed", messageInputSchema, { callId: ID, message: "m", callbackNumber: "12" }, "callbackNumber", "FIELD_PHONE_INVALID"],
  ["message: company too long", messageInputSchema, { callId: ID, message: "m", callerCompany: long(101) }, "callerCompany", "FIELD_TOO_LONG"],
  ["message: name too long", messageInputSchema, { callId: ID, message: "m", callerName: long(61) }, "callerName", "FIELD_TOO_LONG"],
  ["message: message too long", messageInputSchema, { callId: ID, message: long(4001) }, "message", "FIELD_TOO_LONG"],
  ["message: flag not boolean", messageInputSchema, { callId: ID, message: "m", callbackRequested: "yes" }, "callbackRequested", "FIELD_TYPE_INVALID"],
  ["message: outcome", messageInputSchema, { callId: ID, message: "m", outcome: "blocked" }, "outcome", "invalid_value"],
  ["message: wrong-number entry id", messageInputSchema, { callId: ID, message: "m", wrongNumberEntryId: "w1" }, "wrongNumberEntryId", "FIELD_ID_INVALID"],
  ["manual call: contract id", manualCallInputSchema, { contractId: "c1" }, "contractId", "FIELD_ID_INVALID"],
  ["manual call: from", manualCallInputSchema, { contractId: ID, from: "abc" }, "from", "FIELD_PHONE_INVALID"],
  ["event: type", callEventSchema, { type: "dial", callId: "c", to: "0312345678", direction: "inbound", at: "2026-01-05T09:00:00+09:00" }, "type", "invalid_value"],
  ["event: at malformed", callEventSchema, { type: "ring", callId: "c", to: "0312345678", direction: "inbound", at: "yesterday" }, "at", "invalid_format"],
  ["event: at missing", callEventSchema, { type: "ring", callId: "c", to: "0312345678", direction: "inbound" }, "at", "FIELD_REQUIRED"],
  ["event: to", callEventSchema, { type: "ring", callId: "c", to: "", direction: "inbound", at: "2026-01-05T09:00:00Z" }, "to", "FIELD_REQUIRED"],
  ["event: call id too long", callEventSchema, { type: "ring", callId: "c".repeat(129), to: "0312345678", direction: "inbound", at: "2026-01-05T09:00:00Z" }, "callId", "FIELD_TOO_LONG"],
  ["event: direction", callEventSchema, { type: "ring", callId: "c", to: "0312345678", direction: "both", at: "2026-01-05T09:00:00Z" }, "direction", "invalid_value"],
  // ── contracts (R10) ──
  ["contract: two answer names", contractInputSchema, { legalEntityName: "株式会社A", answerName: ["A", "B"] }, "answerName", "R10_ONE_ANSWER_NAME"],
  ["contract: two legal entities", contractInputSchema, { legalEntityName: ["株式会社A", "株式会社B"], answerName: "A" }, "legalEntityName", "R10_ONE_LEGAL_ENTITY"],
  ["contract: answer name missing", contractInputSchema, { legalEntityName: "株式会社A" }, "answerName", "FIELD_REQUIRED"],
  ["contract: name too long", contractInputSchema, { legalEntityName: long(101), answerName: "A" }, "legalEntityName", "FIELD_TOO_LONG"],
  ["contract: script too long", contractInputSchema, { legalEntityName: "株式会社A", answerName: "A", script: long(4001) }, "script", "FIELD_TOO_LONG"],
  ["contract: number", contractInputSchema, { legalEntityName: "株式会社A", answerName: "A", numbers: ["03-1234-5678", "123"] }, "numbers.1", "FIELD_PHONE_INVALID"],
  ["contract: too many numbers", contractInputSchema, { legalEntityName: "株式会社A", answerName: "A", numbers: Array(21).fill("0312345678") }, "numbers", "too_big"],
  ["contract update: status", contractUpdateSchema, { status: "paused" }, "status", "invalid_value"],
  ["contract update: blank answer name", contractUpdateSchema, { answerName: " " }, "answerName", "FIELD_REQUIRED"],
  ["contract status: unknown", contractStatusSchema, "closed", "", "invalid_value"],
  ["contract number: malformed", contractNumberSchema, { number: "abc" }, "number", "FIELD_PHONE_INVALID"],
  // ── queries ──
  ["by id: malformed", byIdSchema, { id: "1" }, "id", "FIELD_ID_INVALID"],
  ["report filter: limit 0", reportFilterSchema, { limit: 0 }, "limit", "too_small"],
  ["report filter: limit 201", reportFilterSchema, { limit: 201 }, "limit", "too_big"],
  ["report filter: limit not an integer", reportFilterSchema, { limit: 1.5 }, "limit", "FIELD_TYPE_INVALID"],
  ["report filter: limit as text", reportFilterSchema, { limit: "5" }, "limit", "FIELD_TYPE_INVALID"],
  ["report filter: from", reportFilterSchema, { from: "last week" }, "from", "invalid_format"],
  ["report filter: q too long", reportFilterSchema, { q: "x".repeat(101) }, "q", "too_big"],
  ["report filter: outcome", reportFilterSchema, { outcome: "other" }, "outcome", "invalid_value"],
  // ── wrong-number registry (R6) ──
  ["registry: name missing", wrongNumberInputSchema, {}, "companyName", "FIELD_REQUIRED"],
  ["registry: name blank", wrongNumberInputSchema, { companyName: "　" }, "companyName", "FIELD_REQUIRED"],
  ["registry: kana", wrongNumberInputSchema, { companyName: "ABC", companyNameKana: "ABC" }, "companyNameKana", "FIELD_KANA_INVALID"],
  ["registry: number", wrongNumberInputSchema, { companyName: "ABC", numbers: ["1"] }, "numbers.0", "FIELD_PHONE_INVALID"],
  ["registry: too many numbers", wrongNumberInputSchema, { companyName: "ABC", numbers: Array(21).fill("0312345678") }, "numbers", "FIELD_TOO_LONG"],
  ["registry: typical calls too long", wrongNumberInputSchema, { companyName: "ABC", typicalCalls: long(2001) }, "typicalCalls", "FIELD_TOO_LONG"],
  ["heard: company too long", heardSchema, { company: "x".repeat(201) }, "company", "too_big"],
  ["heard: number too long", heardSchema, { number: "0".repeat(61) }, "number", "too_big"],
  ["heard: number not text", heardSchema, { number: 312345678 }, "number", "FIELD_TYPE_INVALID"],
  // ── roster and report addresses (R3, R7) ──
  ["address kind: unknown", addressKindSchema, "group", "", "invalid_value"],
  ["list policy: unknown", listPolicySchema, "closed", "", "invalid_value"],
  ["report address: malformed", reportAddressSchema, { reportAddress: "yamada" }, "reportAddress", "FIELD_EMAIL_INVALID"],
  ["report address: list without policy", reportAddressSchema, { reportAddress: "all@c.jp", addressKind: "list" }, "listPolicy", "FIELD_LIST_POLICY_REQUIRED"],
  ["roster member: name blank", rosterMemberInputSchema, { name: " ", reportAddress: "y@c.jp" }, "name", "FIELD_REQUIRED"],
  ["roster member: name too long", rosterMemberInputSchema, { name: long(61), reportAddress: "y@c.jp" }, "name", "FIELD_TOO_LONG"],
  ["roster member: kana", rosterMemberInputSchema, { name: "山田", nameKana: "Yamada", reportAddress: "y@c.jp" }, "nameKana", "FIELD_KANA_INVALID"],
  ["roster member: address", rosterMemberInputSchema, { name: "山田", reportAddress: "y@" }, "reportAddress", "FIELD_EMAIL_INVALID"],
  ["roster member: list without policy", rosterMemberInputSchema, { name: "山田", reportAddress: "all@c.jp", addressKind: "list" }, "listPolicy", "FIELD_LIST_POLICY_REQUIRED"],
  ["reorder: empty", rosterReorderSchema, { orderedIds: [] }, "orderedIds", "R7_REORDER_INVALID"],
  ["reorder: malformed id", rosterReorderSchema, { orderedIds: [ID, "m2"] }, "orderedIds.1", "FIELD_ID_INVALID"],
  ["reorder: too many", rosterReorderSchema, { orderedIds: Array(501).fill(ID) }, "orderedIds", "too_big"],
];

describe("bad input: the exact field, a code, and text in both languages", () => {
  it.each(CASES)("%s", (_name, schema, input, path, code) => {
    const fields = rejects(schema, input);
    const field = fields.find((f) => f.path === path && f.code === code);
    expect(field, JSON.stringify(fields)).toBeDefined();
  });

  it("puts the limit into FIELD_TOO_LONG in both languages", () => {
    const [field] = rejects(rosterMemberInputSchema, { name: long(61), reportAddress: "y@c.jp" });
    expect(field!.message).toEqual({ ja: "60文字以内で入力してください。", en: "Use at most 60 characters." });
  });

  it("lists every bad field at once", () => {
    const fields = rejects(clientUserInputSchema, { email: "x", displayName: "", password: "short" });
    expect(fields.map((f) => [f.path, f.code])).toEqual([
      ["email", "FIELD_EMAIL_INVALID"],
      ["displayName", "FIELD_REQUIRED"],
      ["password", "FIELD_PASSWORD_WEAK"],
    ]);
  });

  it("words zod's own checks in Japanese and English", () => {
    const [field] = rejects(reportFilterSchema, { limit: 0 });
    expect(field!.message.ja).toContain("1");
    expect(field!.message.en).toContain(">=1");
    const [format] = rejects(isoInstantSchema, "yesterday");
    expect(format!.message).toEqual({ ja: "無効なISO日時", en: "Invalid ISO datetime" });
  });
});

describe("good input and its transforms", () => {
  it("stores phone numbers as E.164", () => {
    expect(parseInput(phoneSchema, "03-1234-5678")).toBe("+81312345678");
    expect(parseInput(phoneSchema, " ０９０（１２３４）５６７８ ")).toBe("+819012345678");
    expect(parseInput(phoneSchema, "+81 3 1234 5678")).toBe("+81312345678");
    expect(parseInput(optionalPhoneSchema, "03 1234 5678")).toBe("+81312345678");
  });

  it.each(["", "   ", null, undefined])("treats a blank optional phone (%j) as absent", (value) => {
    expect(parseInput(optionalPhoneSchema, value)).toBeUndefined();
  });

  it("stores kana readings in katakana", () => {
    expect(parseInput(optionalKanaSchema, "やまだ たろう")).toBe("ヤマダ タロウ");
    expect(parseInput(optionalKanaSchema, "ﾔﾏﾀﾞ ﾀﾛｳ")).toBe("ヤマダ タロウ");
    expect(parseInput(optionalKanaSchema, "えーびーしー・とれーでぃんぐ")).toBe("エービーシー・トレーディング");
    expect(parseInput(optionalKanaSchema, "  ")).toBeUndefined();
    expect(parseInput(optionalKanaSchema, null)).toBeUndefined();
  });

  it("lower-cases and trims email addresses", () => {
    expect(parseInput(emailSchema, "  Yamada@Client.Example.JP ")).toBe("yamada@client.example.jp");
    expect(parseInput(domainNameSchema, " Agency.Example.JP ")).toBe("agency.example.jp");
  });

  it("accepts an instant with its offset, unchanged", () => {
    expect(parseInput(isoInstantSchema, "2026-01-05T09:30:00+09:00")).toBe("2026-01-05T09:30:00+09:00");
    expect(parseInput(isoInstantSchema, "2026-01-05T00:30:00.123Z")).toBe("2026-01-05T00:30:00.123Z");
  });

  it("turns the operator's form into a message, blank optional text becoming absent", () => {
    expect(
      parseInput(messageInputSchema, {
        callId: ID,
        callerCompany: "  株式会社みらい建設 ",
        callerName: "   ",
        callbackNumber: "090-1234-5678",
        requestedPerson: "",
        message: "  見積書の件  ",
        callbackRequested: true,
        wrongNumberEntryId: null,
      }),
    ).toEqual({
      callId: ID,
      callerCompany: "株式会社みらい建設",
      callerName: undefined,
      callbackNumber: "+819012345678",
      requestedPerson: undefined,
      message: "見積書の件",
      callbackRequested: true,
      outcome: "message",
      wrongNumberEntryId: undefined,
    });
  });

  it("lets outcomes other than a message go without one", () => {
    expect(parseInput(messageInputSchema, { callId: ID, outcome: "wrong_number" })).toMatchObject({ message: "", outcome: "wrong_number" });
  });

  it("fills defaults for accounts, contracts, roster members and events", () => {
    expect(parseInput(clientUserInputSchema, { email: "A@B.JP", displayName: " 山田 ", password: "0123456789" })).toEqual({
      email: "a@b.jp",
      displayName: "山田",
      password: "0123456789",
      clientRole: "member",
      locale: "ja",
    });
    expect(parseInput(staffInputSchema, { email: "s@agency.example.jp", displayName: "鈴木", password: "0123456789", mailbox: "suzuki" })).toMatchObject({
      role: "operator",
      locale: "ja",
      mailbox: "suzuki",
    });
    expect(parseInput(contractInputSchema, { legalEntityName: "株式会社A", answerName: "A", numbers: ["03-1234-5678"] })).toEqual({
      legalEntityName: "株式会社A",
      answerName: "A",
      script: "",
      numbers: ["+81312345678"],
    });
    expect(parseInput(rosterMemberInputSchema, { name: "山田 太郎", nameKana: "やまだ たろう", reportAddress: "Yamada@C.jp" })).toEqual({
      name: "山田 太郎",
      nameKana: "ヤマダ タロウ",
      reportAddress: "yamada@c.jp",
      addressKind: "person",
      listPolicy: undefined,
    });
    expect(
      parseInput(callEventSchema, { type: "ring", callId: "CA1", to: "03-1234-5678", direction: "inbound", at: "2026-01-05T09:00:00+09:00" }),
    ).toEqual({ type: "ring", callId: "CA1", from: "", to: "+81312345678", direction: "inbound", at: "2026-01-05T09:00:00+09:00" });
    expect(parseInput(reportFilterSchema, {})).toMatchObject({ limit: 50 });
    expect(parseInput(wrongNumberInputSchema, { companyName: "株式会社ABC", companyNameKana: "えーびーしー", numbers: ["0311112222"] })).toEqual({
      companyName: "株式会社ABC",
      companyNameKana: "エービーシー",
      numbers: ["+81311112222"],
      typicalCalls: "",
    });
    expect(parseInput(rosterReorderSchema, { orderedIds: [ID] })).toEqual({ orderedIds: [ID] });
    expect(parseInput(byIdSchema, { id: ID })).toEqual({ id: ID });
    expect(parseInput(manualCallInputSchema, { contractId: ID, from: "" })).toEqual({ contractId: ID, from: undefined });
    expect(parseInput(heardSchema, { company: "ABC" })).toEqual({ company: "ABC" });
  });
});
