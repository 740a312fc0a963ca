/**
 * R8 — Q8: the report's 誰から (from whom) field carries the caller's name as heard, with the
 * company in front when the company was given too.
 */
import type { LocalizedText } from "../messages/catalogue.ts";

export type CallerHeard = { readonly company?: string | null | undefined; readonly name?: string | null | undefined };

const HONORIFIC = /\s*(様|さま|さん|殿)$/u;

/** A person's name with 様, whatever honorific the caller or operator used: やまださん → やまだ 様. */
export function withSama(name: string): string {
  return `${name.trim().replace(HONORIFIC, "")} 様`;
}

export function fromWhom(caller: CallerHeard): LocalizedText {
  // An operator may type the company with its honorific (ABC商事様); the layout adds its own.
  const company = caller.company?.trim().replace(HONORIFIC, "") ?? "";
  const name = caller.name?.trim() ?? "";
  const person = name ? withSama(name) : "";
  if (company && name) return { ja: `${company} ${person}`, en: `${name.replace(HONORIFIC, "")} (${company})` };
  if (name) return { ja: person, en: name.replace(HONORIFIC, "") };
  if (company) return { ja: `${company} 様`, en: company };
  return { ja: "名乗りなし", en: "Unknown (no name given)" };
}
