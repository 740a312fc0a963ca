import { foldText } from "@uketsuke/domain";
import { toKatakana, toRomaji } from "wanakana";

export type SearchableMember = { readonly name: string; readonly nameKana: string | null };

/**
 * Romaji as people type it: no macrons, long vowels short (Tarō, Tarou, Taro are one), no
 * spaces or punctuation.
 */
function romajiKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ou|oo/g, "o")
    .replace(/uu/g, "u")
    .replace(/[^a-z]/g, "");
}

/** The reading in Latin letters, as shown beside a name and matched by the search. */
export function romajiOf(member: SearchableMember): string {
  return member.nameKana ? toRomaji(member.nameKana).replace(/\s+/g, " ").trim() : "";
}

/**
 * Whether a roster member fits what the operator typed: the name in kanji, the reading in
 * hiragana or katakana (any width), or the reading in romaji, each as a part of the whole.
 */
export function matchesMember(member: SearchableMember, query: string): boolean {
  const folded = foldText(query);
  if (!folded) return true;
  const kana = foldText(member.nameKana ?? "");
  if (foldText(member.name).includes(folded) || (kana && kana.includes(folded))) return true;
  const typed = romajiKey(query);
  if (!typed || !member.nameKana) return false;
  if (romajiKey(toRomaji(member.nameKana)).includes(typed)) return true;
  // Romaji typed as kana would be (yamada → ヤマダ), for readings romaji keys flatten differently.
  return kana.includes(foldText(toKatakana(typed)));
}
