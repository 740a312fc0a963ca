import { toKatakana } from "wanakana";

/**
 * The base of every comparison of what an operator heard with what a client registered:
 * NFKC folds full-width letters and digits, half-width kana and enclosed forms such as ㈱;
 * hiragana becomes katakana so a reading typed either way compares equal; Latin letters
 * lower-case; white space and punctuation go.
 */
export function foldText(input: string): string {
  const nfkc = input.normalize("NFKC").toLowerCase();
  const katakana = toKatakana(nfkc, { passRomaji: true });
  return katakana.replace(/[\s\p{P}\p{S}ー]/gu, (ch) => (ch === "ー" ? ch : ""));
}
