import { stripTrailingWords } from "./company-name.ts";
import { foldText } from "./text.ts";

/** A person's name as heard or registered: folded, honorifics and question endings removed. */
export function normalisePersonName(input: string): string {
  return stripTrailingWords(foldText(input));
}

/**
 * The ways a caller may name a roster member: full name, family name, given name, and the same
 * in the kana reading. Names are registered with a space between family and given name
 * (山田 太郎 / やまだ たろう); a name without a space only matches whole.
 */
export function personNameKeys(name: string, kana?: string | null): { full: string[]; parts: string[]; family: string[] } {
  const full: string[] = [];
  const parts: string[] = [];
  const family: string[] = [];
  for (const source of [name, kana ?? ""]) {
    const tokens = source.normalize("NFKC").trim().split(/\s+/).filter(Boolean);
    if (tokens.length === 0) continue;
    full.push(normalisePersonName(tokens.join("")));
    if (tokens.length > 1) {
      for (const t of tokens) parts.push(normalisePersonName(t));
      family.push(normalisePersonName(tokens[0] as string));
    }
  }
  const unique = (xs: string[]) => [...new Set(xs.filter(Boolean))];
  return { full: unique(full), parts: unique(parts), family: unique(family) };
}
