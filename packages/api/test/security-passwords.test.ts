// Passwords are hashed with argon2id at OWASP's parameters; a hash from before (scrypt) still
// signs its user in, and is replaced by an argon2id hash at that sign-in; a wrong password
// changes nothing.
import { randomBytes, scryptSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext, hashPassword, verifyPassword } from "../src/index.ts";
import { needsRehash } from "../src/auth/password.ts";
import { createCaller, createHarness, expectRefusal, PASSWORD, type Harness } from "./harness.ts";

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.cleanup());

/** A hash exactly as the scrypt version of Uketsuke wrote it. */
function legacyScryptHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize("NFKC"), salt, 32, { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return `scrypt$32768$8$1$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

const storedHash = async (userId: string) =>
  (await h.db.selectFrom("users").select("passwordHash").where("id", "=", userId).executeTakeFirstOrThrow()).passwordHash;

const login = async (email: string, password: string) =>
  createCaller(await createContext(h.deps, { headers: new Headers(), resHeaders: new Headers(), ip: "192.0.2.10" })).auth.login({ email, password });

describe("password hashing", () => {
  it("is argon2id with m=19456 KiB, t=2, p=1, salted, and checks the password", async () => {
    const first = await hashPassword(PASSWORD);
    const second = await hashPassword(PASSWORD);
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword(PASSWORD, first)).toBe(true);
    expect(await verifyPassword(`${PASSWORD}x`, first)).toBe(false);
    expect(needsRehash(first)).toBe(false);
  });

  it("takes the same password typed in full-width characters", async () => {
    expect(await verifyPassword("ｃｏｒｒｅｃｔ-horse-battery", await hashPassword(PASSWORD))).toBe(true);
  });

  it("still reads scrypt hashes, and marks them and weaker argon2id hashes for replacing", async () => {
    const legacy = legacyScryptHash(PASSWORD);
    expect(await verifyPassword(PASSWORD, legacy)).toBe(true);
    expect(await verifyPassword("wrong-password", legacy)).toBe(false);
    expect(needsRehash(legacy)).toBe(true);
    expect(needsRehash("$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2g")).toBe(true);
    for (const damaged of ["", "scrypt$", "$argon2id$v=19$m=19456,t=2,p=1$", "plain"]) expect(await verifyPassword(PASSWORD, damaged)).toBe(false);
  });

  it("upgrades a scrypt hash to argon2id at the next successful sign-in, and not on a failed one", async () => {
    const user = h.a.member;
    const legacy = legacyScryptHash(PASSWORD);
    await h.db.updateTable("users").set({ passwordHash: legacy }).where("id", "=", user.id).execute();

    await expectRefusal(login(user.email, "wrong-password"), "UNAUTHORIZED", "LOGIN_FAILED");
    expect(await storedHash(user.id)).toBe(legacy);

    expect((await login(user.email, PASSWORD)).user.id).toBe(user.id);
    const upgraded = await storedHash(user.id);
    expect(upgraded).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(PASSWORD, upgraded)).toBe(true);
    // And the upgraded hash signs the user in again.
    expect((await login(user.email, PASSWORD)).user.id).toBe(user.id);
    expect(await storedHash(user.id)).toBe(upgraded);
  });
});
