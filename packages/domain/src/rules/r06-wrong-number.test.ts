import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseCompanyName } from "../normalise/company-name.ts";
import { isValidPhoneNumber, normalisePhoneNumber, phoneNumbersIn } from "../normalise/phone-number.ts";
import { compileRegistry, matchWrongNumber, type WrongNumberEntry } from "./r06-wrong-number.ts";

const ABC: WrongNumberEntry = {
  id: "w-abc",
  companyName: "株式会社ABCトレーディング",
  companyNameKana: "かぶしきがいしゃえーびーしーとれーでぃんぐ",
  numbers: ["03-1111-2222", "090-1234-5678"],
  typicalCalls: "配送の問い合わせ",
};
const YAMADA: WrongNumberEntry = {
  id: "w-yamada",
  companyName: "有限会社山田商店",
  companyNameKana: "ヤマダショウテン",
  numbers: ["06-6123-4567"],
};
const SAKURA: WrongNumberEntry = { id: "w-sakura", companyName: "サクラ企画合同会社", companyNameKana: null, numbers: [] };
const REGISTRY = [ABC, YAMADA, SAKURA];
const COMPILED = compileRegistry(REGISTRY);

/** The ids matched, best first, for both the compiled and the raw registry (they must agree). */
function matchedIds(heard: Parameters<typeof matchWrongNumber>[1]): string[] | "no_match" | "undetermined" {
  const compiled = matchWrongNumber(COMPILED, heard);
  expect(matchWrongNumber(REGISTRY, heard)).toEqual(compiled);
  return compiled.kind === "match" ? compiled.matches.map((m) => m.entry.id) : compiled.kind;
}

describe("R6 — company names compare across the ways they are written and said", () => {
  it.each([
    "株式会社ABCトレーディング",
    "ABCトレーディング株式会社",
    "(株)ABCトレーディング",
    "（株）ABCトレーディング",
    "㈱ABCトレーディング",
    "ABCトレーディング㈱",
    "ABCトレーディング（株）",
    "ＡＢＣトレーディング",
    "abcトレーディング",
    "ａｂｃ ﾄﾚｰﾃﾞｨﾝｸﾞ",
    "ABC トレーディング",
    "　ABC　トレーディング　",
    "ABCトレーディングさん",
    "ABCトレーディング様",
    "ABCトレーディングさま",
    "ABCトレーディングですか",
    "ABCトレーディングさんですか？",
    "株式会社ＡＢＣトレーディング様でしょうか",
    "えーびーしーとれーでぃんぐ",
    "エービーシートレーディング",
    "ｴｰﾋﾞｰｼｰﾄﾚｰﾃﾞｨﾝｸﾞさん",
    "かぶしきがいしゃえーびーしーとれーでぃんぐ",
    "カブシキガイシャエービーシートレーディングさんですか",
  ])("%s matches ABCトレーディング", (company) => {
    expect(matchedIds({ company })).toEqual(["w-abc"]);
    const result = matchWrongNumber(COMPILED, { company });
    expect(result.kind === "match" && result.matches[0]!.reasons).toEqual(["company"]);
  });

  it.each(["有限会社山田商店", "(有)山田商店", "㈲山田商店", "山田商店(有)", "山田商店有限会社", "やまだしょうてんさん", "ヤマダショウテン様"])(
    "%s matches 山田商店",
    (company) => {
      expect(matchedIds({ company })).toEqual(["w-yamada"]);
    },
  );

  it.each(["合同会社サクラ企画", "サクラ企画合同会社", "さくら企画", "ｻｸﾗ企画さんですか", "(同)サクラ企画"])("%s matches サクラ企画", (company) => {
    expect(matchedIds({ company })).toEqual(["w-sakura"]);
  });

  it("finds a registered name inside the caller's sentence", () => {
    const result = matchWrongNumber(COMPILED, { company: "ABCトレーディングの配送の件でお電話しました" });
    expect(result).toEqual({ kind: "match", matches: [{ entry: ABC, reasons: ["company_in_utterance"] }] });
  });

  it("normalises the examples of its own documentation to one key", () => {
    const keys = ["株式会社ＡＢＣ商事", "(株)ABC商事", "㈱ABC商事", "ABC商事さんですか"].map(normaliseCompanyName);
    expect(new Set(keys)).toEqual(new Set(["abc商事"]));
  });

  it("removes Latin legal forms as whole words only", () => {
    expect(normaliseCompanyName("ABC Co., Ltd.")).toBe("abc");
    expect(normaliseCompanyName("ABC Inc.")).toBe("abc");
    expect(normaliseCompanyName("ABC LLC")).toBe("abc");
    expect(normaliseCompanyName("ABC K.K.")).toBe("abc");
    // "inc" in Lincoln, "llc" in Dollcraft are part of the name.
    expect(normaliseCompanyName("Lincoln Inc.")).toBe("lincoln");
    expect(normaliseCompanyName("Dollcraft LLC")).toBe("dollcraft");
    expect(normaliseCompanyName("Prince")).toBe("prince");
  });
});

