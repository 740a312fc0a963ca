import { createHmac, randomBytes } from "node:crypto";
import { parseCookie, stringifySetCookie } from "cookie";

export const SESSION_COOKIE = "uketsuke_session";

export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * The database keeps only an HMAC of the token under the server's cookie secret: a copy of the
 * sessions table opens no session without the secret too.
 */
export function sessionIdOf(token: string, secret: string): string {
  return createHmac("sha256", secret).update(token).digest("hex");
}

export function readSessionToken(cookieHeader: string | null | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  return parseCookie(cookieHeader)[SESSION_COOKIE] || undefined;
}

export function sessionCookie(token: string, options: { maxAgeSeconds: number; secure: boolean }): string {
  return stringifySetCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: options.secure,
    maxAge: options.maxAgeSeconds,
  });
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie("", { maxAgeSeconds: 0, secure });
}
