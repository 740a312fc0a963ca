import type { Agency, Executor, SessionWithUser } from "@uketsuke/db";
import { findValidSession, touchSession } from "@uketsuke/db";
import type { EventBus } from "./events/event-bus.ts";
import { readSessionToken, sessionIdOf } from "./auth/session-token.ts";

/** What the server hands the API once, at start. Packages take configuration as parameters. */
export type ApiDeps = {
  readonly db: Executor;
  readonly agency: Agency;
  readonly bus: EventBus;
  /** The one place the API learns the time, so tests can stand at any instant. */
  readonly clock: () => Date;
  readonly cookieSecret: string;
  readonly secureCookies: boolean;
  readonly sessionTtlHours: number;
  /** PUBLIC_URL: where links in mail (invitations) point; without it, the origin the request came to. */
  readonly publicUrl?: string | undefined;
};

export type Context = ApiDeps & {
  readonly session: SessionWithUser | null;
  readonly sessionId: string | null;
  /** Response headers, for Set-Cookie; null when called in-process (tests, scripts). */
  readonly resHeaders: Headers | null;
  readonly ip: string | null;
  /** The origin the request came to (scheme and Host, as the same-origin check saw them); null in-process. */
  readonly origin: string | null;
};

/** Sessions slide: activity pushes the expiry out again (at most once a minute, to spare writes). */
export async function createContext(
  deps: ApiDeps,
  request: { headers: Headers; resHeaders?: Headers | null; ip?: string | null; origin?: string | null },
): Promise<Context> {
  const token = readSessionToken(request.headers.get("cookie"));
  let session: SessionWithUser | null = null;
  let sessionId: string | null = null;
  if (token) {
    sessionId = sessionIdOf(token, deps.cookieSecret);
    const now = deps.clock();
    session = (await findValidSession(deps.db, sessionId, now.toISOString())) ?? null;
    if (session && Date.parse(session.session.lastSeenAt) < now.getTime() - 60_000) {
      const expiresAt = new Date(now.getTime() + deps.sessionTtlHours * 3_600_000).toISOString();
      await touchSession(deps.db, sessionId, now.toISOString(), expiresAt);
    }
  }
  return { ...deps, session, sessionId: session ? sessionId : null, resHeaders: request.resHeaders ?? null, ip: request.ip ?? null, origin: request.origin ?? null };
}