describe("R6 — numbers compare across their writings", () => {
  it.each([
    ["03-1111-2222", ["w-abc"]],
    ["0311112222", ["w-abc"]],
    ["03 1111 2222", ["w-abc"]],
    ["０３－１１１１－２２２２", ["w-abc"]],
    ["０３ー１１１１ー２２２２", ["w-abc"]],
    ["03(1111)2222", ["w-abc"]],
    ["+81 3 1111 2222", ["w-abc"]],
    ["+81-3-1111-2222", ["w-abc"]],
    ["+81 90 1234 5678", ["w-abc"]],
    ["06-6123-4567", ["w-yamada"]],
  ])("number %s", (number, ids) => {
    expect(matchedIds({ number })).toEqual(ids);
    const result = matchWrongNumber(COMPILED, { number });
    expect(result.kind === "match" && result.matches[0]!.reasons).toEqual(["number"]);
  });

  it("finds a number said inside a sentence", () => {
    expect(matchedIds({ company: "03-1111-2222の方ですか" })).toEqual(["w-abc"]);
    expect(matchedIds({ company: "番号は０６－６１２３－４５６７と聞いています" })).toEqual(["w-yamada"]);
    const result = matchWrongNumber(COMPILED, { company: "03-1111-2222の方ですか" });
    expect(result.kind === "match" && result.matches[0]!.reasons).toEqual(["number"]);
  });

  it("lists every reason, and puts the best-supported entry first", () => {
    const result = matchWrongNumber(COMPILED, { company: "(株)ABCトレーディングさん", number: "06-6123-4567" });
    expect(result.kind).toBe("match");
    if (result.kind !== "match") return;
    // Equally supported (one exact reason each): both are offered, with their reasons.
    expect(new Map(result.matches.map((m) => [m.entry.id, m.reasons]))).toEqual(
      new Map([
        ["w-abc", ["company"]],
        ["w-yamada", ["number"]],
      ]),
    );
    const both = matchWrongNumber(COMPILED, { company: "ABCトレーディング", number: "+81311112222" });
    expect(both.kind === "match" && both.matches.map((m) => [m.entry.id, [...m.reasons].sort()])).toEqual([["w-abc", ["company", "number"]]]);
    const ranked = matchWrongNumber(COMPILED, { company: "山田商店さんの件でABCトレーディング", number: "0311112222" });
    expect(ranked.kind === "match" && ranked.matches.map((m) => m.entry.id)).toEqual(["w-abc", "w-yamada"]);
  });

  it("keeps two entries that share a number", () => {
    const twin: WrongNumberEntry = { id: "w-twin", companyName: "ABC物流", numbers: ["0311112222"] };
    const result = matchWrongNumber([ABC, twin], { number: "03-1111-2222" });
    expect(result.kind === "match" && result.matches.map((m) => m.entry.id).sort()).toEqual(["w-abc", "w-twin"]);
  });
});

describe("R6 — when it cannot be told, the call is handled as usual", () => {
  it.each([{}, { company: "" }, { company: "   " }, { company: "　" }, { company: null, number: null }, { number: "" }, { number: "abc" }, { company: "株式会社" }])(
    "%j is undetermined",
    (heard) => {
      expect(matchedIds(heard)).toBe("undetermined");
    },
  );

  it.each([
    { company: "株式会社みらい建設" },
    { company: "ABC" },
    { company: "トレーディング" },
    { number: "03-9999-8888" },
    { company: "みらい建設", number: "090-0000-1111" },
  ])("%j is no_match", (heard) => {
    expect(matchedIds(heard)).toBe("no_match");
  });

  it("does not look for one-character names inside a sentence", () => {
    const one: WrongNumberEntry = { id: "w-one", companyName: "株式会社A", numbers: [] };
    expect(matchWrongNumber([one], { company: "Aさん" }).kind).toBe("match");
    expect(matchWrongNumber([one], { company: "ABCトレーディング" }).kind).toBe("no_match");
  });

  it("says no_match against an empty registry and undetermined when nothing was heard", () => {
    expect(matchWrongNumber([], { company: "ABCトレーディング" })).toEqual({ kind: "no_match" });
    expect(matchWrongNumber([], {})).toEqual({ kind: "undetermined" });
  });
});

