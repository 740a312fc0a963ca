import { foldText } from "./text.ts";

/**
 * Legal-form markers, in the forms callers say and clients type them. They appear before or after
 * the name (前株 / 後株), so they are removed wherever they stand. NFKC has already turned ㈱ and
 * （株） into (株); folding removes punctuation, so the bracketed forms go before folding, and the
 * rest after it, so that a reading typed in hiragana (かぶしきがいしゃ) is caught too. Latin forms
 * go only as whole words: "inc" inside Lincoln or Prince is part of the name.
 */
const LEGAL_FORMS = [
  "株式会社", "有限会社", "合同会社", "合資会社", "合名会社",
  "一般社団法人", "一般財団法人", "公益社団法人", "公益財団法人", "特定非営利活動法人", "npo法人",
  "医療法人社団", "医療法人", "社会福祉法人", "学校法人", "宗教法人", "弁護士法人", "税理士法人", "司法書士法人",
  "(株)", "(有)", "(同)", "(資)", "(名)", "(社)", "(財)", "(医)", "(福)", "(学)",
  "カブシキガイシャ", "カブシキカイシャ", "ユウゲンガイシャ", "ゴウドウガイシャ",
  "co.,ltd.", "co., ltd.", "co.ltd.", "co.,ltd", "co ltd", "inc.", "inc", "corp.", "corporation", "llc", "k.k.",
];

/** Words a caller wraps around a name: honorifics and the endings of a question. */
const TRAILING_WORDS = [
  "でしょうか", "ですよね", "ですか", "ですが", "ですね", "です",
  "さんでしょうか", "さまでしょうか",
  "御中", "さま", "サマ", "様", "さん", "サン", "殿", "の方", "ノカタ", "のほう", "ノホウ", "宛", "あて", "アテ",
  "?", "？",
];

const longestFirst = (a: string, b: string) => b.length - a.length;
const legalForms = [...new Set(LEGAL_FORMS.map((f) => f.normalize("NFKC").toLowerCase()))];
const isLatinForm = (form: string) => /^[a-z.,\s]+$/.test(form);
const bracketedForms = legalForms.filter((f) => f.startsWith("(")).sort(longestFirst);
const foldedForms = [...new Set(legalForms.filter((f) => !f.startsWith("(") && !isLatinForm(f)).map((f) => foldText(f)))].sort(longestFirst);
const latinForms = new RegExp(
  `(?<![a-z0-9])(?:${legalForms
    .filter(isLatinForm)
    .sort(longestFirst)
    .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s*"))
    .join("|")})(?![a-z0-9])`,
  "g",
);
const trailing = [...new Set(TRAILING_WORDS.map((w) => foldText(w)).filter(Boolean))].sort((a, b) => b.length - a.length);

/** Strip what a caller adds after a name (さん, 様, ですか …), repeatedly: "ABCさんですか" → "ABC". */
export function stripTrailingWords(folded: string): string {
  let s = folded;
  for (let changed = true; changed; ) {
    changed = false;
    for (const word of trailing) {
      if (s.length > word.length && s.endsWith(word)) {
        s = s.slice(0, -word.length);
        changed = true;
      }
    }
  }
  return s;
}

/**
 * A company name reduced to what identifies it, so that 株式会社ＡＢＣ商事, (株)ABC商事,
 * ㈱ABC商事 and ABC商事さんですか all compare equal. Used by the wrong-number registry (R6)
 * and by the one-entity check (R10).
 */
export function normaliseCompanyName(input: string): string {
  // Folding can bring a form together ("株式・会社") and removing one can expose another, so
  // repeat to a fixed point: normalising a normalised name changes nothing.
  let s = input;
  for (let round = 0; round < 8; round++) {
    let next = s.normalize("NFKC").toLowerCase().replace(latinForms, " ").replace(/\s+/g, "");
    for (const form of bracketedForms) next = next.split(form).join("");
    next = foldText(next);
    for (const form of foldedForms) next = next.split(form).join("");
    next = stripTrailingWords(next);
    if (next === s) break;
    s = next;
  }
  return s;
}
