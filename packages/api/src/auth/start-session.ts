import { createSession } from "@uketsuke/db";
import type { Context } from "../context.ts";
import { newSessionToken, sessionCookie, sessionIdOf } from "./session-token.ts";

/**
 * Signs a user in (after a good password, or an accepted invitation): a new session whose token
 * goes out only in the HttpOnly cookie. Returns when it expires, as an ISO string.
 */
export async function startSession(ctx: Context, userId: string, now: Date): Promise<string> {
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + ctx.sessionTtlHours * 3_600_000).toISOString();
  await createSession(ctx.db, { id: sessionIdOf(token, ctx.cookieSecret), userId, expiresAt, now: now.toISOString() });
  ctx.resHeaders?.append("Set-Cookie", sessionCookie(token, { maxAgeSeconds: ctx.sessionTtlHours * 3600, secure: ctx.secureCookies }));
  return expiresAt;
}