// ── Property tests ─────────────────────────────────────────────────────────────────────────────

/**
 * Small alphabets, chosen so that a generated name can never spell a legal form or an ending
 * itself (no i/n/c/l/o among the letters, no さ/ま/ん/で/す/か among the kana).
 */
const ASCII = [..."abdefghjkmpqrstuvwxyz"];
const KANJI = [..."山田商事電機建設工業東京中央北"];
const KATAKANA = [..."アイウエオキクケコタチツテトナニヌネハヒフヘホラリルレロガギグゲゴパピプペポ"];

const HALF_WIDTH: Record<string, string> = Object.fromEntries(
  [..."アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンー"].map((k, i) => [
    k,
    [..."ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｰ"][i]!,
  ]),
);
const toHiragana = (s: string) => s.replace(/[ァ-ヶ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));
const toHalfWidthKana = (s: string) =>
  [...s.normalize("NFD")].map((ch) => (ch === "\u3099" ? "ﾞ" : ch === "\u309a" ? "ﾟ" : (HALF_WIDTH[ch] ?? ch))).join("");
const toFullWidthAscii = (s: string) => s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

const nameArb = fc.oneof(
  fc.array(fc.constantFrom(...ASCII), { minLength: 1, maxLength: 8 }).map((a) => a.join("")),
  fc.array(fc.constantFrom(...KANJI), { minLength: 1, maxLength: 5 }).map((a) => a.join("")),
  fc.array(fc.constantFrom(...KATAKANA), { minLength: 1, maxLength: 8 }).map((a) => a.join("")),
  fc
    .tuple(
      fc.array(fc.constantFrom(...KANJI), { minLength: 1, maxLength: 3 }),
      fc.array(fc.constantFrom(...KATAKANA), { minLength: 1, maxLength: 4 }),
    )
    .map(([k, a]) => k.join("") + a.join("")),
);

/** Every writing of the legal forms a decoration may use. */
const LEGAL_BEFORE_OR_AFTER = [
  "株式会社", "(株)", "㈱", "（株）", "カブシキガイシャ", "かぶしきがいしゃ",
  "有限会社", "(有)", "㈲", "（有）",
  "合同会社", "(同)",
];
const LATIN_AFTER = [" Inc.", " Co., Ltd.", " LLC", " Corporation", " K.K."];
const SUFFIXES = ["", "さん", "様", "さま", "殿", "ですか", "さんですか", "様でしょうか", "？", "御中"];

const decorationArb = fc.record({
  before: fc.option(fc.constantFrom(...LEGAL_BEFORE_OR_AFTER), { nil: undefined }),
  after: fc.option(fc.constantFrom(...LEGAL_BEFORE_OR_AFTER, ...LATIN_AFTER), { nil: undefined }),
  suffix: fc.constantFrom(...SUFFIXES),
  kana: fc.constantFrom("katakana", "hiragana", "half-width"),
  fullWidthAscii: fc.boolean(),
  spaces: fc.array(fc.nat(20), { maxLength: 3 }),
  space: fc.constantFrom(" ", "　", "  "),
});

type Decoration = typeof decorationArb extends fc.Arbitrary<infer D> ? D : never;

function decorate(plain: string, d: Decoration): string {
  // Spaces at random places inside the name, as an operator might type them.
  let name = plain;
  for (const at of d.spaces) {
    const i = at % (name.length + 1);
    name = name.slice(0, i) + d.space + name.slice(i);
  }
  let s = `${d.before ? d.before + d.space : ""}${name}${d.after ?? ""}${d.suffix}`;
  if (d.kana === "hiragana") s = toHiragana(s);
  if (d.kana === "half-width") s = toHalfWidthKana(s);
  if (d.fullWidthAscii) s = toFullWidthAscii(s);
  return s;
}

