import { z } from "zod";
import { describe, expect, it } from "vitest";
import * as domain from "../index.ts";
import { checkInput, fieldErrors, parseInput } from "../messages/validate.ts";
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

/** A field error must say where, which catalogue code, and what to tell the person, in both languages. */
function expectWellFormedFields(fields: readonly domain.FieldError[]) {
  expect(fields.length).toBeGreaterThan(0);
  for (const field of fields) {
    expect(typeof field.path).toBe("string");
    expect(isMessageCode(field.code), `${field.code} is a catalogue code`).toBe(true);
    expect(field.text.ja, JSON.stringify(field)).toMatch(JAPANESE);
    expect(field.text.en.length).toBeGreaterThan(0);
    expectNoLeak(field.text);
  }
}

/** Neither a code, nor its params, nor zod's own English ever stands as the text a person reads. */
function expectNoLeak(text: { ja: string; en: string }) {
  for (const words of [text.ja, text.en]) {
    expect(words).not.toContain("|{");
    expect(words).not.toMatch(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/);
    expect(words).not.toMatch(/\b(too_big|too_small|invalid_type|invalid_value|invalid_format|unrecognized_keys|invalid_union|custom)\b/);
    expect(words).not.toMatch(/\{\w+\}/);
    expect(words).not.toMatch(/Invalid input|Too big|Too small|expected \w+ to/);
  }
}

