import { scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

/**
 * argon2id with OWASP's first recommended setting (19 MiB, two passes, one lane); the library's
 * default algorithm is argon2id. The binary comes inside the npm package: nothing to compile.
 * The parameters travel inside the hash, so raising them later upgrades hashes one login at a time.
 */
const ARGON2ID = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const CURRENT_PREFIX = `$argon2id$v=19$m=${ARGON2ID.memoryCost},t=${ARGON2ID.timeCost},p=${ARGON2ID.parallelism}$`;

/** The same password typed with full-width or half-width characters is the same password. */
const normalised = (password: string) => password.normalize("NFKC");

export function hashPassword(password: string): Promise<string> {
  return hash(normalised(password), ARGON2ID);
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith("$argon2")) {
    try {
      return await verify(stored, normalised(password));
    } catch {
      return false; // a damaged hash opens nothing
    }
  }
  if (stored.startsWith("scrypt$")) return verifyScrypt(password, stored);
  return false;
}

/** A hash made before argon2id, or with weaker parameters: replace it at the next good login. */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith(CURRENT_PREFIX);
}

/** Verified against when the email is unknown, so a miss costs as long as a wrong password. */
export const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$zZIzK8N5p8+mVkrlpEsDfw$9lUS2XsaTAmoN42JyRV/NYdx6xKt7YEh8+twJpi/6p8";

// ── Hashes from before argon2id: scrypt (N=2^15, r=8, p=1) from Node's crypto ──────────────

const SCRYPT_MAXMEM = 64 * 1024 * 1024;

function verifyScrypt(password: string, stored: string): Promise<boolean> {
  const [, n, r, p, saltText, keyText] = stored.split("$");
  if (!saltText || !keyText) return Promise.resolve(false);
  const expected = Buffer.from(keyText, "base64url");
  const options: ScryptOptions = { N: Number(n), r: Number(r), p: Number(p), maxmem: SCRYPT_MAXMEM };
  return new Promise((resolve) =>
    scrypt(normalised(password), Buffer.from(saltText, "base64url"), expected.length, options, (err, key) =>
      resolve(!err && key.length === expected.length && timingSafeEqual(key, expected)),
    ),
  );
}
