import { findPhoneNumbersInText, parsePhoneNumberFromString } from "libphonenumber-js/min";

/**
 * Phone numbers as E.164 (+81312345678), so 03-1234-5678, ０３（１２３４）５６７８ and
 * +81 3 1234 5678 compare equal. Numbers are Japanese unless they carry a country code.
 */
export function normalisePhoneNumber(input: string): string | undefined {
  const folded = input.normalize("NFKC");
  const parsed = parsePhoneNumberFromString(folded, "JP");
  if (parsed?.isPossible()) return parsed.number;
  return undefined;
}

/** E.164 of a valid number, or undefined: one parse where a check and a conversion would take two. */
export function validPhoneNumber(input: string): string | undefined {
  const parsed = parsePhoneNumberFromString(input.normalize("NFKC"), "JP");
  return parsed?.isValid() ? parsed.number : undefined;
}

export function isValidPhoneNumber(input: string): boolean {
  const parsed = parsePhoneNumberFromString(input.normalize("NFKC"), "JP");
  return parsed?.isValid() ?? false;
}

/** The number as a Japanese reader writes it: 03-1234-5678 (international format abroad). */
export function formatPhoneNumber(e164OrInput: string): string {
  const parsed = parsePhoneNumberFromString(e164OrInput.normalize("NFKC"), "JP");
  if (!parsed) return e164OrInput;
  return parsed.country === "JP" || parsed.countryCallingCode === "81" ? parsed.formatNational() : parsed.formatInternational();
}

/** Every phone number spoken in a sentence ("番号は03-1234-5678です"), as E.164. */
export function phoneNumbersIn(text: string): string[] {
  return findPhoneNumbersInText(text.normalize("NFKC"), "JP").map((found) => found.number.number);
}
