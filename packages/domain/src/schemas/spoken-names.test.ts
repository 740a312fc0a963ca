import fc from "fast-check";
import type { z } from "zod";
import { describe, expect, it } from "vitest";
import { message } from "../messages/catalogue.ts";
import { checkInput } from "../messages/validate.ts";
import { clientUserInputSchema, staffInputSchema } from "./account.ts";
import { isReadableName, optionalKanaSchema, spokenName } from "./common.ts";
import { contractInputSchema, contractUpdateSchema } from "./contract.ts";
import { rosterMemberInputSchema, rosterMemberUpdateSchema } from "./roster.ts";
import { wrongNumberInputSchema, wrongNumberUpdateSchema } from "./wrong-numbers.ts";

const ID = "0195f0c2-7d3a-7000-8000-000000000001";

/** Every name an operator reads aloud, in the input it arrives with; `name` is where the text goes. */
const NAME_FIELDS: Array<[label: string, schema: z.ZodType, base: Record<string, unknown>, field: string, kana?: boolean]> = [
  ["contract legal entity", contractInputSchema, { legalEntityName: "株式会社山田商事", answerName: "山田商事" }, "legalEntityName"],
  ["contract answer name", contractInputSchema, { legalEntityName: "株式会社山田商事", answerName: "山田商事" }, "answerName"],
  ["contract update answer name", contractUpdateSchema, { answerName: "山田商事" }, "answerName"],
  ["roster name", rosterMemberInputSchema, { name: "山田 太郎", reportAddress: "yamada@client.example.jp" }, "name"],
  ["roster kana", rosterMemberInputSchema, { name: "山田 太郎", nameKana: "やまだ たろう", reportAddress: "yamada@client.example.jp" }, "nameKana", true],
  ["roster update name", rosterMemberUpdateSchema, { id: ID, name: "山田 太郎", reportAddress: "yamada@client.example.jp" }, "name"],
  ["wrong-number company", wrongNumberInputSchema, { companyName: "ABCトレーディング" }, "companyName"],
  ["wrong-number kana", wrongNumberInputSchema, { companyName: "ABCトレーディング", companyNameKana: "えーびーしー" }, "companyNameKana", true],
  ["wrong-number update company", wrongNumberUpdateSchema, { id: ID, companyName: "ABCトレーディング" }, "companyName"],
  ["client user display name", clientUserInputSchema, { email: "a@client.example.jp", displayName: "山田" }, "displayName"],
  ["staff display name", staffInputSchema, { email: "s@agency.example.jp", displayName: "鈴木", mailbox: "suzuki" }, "displayName"],
];

/** Text that would make an operator say something other than what the screen seems to show. */
const UNREADABLE: Array<[what: string, text: (name: string) => string]> = [
  ["right-to-left override", (n) => `\u202E${n}`],
  ["left-to-right embedding", (n) => `${n}\u202A`],
  ["pop directional formatting", (n) => `${n}\u202C`],
  ["right-to-left isolate", (n) => `\u2067${n}\u2069`],
  ["first strong isolate", (n) => `\u2068${n}`],
  ["right-to-left mark", (n) => `${n}\u200F`],
  ["zero-width space inside", (n) => `${n.slice(0, 1)}\u200B${n.slice(1)}`],
  ["zero-width joiner", (n) => `${n}\u200D`],
  ["byte order mark inside", (n) => `${n.slice(0, 1)}\uFEFF${n.slice(1)}`],
  ["soft hyphen", (n) => `${n}\u00AD`],
  ["NUL", (n) => `${n}\u0000`],
  ["escape", (n) => `\u001B[31m${n}`],
  ["line break inside", (n) => `${n.slice(0, 1)}\n${n.slice(1)}`],
  ["tab inside", (n) => `${n.slice(0, 1)}\t${n.slice(1)}`],
  ["C1 control", (n) => `${n}\u0085`],
  ["line separator inside", (n) => `${n.slice(0, 1)}\u2028${n.slice(1)}`],
  ["tag characters", (n) => `${n}\u{E0041}\u{E0042}`],
  ["only a zero-width space", () => "\u200B"],
  ["only zero-width characters", () => "\u200B\u200C\u2060"],
  ["only a Hangul filler", () => "\u3164"],
  ["only a braille blank", () => "\u2800"],
  ["only combining marks", () => "\u0301\u0308"],
];

function fieldsOf(schema: z.ZodType, input: unknown) {
  const checked = checkInput(schema, input);
  return checked.ok ? [] : checked.fields;
}

describe("names read aloud refuse what cannot be read aloud", () => {
  it.each(NAME_FIELDS)("%s accepts a plain name", (_label, schema, base) => {
    expect(fieldsOf(schema, base)).toEqual([]);
  });

  it.each(NAME_FIELDS)("%s refuses controls, bidi overrides and invisible-only text with one field error", (_label, schema, base, field) => {
    for (const [what, make] of UNREADABLE) {
      const fields = fieldsOf(schema, { ...base, [field]: make(String(base[field])) });
      expect(fields, `${what} in ${field}`).toEqual([{ path: field, code: "FIELD_NAME_CHARACTERS", text: message("FIELD_NAME_CHARACTERS") }]);
    }
  });

  it("says why in both languages", () => {
    expect(message("FIELD_NAME_CHARACTERS").ja).toContain("文字の向き");
    expect(message("FIELD_NAME_CHARACTERS").en).toContain("read aloud");
  });

  it("keeps a blank name a missing one, not an invisible one", () => {
    const fields = fieldsOf(rosterMemberInputSchema, { name: " 　 ", reportAddress: "y@c.jp" });
    expect(fields.map((f) => [f.path, f.code])).toEqual([["name", "FIELD_REQUIRED"]]);
    expect(checkInput(optionalKanaSchema, "  ")).toEqual({ ok: true, value: undefined });
  });

  it("accepts the names people really have", () => {
    for (const name of ["株式会社ＡＢＣ商事", "ｶﾌﾞｼｷｶﾞｲｼｬ ﾔﾏﾀﾞ", "山田　太郎", "葛\u{E0100}城 様", "O'Brien & Co., Ltd.", "Café Müller", "ﾃﾞｨｰ・エヌ・エー", "①商店"]) {
      expect(isReadableName(name), name).toBe(true);
      expect(checkInput(spokenName(60), name).ok, name).toBe(true);
    }
  });

  it("refuses any control or format character inside a name, and never keeps one at its ends", () => {
    const unseen = fc.oneof(
      fc.integer({ min: 0x00, max: 0x1f }),
      fc.integer({ min: 0x7f, max: 0x9f }),
      fc.integer({ min: 0x202a, max: 0x202e }),
      fc.integer({ min: 0x2066, max: 0x2069 }),
      fc.constantFrom(0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2060, 0xfeff, 0x061c, 0x00ad),
    );
    fc.assert(
      fc.property(fc.constantFrom("山田商事", "ABC", "やまだ"), unseen, fc.nat(), (name, code, at) => {
        const i = 1 + (at % (name.length - 1));
        const text = name.slice(0, i) + String.fromCodePoint(code) + name.slice(i);
        expect(isReadableName(text)).toBe(false);
        expect(checkInput(spokenName(60), text).ok).toBe(false);
        // At either end, trimming may take it away (a tab, a line break): what is kept is readable.
        for (const edged of [String.fromCodePoint(code) + name, name + String.fromCodePoint(code)]) {
          const checked = checkInput(spokenName(60), edged);
          if (checked.ok) expect(isReadableName(checked.value)).toBe(true);
        }
      }),
    );
  });
});
