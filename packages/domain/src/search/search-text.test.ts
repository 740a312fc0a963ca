import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  SEARCH_FIELD_SEPARATOR,
  isIndexableTerm,
  matchesSearch,
  searchBigrams,
  searchFold,
  searchTerms,
  searchText,
} from "./search-text.ts";

/** The full-width form of printable ASCII (what a Japanese IME types with 全角 on). */
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const toKatakana = (s: string) => s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
const toHiragana = (s: string) => s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

const HIRAGANA = [..."あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをんがぎぐげござじずぜぞだぢづでどばびぶべぼぱぴぷぺぽゃゅょっ"];
const KANJI = [..."田中佐藤鈴木高橋渡辺伊藤山本小林加藤吉田松井鬼塚株式会社商事建設電話折返件明日午後"];
const LATIN = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"];
const DIGITS = [..."0123456789"];
/** Characters whose folded form does not depend on their neighbours (no digits: those join into numbers). */
const plainChar = fc.constantFrom(...HIRAGANA, ...KANJI, ...LATIN);
const plainText = fc.array(plainChar, { maxLength: 30 }).map((cs) => cs.join(""));
const anyText = fc.string({ unit: fc.constantFrom(...HIRAGANA, ...KANJI, ...LATIN, ...DIGITS, " ", "-", "ー", "、", "＋", "(", ")", "\u200b", "\u0001"), maxLength: 40 });

describe("searchFold — one folded form for the ways a text is written", () => {
  it.each([
    ["ＡＢＣ商事", "abc商事"],
    ["ｻｸﾗ", "サクラ"],
    ["さくら", "サクラ"],
    ["Sakura Inc.", "sakurainc"],
    ["田中 太郎", "田中太郎"],
    ["田\u200b中\u0007", "田中"],
  ])("%s → %s", (input, folded) => {
    expect(searchFold(input)).toBe(folded);
  });

  it("a phone number folds to its digits, however it is written", () => {
    for (const written of ["0312345678", "03-1234-5678", "０３‐１２３４‐５６７８", "０３－１２３４－５６７８", "+81 3 1234 5678", "+81-3-1234-5678", "+81 (0)3 1234 5678", "＋８１ ３ １２３４ ５６７８", "03ー1234ー5678", "(03) 1234-5678", "+81312345678"]) {
      expect(searchFold(written), written).toBe("0312345678");
      expect(searchTerms(written), written).toEqual(["0312345678"]);
    }
  });

  it("a number inside a message folds the same as on its own", () => {
    expect(searchFold("折り返しは＋８１ ３‐１２３４‐５６７８までお願いします")).toBe("折リ返シハ0312345678マデオ願イシマス");
  });

  it("is idempotent", () => {
    fc.assert(fc.property(anyText, (text) => searchFold(searchFold(text)) === searchFold(text)));
  });

  it("full-width and half-width ASCII fold alike", () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...LATIN, ...DIGITS, " ", "-", "+", ".", "@") }), (ascii) => searchFold(fullWidth(ascii)) === searchFold(ascii)));
  });

  it("hiragana and katakana fold alike", () => {
    fc.assert(fc.property(plainText, (text) => searchFold(toKatakana(text)) === searchFold(toHiragana(text))));
  });

  it("every piece of a text folds to a piece of the folded text", () => {
    fc.assert(
      fc.property(plainText, plainText, plainText, (before, piece, after) => searchFold(before + piece + after).includes(searchFold(piece))),
    );
  });

  it("every digit piece of a phone number is found in it, however the number is written", () => {
    // A Japanese number: the trunk 0, then an area code that never starts with 0.
    const national = fc
      .tuple(fc.constantFrom(..."123456789"), fc.array(fc.constantFrom(...DIGITS), { minLength: 8, maxLength: 8 }))
      .map(([first, rest]) => `0${first}${rest.join("")}`);
    fc.assert(
      fc.property(national, fc.nat(8), fc.integer({ min: 2, max: 10 }), (number, start, length) => {
        const piece = number.slice(start, start + length);
        const written = `${number.slice(0, 2)}-${number.slice(2, 6)}-${number.slice(6)}`;
        const abroad = `+81 ${number.slice(1, 2)} ${number.slice(2, 6)} ${number.slice(6)}`;
        return [written, fullWidth(written), abroad, number].every((form) => searchFold(form).includes(searchTerms(piece)[0] ?? "∅"));
      }),
    );
  });
});