/** Bad input fails through both entry points, and through zod's own parse (as tRPC calls it), with the same fields; returns them. */
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
  expect(error.rule).toBeNull();
  expect(error.text).toEqual({ ja: "入力内容に誤りがあります。", en: "Some fields need attention." });
  expect(error.fields).toEqual(fields);
  expect(error.toJSON()).toEqual({ code: "VALIDATION_FAILED", rule: null, text: error.text, fields });
  const parsed = schema.safeParse(input);
  expect(parsed.success).toBe(false);
  if (!parsed.success) expect(fieldErrors(parsed.error)).toEqual(fields);
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
  ["locale: unknown", localeSchema, "fr", "", "FIELD_CHOICE_INVALID"],
  ["instant: date only", isoInstantSchema, "2026-01-05", "", "FIELD_DATETIME_INVALID"],
  ["instant: no offset", isoInstantSchema, "2026-01-05T09:30:00", "", "FIELD_DATETIME_INVALID"],
  ["instant: words", isoInstantSchema, "yesterday", "", "FIELD_DATETIME_INVALID"],
  ["instant: missing", isoInstantSchema, undefined, "", "FIELD_REQUIRED"],
  // ── accounts ──
  ["login: malformed email", loginInputSchema, { email: "x", password: "secret" }, "email", "FIELD_EMAIL_INVALID"],
  ["login: empty password", loginInputSchema, { email: "a@b.jp", password: "" }, "password", "FIELD_REQUIRED"],
  ["login: missing password", loginInputSchema, { email: "a@b.jp" }, "password", "FIELD_REQUIRED"],
  ["login: password too long", loginInputSchema, { email: "a@b.jp", password: "x".repeat(201) }, "password", "FIELD_TOO_LONG"],
  ["password: weak", passwordSchema, "short", "", "FIELD_PASSWORD_WEAK"],
  ["password: too long", passwordSchema, "x".repeat(201), "", "FIELD_TOO_LONG"],
  ["client user: role", clientUserInputSchema, { email: "a@b.jp", displayName: "山田", clientRole: "admin" }, "clientRole", "FIELD_CHOICE_INVALID"],
  ["client user: name too long", clientUserInputSchema, { email: "a@b.jp", displayName: long(61) }, "displayName", "FIELD_TOO_LONG"],
  ["client user: locale", clientUserInputSchema, { email: "a@b.jp", displayName: "山田", locale: "fr" }, "locale", "FIELD_CHOICE_INVALID"],
  ["staff: mailbox", staffInputSchema, { email: "a@b.jp", displayName: "鈴木", mailbox: "Suzuki" }, "mailbox", "R2_MAILBOX_INVALID"],
  ["staff: role", staffInputSchema, { email: "a@b.jp", displayName: "鈴木", mailbox: "suzuki", role: "owner" }, "role", "FIELD_CHOICE_INVALID"],
  ["staff: missing mailbox", staffInputSchema, { email: "a@b.jp", displayName: "鈴木" }, "mailbox", "R2_MAILBOX_INVALID"],
  // ── calls ──
  ["outcome: unknown", callOutcomeSchema, "maybe", "", "FIELD_CHOICE_INVALID"],
  ["direction: unknown", callDirectionSchema, "sideways", "", "FIELD_CHOICE_INVALID"],
  ["message: call id", messageInputSchema, { callId: "x", message: "m" }, "callId", "FIELD_ID_INVALID"],
  ["message: missing call id", messageInputSchema, { message: "m" }, "callId", "FIELD_REQUIRED"],
  ["message: empty message", messageInputSchema, { callId: ID, message: "  " }, "message", "FIELD_REQUIRED"],
  ["message: callback without number", messageInputSchema, { callId: ID, message: "m", callbackRequested: true }, "callbackNumber", "FIELD_REQUIRED"],
  ["message: callback number malformed", messageInputSchema, { callId: ID, message: "m", callbackNumber: "12" }, "callbackNumber", "FIELD_PHONE_INVALID"],
  ["message: company too long", messageInputSchema, { callId: ID, message: "m", callerCompany: long(101) }, "callerCompany", "FIELD_TOO_LONG"],
  ["message: name too long", messageInputSchema, { callId: ID, message: "m", callerName: long(61) }, "callerName", "FIELD_TOO_LONG"],
  ["message: message too long", messageInputSchema, { callId: ID, message: long(4001) }, "message", "FIELD_TOO_LONG"],
  ["message: flag not boolean", messageInputSchema, { callId: ID, message: "m", callbackRequested: "yes" }, "callbackRequested", "FIELD_TYPE_INVALID"],
  ["message: 至急 not boolean", messageInputSchema, { callId: ID, message: "m", urgent: 1 }, "urgent", "FIELD_TYPE_INVALID"],
  ["message: outcome", messageInputSchema, { callId: ID, message: "m", outcome: "blocked" }, "outcome", "FIELD_CHOICE_INVALID"],
  ["message: wrong-number entry id", messageInputSchema, { callId: ID, message: "m", wrongNumberEntryId: "w1" }, "wrongNumberEntryId", "FIELD_ID_INVALID"],
  ["manual call: contract id", manualCallInputSchema, { contractId: "c1" }, "contractId", "FIELD_ID_INVALID"],
  ["manual call: from", manualCallInputSchema, { contractId: ID, from: "abc" }, "from", "FIELD_PHONE_INVALID"],
  ["event: type", callEventSchema, { type: "dial", callId: "c", to: "0312345678", direction: "inbound", at: "2026-01-05T09:00:00+09:00" }, "type", "FIELD_CHOICE_INVALID"],
  ["event: at malformed", callEventSchema, { type: "ring", callId: "c", to: "0312345678", direction: "inbound", at: "yesterday" }, "at", "FIELD_DATETIME_INVALID"],
  ["event: at missing", callEventSchema, { type: "ring", callId: "c", to: "0312345678", direction: "inbound" }, "at", "FIELD_REQUIRED"],
  ["event: to", callEventSchema, { type: "ring", callId: "c", to: "", direction: "inbound", at: "2026-01-05T09:00:00Z" }, "to", "FIELD_REQUIRED"],
  ["event: call id too long", callEventSchema, { type: "ring", callId: "c".repeat(129), to: "0312345678", direction: "inbound", at: "2026-01-05T09:00:00Z" }, "callId", "FIELD_TOO_LONG"],
  ["event: direction", callEventSchema, { type: "ring", callId: "c", to: "0312345678", direction: "both", at: "2026-01-05T09:00:00Z" }, "direction", "FIELD_CHOICE_INVALID"],
  // ── contracts (R10) ──
  ["contract: two answer names", contractInputSchema, { legalEntityName: "株式会社A", answerName: ["A", "B"] }, "answerName", "R10_ONE_ANSWER_NAME"],
  ["contract: two legal entities", contractInputSchema, { legalEntityName: ["株式会社A", "株式会社B"], answerName: "A" }, "legalEntityName", "R10_ONE_LEGAL_ENTITY"],
  ["contract: answer name missing", contractInputSchema, { legalEntityName: "株式会社A" }, "answerName", "FIELD_REQUIRED"],
  ["contract: name too long", contractInputSchema, { legalEntityName: long(101), answerName: "A" }, "legalEntityName", "FIELD_TOO_LONG"],
  ["contract: script too long", contractInputSchema, { legalEntityName: "株式会社A", answerName: "A", script: long(4001) }, "script", "FIELD_TOO_LONG"],
  ["contract: number", contractInputSchema, { legalEntityName: "株式会社A", answerName: "A", numbers: ["03-1234-5678", "123"] }, "numbers.1", "FIELD_PHONE_INVALID"],
  ["contract: too many numbers", contractInputSchema, { legalEntityName: "株式会社A", answerName: "A", numbers: Array(21).fill("0312345678") }, "numbers", "FIELD_TOO_MANY"],
  ["contract update: status", contractUpdateSchema, { status: "paused" }, "status", "FIELD_CHOICE_INVALID"],
  ["contract update: blank answer name", contractUpdateSchema, { answerName: " " }, "answerName", "FIELD_REQUIRED"],
  ["contract status: unknown", contractStatusSchema, "closed", "", "FIELD_CHOICE_INVALID"],
  ["contract number: malformed", contractNumberSchema, { number: "abc" }, "number", "FIELD_PHONE_INVALID"],
  // ── queries ──
  ["by id: malformed", byIdSchema, { id: "1" }, "id", "FIELD_ID_INVALID"],
  ["report filter: limit 0", reportFilterSchema, { limit: 0 }, "limit", "FIELD_NUMBER_TOO_SMALL"],
  ["report filter: limit 201", reportFilterSchema, { limit: 201 }, "limit", "FIELD_NUMBER_TOO_LARGE"],
  ["report filter: limit not an integer", reportFilterSchema, { limit: 1.5 }, "limit", "FIELD_TYPE_INVALID"],
  ["report filter: limit as text", reportFilterSchema, { limit: "5" }, "limit", "FIELD_TYPE_INVALID"],
  ["report filter: from", reportFilterSchema, { from: "last week" }, "from", "FIELD_DATETIME_INVALID"],
  ["report filter: q too long", reportFilterSchema, { q: "x".repeat(101) }, "q", "FIELD_TOO_LONG"],
  ["report filter: outcome", reportFilterSchema, { outcome: "other" }, "outcome", "FIELD_CHOICE_INVALID"],
  // ── wrong-number registry (R6) ──
  ["registry: name missing", wrongNumberInputSchema, {}, "companyName", "FIELD_REQUIRED"],
  ["registry: name blank", wrongNumberInputSchema, { companyName: "　" }, "companyName", "FIELD_REQUIRED"],
  ["registry: kana", wrongNumberInputSchema, { companyName: "ABC", companyNameKana: "ABC" }, "companyNameKana", "FIELD_KANA_INVALID"],
  ["registry: number", wrongNumberInputSchema, { companyName: "ABC", numbers: ["1"] }, "numbers.0", "FIELD_PHONE_INVALID"],
  ["registry: too many numbers", wrongNumberInputSchema, { companyName: "ABC", numbers: Array(21).fill("0312345678") }, "numbers", "FIELD_TOO_MANY"],
  ["registry: typical calls too long", wrongNumberInputSchema, { companyName: "ABC", typicalCalls: long(2001) }, "typicalCalls", "FIELD_TOO_LONG"],
  ["heard: company too long", heardSchema, { company: "x".repeat(201) }, "company", "FIELD_TOO_LONG"],
  ["heard: number too long", heardSchema, { number: "0".repeat(61) }, "number", "FIELD_TOO_LONG"],
  ["heard: number not text", heardSchema, { number: 312345678 }, "number", "FIELD_TYPE_INVALID"],
  // ── roster and report addresses (R3, R7) ──
  ["address kind: unknown", addressKindSchema, "group", "", "FIELD_CHOICE_INVALID"],
  ["list policy: unknown", listPolicySchema, "closed", "", "FIELD_CHOICE_INVALID"],
  ["report address: malformed", reportAddressSchema, { reportAddress: "yamada" }, "reportAddress", "FIELD_EMAIL_INVALID"],
  ["report address: list without policy", reportAddressSchema, { reportAddress: "all@c.jp", addressKind: "list" }, "listPolicy", "FIELD_LIST_POLICY_REQUIRED"],
  ["roster member: name blank", rosterMemberInputSchema, { name: " ", reportAddress: "y@c.jp" }, "name", "FIELD_REQUIRED"],
  ["roster member: name too long", rosterMemberInputSchema, { name: long(61), reportAddress: "y@c.jp" }, "name", "FIELD_TOO_LONG"],
  ["roster member: kana", rosterMemberInputSchema, { name: "山田", nameKana: "Yamada", reportAddress: "y@c.jp" }, "nameKana", "FIELD_KANA_INVALID"],
  ["roster member: address", rosterMemberInputSchema, { name: "山田", reportAddress: "y@" }, "reportAddress", "FIELD_EMAIL_INVALID"],
  ["roster member: list without policy", rosterMemberInputSchema, { name: "山田", reportAddress: "all@c.jp", addressKind: "list" }, "listPolicy", "FIELD_LIST_POLICY_REQUIRED"],
  ["reorder: empty", rosterReorderSchema, { orderedIds: [] }, "orderedIds", "R7_REORDER_INVALID"],
  ["reorder: malformed id", rosterReorderSchema, { orderedIds: [ID, "m2"] }, "orderedIds.1", "FIELD_ID_INVALID"],
  ["reorder: too many", rosterReorderSchema, { orderedIds: Array(501).fill(ID) }, "orderedIds", "FIELD_TOO_MANY"],
];