describe("R6 — properties of the company-name normaliser", () => {
  it("a decorated name normalises like the plain name", () => {
    fc.assert(
      fc.property(nameArb, decorationArb, (plain, decoration) => {
        const decorated = decorate(plain, decoration);
        expect(normaliseCompanyName(decorated), decorated).toBe(normaliseCompanyName(plain));
        expect(normaliseCompanyName(plain).length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });

  it("a decorated name is matched in a registry that holds the plain name", () => {
    fc.assert(
      fc.property(nameArb, decorationArb, (plain, decoration) => {
        const entry: WrongNumberEntry = { id: "x", companyName: plain, numbers: [] };
        const result = matchWrongNumber([entry], { company: decorate(plain, decoration) });
        expect(result.kind === "match" && result.matches[0]!.reasons).toEqual(["company"]);
      }),
      { numRuns: 150 },
    );
  });

  const stringsArb = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: "grapheme", maxLength: 30 }),
    fc.string({ unit: "binary", maxLength: 30 }),
    // Fragments of forms, endings, brackets, marks and widths, glued in any order.
    fc
      .array(
        fc.constantFrom(
          "株式", "会社", "株", "(", ")", "（", "）", "㈱", "・", "-", " ", "　", "かぶしき", "がいしゃ", "ガイシャ", "inc",
          "Inc.", "co", ".,", "ltd", "llc", "さん", "様", "さま", "で", "すか", "の方", "ｶ", "ﾞ", "\u3099", "e", "\u0301", "ー", "？", "ABC", "山田",
        ),
        { maxLength: 12 },
      )
      .map((a) => a.join("")),
  );

  it("is idempotent for arbitrary strings", () => {
    fc.assert(
      fc.property(stringsArb, (x) => {
        const once = normaliseCompanyName(x);
        expect(normaliseCompanyName(once)).toBe(once);
      }),
      { numRuns: 1500 },
    );
  });

  it("is idempotent in the cases that used to break it", () => {
    for (const x of ["株式(株)会社", "株式・会社ABC", "かぶしきがいしゃえーびーしー", "iincnc", "ABC商事さん様"]) {
      expect(normaliseCompanyName(normaliseCompanyName(x))).toBe(normaliseCompanyName(x));
    }
  });
});

// Tokyo (03 + 8 digits) and mobile (070/080/090 + 8 digits) numbers.
const japaneseNumberArb = fc
  .tuple(fc.constantFrom("3", "70", "80", "90"), fc.integer({ min: 1, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 7 }))
  .map(([area, first, rest]) => ({ area, subscriber: `${first}${rest.join("")}` }));

function writings({ area, subscriber }: { area: string; subscriber: string }): string[] {
  const a = subscriber.slice(0, 4);
  const b = subscriber.slice(4);
  const national = `0${area}${subscriber}`;
  const hyphenated = `0${area}-${a}-${b}`;
  const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  return [
    national,
    hyphenated,
    `0${area} ${a} ${b}`,
    `0${area}(${a})${b}`,
    fullWidth(national),
    fullWidth(hyphenated).replace(/-/g, "－"),
    fullWidth(hyphenated).replace(/-/g, "ー"),
    `+81${area}${subscriber}`,
    `+81 ${area} ${a} ${b}`,
    `+81-${area}-${a}-${b}`,
    `＋８１ ${fullWidth(area)} ${fullWidth(a)} ${fullWidth(b)}`,
  ];
}

describe("R6 — properties of the phone-number normaliser", () => {
  it("every writing of a Tokyo or mobile number normalises to the same E.164", () => {
    fc.assert(
      fc.property(japaneseNumberArb, (number) => {
        const e164 = `+81${number.area}${number.subscriber}`;
        for (const written of writings(number)) {
          expect(normalisePhoneNumber(written), written).toBe(e164);
          expect(isValidPhoneNumber(written), written).toBe(true);
        }
        expect(phoneNumbersIn(`番号は${writings(number)[1]}です`)).toEqual([e164]);
      }),
      { numRuns: 200 },
    );
  });

  it("a number registered in one writing is matched when heard in another", () => {
    fc.assert(
      fc.property(japaneseNumberArb, fc.nat(), fc.nat(), (number, i, j) => {
        const all = writings(number);
        const entry: WrongNumberEntry = { id: "n", companyName: "登録先", numbers: [all[i % all.length]!] };
        const result = matchWrongNumber([entry], { number: all[j % all.length]! });
        expect(result.kind === "match" && result.matches[0]!.reasons).toEqual(["number"]);
      }),
      { numRuns: 200 },
    );
  });

  it("does not take a short or foreign-looking string for a Japanese number", () => {
    expect(normalisePhoneNumber("12345")).toBeUndefined();
    expect(normalisePhoneNumber("abc")).toBeUndefined();
    expect(normalisePhoneNumber("")).toBeUndefined();
    expect(normalisePhoneNumber("+1 415 555 2671")).toBe("+14155552671");
  });
});
