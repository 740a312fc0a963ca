import { foldText } from "../normalise/text.ts";

/**
 * Report search (issue 11): what a client types and what an operator wrote are compared after
 * one normalisation, so that full- and half-width, hiragana and katakana, letter case and the
 * ways a phone number is written all find the same report. The database indexes the result of
 * `searchText`; a query becomes `searchTerms`, every one of which must be a substring of one
 * field's folded text (`matchesSearch` is that rule, and the reference the engines are tested
 * against).
 */

/** The report fields a search looks in: who called, who was asked for, the message, the number. */
export interface SearchableReport {
  callerCompany?: string | null;
  callerName?: string | null;
  requestedPerson?: string | null;
  message?: string | null;
  callbackNumber?: string | null;
}

/**
 * Between two fields of a search text. Folding removes all white space, so no folded field or
 * term ever holds it: a term cannot match across the end of one field and the start of the next.
 */
export const SEARCH_FIELD_SEPARATOR = "\n";

const SEARCH_FIELDS = ["callerCompany", "callerName", "requestedPerson", "message", "callbackNumber"] as const;

/**
 * A run of digits with what people put between them: spaces, hyphens of every width and
 * script, brackets, dots, and the katakana long-vowel mark typed for a dash (03ー1234ー5678).
 * A "+" only at the start, where it marks a country code.
 */
const DIGIT_RUN = /\+?\d(?:(?:(?!\+)[\s\p{P}\p{S}ー])*\d)*/gu;

/**
 * A number as its digits, with Japan's country code written the way it is dialled at home:
 * +81 3-1234-5678 and +81 (0)3 1234 5678 both become 0312345678, as 03-1234-5678 does.
 */
function digitsOf(run: string): string {
  const digits = run.replace(/\D/g, "");
  if (run.startsWith("+81") && digits.length > 2) return `0${digits.slice(2).replace(/^0/, "")}`;
  return digits;
}

/** NFKC, then every run of digits as its digits only (the separators in it go, spaces too). */
function collapseNumbers(input: string): string {
  return input.normalize("NFKC").replace(DIGIT_RUN, digitsOf);
}

/**
 * One field as the index and the search see it: `foldText` (NFKC, lower case, hiragana as
 * katakana, no white space or punctuation) after numbers are reduced to their digits. Control
 * and format characters (bidi marks, zero-width joiners) go too: nobody types them into a search.
 */
export function searchFold(input: string): string {
  return fold(collapseNumbers(input));
}

const fold = (text: string): string => foldText(text).replace(/[\p{Cc}\p{Cf}]/gu, "");

/** The text stored beside a report and indexed: each field folded, fields apart. */
export function searchText(report: SearchableReport): string {
  return SEARCH_FIELDS.map((field) => searchFold(report[field] ?? ""))
    .filter((folded) => folded.length > 0)
    .join(SEARCH_FIELD_SEPARATOR);
}

/**
 * What a client typed, as terms that must all be found (AND). Words are split at spaces,
 * except inside a number (`+81 3 1234 5678` is one term); duplicates go. Punctuation alone
 * is no term, so `「」` or `-` asks for nothing.
 */
export function searchTerms(query: string): string[] {
  const words = collapseNumbers(query).split(/\s+/u);
  return [...new Set(words.map(fold).filter((term) => term.length > 0))];
}

/** Characters, not UTF-16 units: a kanji outside the BMP (𠮷) is one character. */
export const searchLength = (text: string): number => Array.from(text).length;

/**
 * The distinct two-character pieces of every field of a search text: what the engines index.
 * None spans two fields. A field of one character yields none; a term of one character cannot
 * use the index (see `isIndexableTerm`).
 */
export function searchBigrams(text: string): string[] {
  const grams = new Set<string>();
  for (const field of text.split(SEARCH_FIELD_SEPARATOR)) {
    const chars = Array.from(field);
    for (let i = 0; i + 1 < chars.length; i++) grams.add(`${chars[i]}${chars[i + 1]}`);
  }
  return [...grams];
}

/** A term the bigram index can find: two characters or more. */
export const isIndexableTerm = (term: string): boolean => searchLength(term) >= 2;

/** The reference rule: every term is a substring of the folded text (within one field). */
export function matchesSearch(text: string, terms: readonly string[]): boolean {
  return terms.every((term) => text.includes(term));
}