describe("bad input: the exact field, a code, and text in both languages", () => {
  it.each(CASES)("%s", (_name, schema, input, path, code) => {
    const fields = rejects(schema, input);
    const field = fields.find((f) => f.path === path && f.code === code);
    expect(field, JSON.stringify(fields)).toBeDefined();
  });

  it("puts the limit into FIELD_TOO_LONG in both languages", () => {
    const [field] = rejects(rosterMemberInputSchema, { name: long(61), reportAddress: "y@c.jp" });
    expect(field!.text).toEqual({ ja: "60文字以内で入力してください。", en: "Use at most 60 characters." });
  });

  it("lists every bad field at once", () => {
    const fields = rejects(clientUserInputSchema, { email: "x", displayName: "", clientRole: "boss" });
    expect(fields.map((f) => [f.path, f.code])).toEqual([
      ["email", "FIELD_EMAIL_INVALID"],
      ["displayName", "FIELD_REQUIRED"],
      ["clientRole", "FIELD_CHOICE_INVALID"],
    ]);
  });

  it("words zod's own checks from the catalogue, with their limits filled in", () => {
    expect(rejects(reportFilterSchema, { limit: 0 })[0]!.text).toEqual({ ja: "1以上の数を入力してください。", en: "Use a number no smaller than 1." });
    expect(rejects(reportFilterSchema, { limit: 201 })[0]!.text).toEqual({ ja: "200以下の数を入力してください。", en: "Use a number no greater than 200." });
    expect(rejects(contractInputSchema, { legalEntityName: "A", answerName: "A", numbers: Array(21).fill("0312345678") })[0]!.text).toEqual({
      ja: "20件以内にしてください。",
      en: "Give at most 20 entries.",
    });
    expect(rejects(isoInstantSchema, "yesterday")[0]!.text.en).toBe("Write a date and time with its offset, e.g. 2026-01-05T09:30:00+09:00.");
    expect(rejects(localeSchema, "fr")[0]!.text).toEqual({ ja: "選択肢の中から選んでください。", en: "Choose one of the options." });
    expect(rejects(reportFilterSchema, { limit: "5" })[0]!.text).toEqual({
      ja: "入力されていないか、形式が正しくありません（数値）。",
      en: "Missing or of the wrong type (expected a number).",
    });
    expect(rejects(reportFilterSchema, { limit: 1.5 })[0]!.text.en).toBe("Missing or of the wrong type (expected a whole number).");
  });

  it("maps every kind of zod issue, named or not, to a catalogue code", () => {
    const cases: Array<[z.ZodType, unknown, string, Record<string, string>?]> = [
      [z.string().min(3), "ab", "FIELD_TOO_SHORT", { ja: "3文字以上で入力してください。" }],
      [z.string().min(1), "", "FIELD_REQUIRED"],
      [z.array(z.string()).min(2), ["a"], "FIELD_TOO_FEW", { en: "Give at least 2 entries." }],
      [z.number().lt(5), 5, "FIELD_NUMBER_NOT_BELOW", { ja: "5より小さい数を入力してください。" }],
      [z.number().gt(5), 5, "FIELD_NUMBER_NOT_ABOVE", { en: "Use a number greater than 5." }],
      [z.number().multipleOf(5), 7, "FIELD_INVALID"],
      [z.object({ a: z.string() }).strict(), { a: "", b: 1, c: 2 }, "FIELD_UNKNOWN", { en: "These fields are not accepted: b, c." }],
      [z.union([z.string(), z.number()]), true, "FIELD_INVALID"],
      [z.string().regex(/^x$/), "y", "FIELD_FORMAT_INVALID"],
      [z.email(), "x", "FIELD_EMAIL_INVALID"],
      [z.uuid(), "x", "FIELD_ID_INVALID"],
      [z.literal("a"), "b", "FIELD_CHOICE_INVALID"],
      [z.record(z.string().max(1), z.string()), { long: "x" }, "FIELD_INVALID"],
      [z.string().refine(() => false), "x", "FIELD_INVALID"],
      [z.string().refine(() => false, { error: "not a code" }), "x", "FIELD_INVALID"],
      // Named without the params its text needs: no "{max}" for the person to read.
      [z.string().refine(() => false, { error: "FIELD_TOO_LONG" }), "x", "FIELD_INVALID"],
      [z.string().refine(() => false, { error: "FIELD_TOO_LONG", params: { max: 5 } }), "x", "FIELD_TOO_LONG", { en: "Use at most 5 characters." }],
      [z.string().refine(() => false, { error: "R3_AGENCY_DOMAIN_ADDRESS", params: { domain: "agency.example.jp" } }), "x", "R3_AGENCY_DOMAIN_ADDRESS", { en: "An address on the agency's domain (@agency.example.jp) cannot receive reports. Reports are sent from each operator's own address, and operator mailboxes are not a channel for clients." }],
      // A size code named on the wrong kind of check is corrected by what the check counted.
      [z.array(z.string()).max(1, { error: "FIELD_TOO_LONG" }), ["a", "b"], "FIELD_TOO_MANY", { ja: "1件以内にしてください。" }],
      [z.number(), Number.NaN, "FIELD_TYPE_INVALID"],
      [z.boolean(), "yes", "FIELD_TYPE_INVALID", { ja: "入力されていないか、形式が正しくありません（はい・いいえ）。" }],
    ];
    for (const [schema, input, code, text] of cases) {
      const parsed = schema.safeParse(input);
      expect(parsed.success, `${JSON.stringify(input)} → ${code}`).toBe(false);
      const [field] = fieldErrors(parsed.error!);
      expect(field!.code, JSON.stringify(parsed.error!.issues)).toBe(code);
      expect(field!.text.ja).toMatch(JAPANESE);
      expectNoLeak(field!.text);
      if (text) expect(field!.text).toMatchObject(text);
    }
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
      urgent: false,
      outcome: "message",
      wrongNumberEntryId: undefined,
    });
  });

  it("lets outcomes other than a message go without one", () => {
    expect(parseInput(messageInputSchema, { callId: ID, outcome: "wrong_number" })).toMatchObject({ message: "", outcome: "wrong_number" });
  });

  it("fills defaults for accounts, contracts, roster members and events", () => {
    expect(parseInput(clientUserInputSchema, { email: "A@B.JP", displayName: " 山田 " })).toEqual({
      email: "a@b.jp",
      displayName: "山田",
      clientRole: "member",
      locale: "ja",
    });
    expect(parseInput(staffInputSchema, { email: "s@agency.example.jp", displayName: "鈴木", mailbox: "suzuki" })).toMatchObject({
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