describe("searchText — the folded fields a report is found by", () => {
  it("folds each field and keeps them apart", () => {
    const text = searchText({ callerCompany: "株式会社さくら", callerName: "田中", requestedPerson: null, message: "折り返しお願いします", callbackNumber: "+81312345678" });
    expect(text.split(SEARCH_FIELD_SEPARATOR)).toEqual(["株式会社サクラ", "田中", "折リ返シオ願イシマス", "0312345678"]);
  });

  it("a term never matches across two fields", () => {
    const text = searchText({ callerCompany: "山田", callerName: "太郎" });
    expect(matchesSearch(text, searchTerms("山田"))).toBe(true);
    expect(matchesSearch(text, searchTerms("田太"))).toBe(false);
  });
});

describe("searchTerms — what a client types", () => {
  it("splits words at spaces, full-width spaces too, and drops duplicates and punctuation", () => {
    expect(searchTerms("田中　さくら  田中 「」 ")).toEqual(["田中", "サクラ"]);
    expect(searchTerms("  ")).toEqual([]);
  });

  it("keeps a spaced-out number as one term", () => {
    expect(searchTerms("田中 03 1234 5678")).toEqual(["田中", "0312345678"]);
  });

  it("every term is folded, non-empty and free of white space", () => {
    fc.assert(
      fc.property(anyText, (query) =>
        searchTerms(query).every((term) => term.length > 0 && !/\s/u.test(term) && searchFold(term) === term),
      ),
    );
  });

  it("finds a report by any word of its fields, typed in another width or kana", () => {
    fc.assert(
      fc.property(plainText, plainText, plainText, (company, word, after) => {
        const text = searchText({ callerCompany: toHiragana(company + word + after) });
        const typed = fullWidth(toKatakana(word));
        return searchTerms(typed).every((term) => text.includes(term)) && matchesSearch(text, searchTerms(typed));
      }),
    );
  });
});

describe("searchBigrams — what the engines index", () => {
  it("gives the distinct two-character pieces of each field, none across fields", () => {
    expect(searchBigrams(`田中太${SEARCH_FIELD_SEPARATOR}田中`)).toEqual(["田中", "中太"]);
    expect(searchBigrams("田")).toEqual([]);
  });

  it("counts characters, not UTF-16 units", () => {
    expect(searchBigrams("𠮷野家")).toEqual(["𠮷野", "野家"]);
    expect(isIndexableTerm("𠮷")).toBe(false);
    expect(isIndexableTerm("𠮷野")).toBe(true);
  });

  it("every bigram of a matching term is a bigram of the text (the index never misses)", () => {
    fc.assert(
      fc.property(fc.array(plainText, { minLength: 1, maxLength: 4 }), fc.nat(), fc.nat(), fc.nat(30), (fields, pick, start, length) => {
        const text = searchText({ callerCompany: fields[0], callerName: fields[1], message: fields[2], requestedPerson: fields[3] });
        const field = text.split(SEARCH_FIELD_SEPARATOR)[pick % Math.max(1, fields.length)] ?? "";
        const chars = Array.from(field);
        const term = chars.slice(start % Math.max(1, chars.length), (start % Math.max(1, chars.length)) + length).join("");
        const indexed = new Set(searchBigrams(text));
        return searchBigrams(term).every((gram) => indexed.has(gram));
      }),
    );
  });
});
