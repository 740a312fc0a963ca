import * as z from "zod";
import { whenMissing } from "../messages/validate.ts";
import { validPhoneNumber } from "../normalise/phone-number.ts";
import { isKana, toKatakana } from "wanakana";
import { LOCALES } from "../vocabulary.ts";

/**
 * Building blocks for every input schema. A failure with a meaning of its own is named with a
 * catalogue code; zod's built-in checks (lengths, choices, formats) are turned into catalogue
 * codes by messages/validate.ts, so the person reads the reason in their language either way.
 */
export const idSchema = z.string(whenMissing("FIELD_REQUIRED")).uuid({ error: "FIELD_ID_INVALID" });

/** Required text, trimmed, with a length limit. */
export function requiredText(max: number) {
  return z.string(whenMissing("FIELD_REQUIRED")).trim().min(1, { error: "FIELD_REQUIRED" }).max(max);
}

/**
 * Characters a person cannot see, or that change what others see: controls (NUL, escape, line
 * breaks), format characters (bidi embeddings, overrides and isolates U+202A–202E and
 * U+2066–2069, marks, zero-width spaces and joiners, BOM, soft hyphen, tags) and line separators.
 */
const UNSEEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
/** Text that shows nothing: blanks, combining marks alone, and the fillers that render empty. */
const BLANK_LOOKING = /^[\s\p{M}\u115F\u1160\u3164\uFFA0\u2800]+$/u;

/**
 * Whether a name can be read aloud as it looks. An operator answers with the answer name and reads
 * roster and wrong-number names off the screen: a name whose letters are reordered by an override,
 * or that shows nothing at all, would have the operator say something other than what was meant.
 */
export function isReadableName(text: string): boolean {
  return !UNSEEN.test(text) && !BLANK_LOOKING.test(text);
}

/** A name someone reads aloud (answer name, legal entity, roster member, wrong-number company). */
export function spokenName(max: number) {
  return requiredText(max).refine(isReadableName, { error: "FIELD_NAME_CHARACTERS" });
}

/** Optional text: blank means absent. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .optional()
    .nullable()
    .transform((v) => (v ? v : undefined));
}

export const emailSchema = z
  .string(whenMissing("FIELD_REQUIRED"))
  .trim()
  .toLowerCase()
  .min(1, { error: "FIELD_REQUIRED" })
  .max(254)
  .pipe(z.email({ error: "FIELD_EMAIL_INVALID" }));

export const domainNameSchema = z
  .string(whenMissing("FIELD_REQUIRED"))
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, { error: "FIELD_DOMAIN_INVALID" });

/** R2: the part before @ in an operator's sender address. */
export const mailboxSchema = z
  .string({ error: "R2_MAILBOX_INVALID" })
  .regex(/^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$/, { error: "R2_MAILBOX_INVALID" })
  .refine((v) => !v.includes(".."), { error: "R2_MAILBOX_INVALID" });

/** A phone number in any common Japanese writing, stored as E.164. */
export const phoneSchema = z
  .string(whenMissing("FIELD_REQUIRED"))
  .trim()
  .min(1, { error: "FIELD_REQUIRED" })
  .max(40)
  .transform((value, ctx) => {
    const e164 = validPhoneNumber(value);
    if (e164) return e164;
    ctx.issues.push({ code: "custom", message: "FIELD_PHONE_INVALID", input: value });
    return z.NEVER;
  });

/**
 * Optional phone number: blank means absent. Not a union with phoneSchema: a union that fails
 * reports zod's bare "invalid input", and the person would not learn that the number is wrong.
 */
export const optionalPhoneSchema = z
  .string(whenMissing("FIELD_PHONE_INVALID"))
  .trim()
  .max(40)
  .optional()
  .nullable()
  .transform((value, ctx) => {
    if (!value) return undefined;
    const e164 = validPhoneNumber(value);
    if (e164) return e164;
    ctx.issues.push({ code: "custom", message: "FIELD_PHONE_INVALID", input: value });
    return z.NEVER;
  });

/** A reading in kana; stored in katakana so hiragana and katakana input compare equal. */
export const optionalKanaSchema = z
  .string()
  .trim()
  .max(100)
  // Checked first and alone: "not kana" would hide that an invisible character is the problem.
  .refine((v) => v === "" || isReadableName(v), { error: "FIELD_NAME_CHARACTERS", abort: true })
  .refine((v) => v === "" || isKana(v.normalize("NFKC").replace(/[\s・ー]/g, "")), { error: "FIELD_KANA_INVALID" })
  .optional()
  .nullable()
  .transform((v) => (v ? toKatakana(v.normalize("NFKC")) : undefined));

export const localeSchema = z.enum(LOCALES);

/** An instant with its offset. Missing is FIELD_REQUIRED; malformed is FIELD_DATETIME_INVALID. */
export const isoInstantSchema = z.iso.datetime({ offset: true, ...whenMissing("FIELD_REQUIRED") });
