/**
 * R6 — Q6: the client registers the company callers confuse it with (name, numbers, typical
 * calls). When the operator can tell from the call that it is a wrong number, the operator tells
 * the caller. When it cannot be told, the call is handled as usual: name, callback number,
 * report. So matching only ever suggests; "no match" and "undetermined" both leave the normal
 * message path open, and they are told apart so the console can say which.
 */
import { normaliseCompanyName } from "../normalise/company-name.ts";
import { normalisePhoneNumber, phoneNumbersIn } from "../normalise/phone-number.ts";

export type WrongNumberEntry = {
  readonly id: string;
  readonly companyName: string;
  readonly companyNameKana?: string | null | undefined;
  readonly numbers: readonly string[];
  readonly typicalCalls?: string | undefined;
};

/** What the operator heard: a company name (or the caller's whole sentence), a number, or both. */
export type Heard = { readonly company?: string | null | undefined; readonly number?: string | null | undefined };

export type MatchReason = "company" | "company_in_utterance" | "number";

export type WrongNumberMatch<E extends WrongNumberEntry = WrongNumberEntry> =
  | { readonly kind: "match"; readonly matches: ReadonlyArray<{ readonly entry: E; readonly reasons: readonly MatchReason[] }> }
  | { readonly kind: "no_match" }
  | { readonly kind: "undetermined" };

/** Names shorter than this are too common inside other words to be found inside a sentence. */
const MIN_KEY_IN_UTTERANCE = 2;

export type CompiledRegistry<E extends WrongNumberEntry = WrongNumberEntry> = {
  readonly names: ReadonlyArray<{ readonly key: string; readonly entry: E }>;
  readonly byNumber: ReadonlyMap<string, readonly E[]>;
};

/** Normalise a registry once, so that matching an utterance costs one pass over short keys. */
export function compileRegistry<E extends WrongNumberEntry>(entries: readonly E[]): CompiledRegistry<E> {
  const names: Array<{ key: string; entry: E }> = [];
  const byNumber = new Map<string, E[]>();
  for (const entry of entries) {
    const keys = new Set([normaliseCompanyName(entry.companyName), normaliseCompanyName(entry.companyNameKana ?? "")]);
    for (const key of keys) if (key) names.push({ key, entry });
    for (const raw of entry.numbers) {
      const number = normalisePhoneNumber(raw);
      if (number) byNumber.set(number, [...(byNumber.get(number) ?? []), entry]);
    }
  }
  return { names, byNumber };
}

export function matchWrongNumber<E extends WrongNumberEntry>(
  registry: CompiledRegistry<E> | readonly E[],
  heard: Heard,
): WrongNumberMatch<E> {
  const compiled = "byNumber" in registry ? registry : compileRegistry(registry);
  const said = heard.company?.trim() ?? "";
  const company = said ? normaliseCompanyName(said) : "";
  const numbers = new Set<string>();
  const heardNumber = heard.number ? normalisePhoneNumber(heard.number) : undefined;
  if (heardNumber) numbers.add(heardNumber);
  // A caller's sentence may carry a number ("03-1234-5678の方ですか").
  if (said && /\d|[０-９]/.test(said)) for (const n of phoneNumbersIn(said)) numbers.add(n);
  if (!company && numbers.size === 0) return { kind: "undetermined" };

  const found = new Map<E, Set<MatchReason>>();
  const add = (entry: E, reason: MatchReason) => {
    const reasons = found.get(entry) ?? new Set<MatchReason>();
    reasons.add(reason);
    found.set(entry, reasons);
  };
  for (const number of numbers) for (const entry of compiled.byNumber.get(number) ?? []) add(entry, "number");
  if (company) {
    for (const { key, entry } of compiled.names) {
      if (key === company) add(entry, "company");
      else if (key.length >= MIN_KEY_IN_UTTERANCE && company.includes(key)) add(entry, "company_in_utterance");
    }
  }
  if (found.size === 0) return { kind: "no_match" };
  const strength = (reasons: Set<MatchReason>) => reasons.size * 10 + (reasons.has("company") || reasons.has("number") ? 1 : 0);
  const matches = [...found]
    .sort((a, b) => strength(b[1]) - strength(a[1]))
    .map(([entry, reasons]) => ({ entry, reasons: [...reasons] }));
  return { kind: "match", matches };
}
