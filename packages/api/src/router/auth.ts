import type { TRPCRouterRecord } from "@trpc/server";
import { loginInputSchema, refuse } from "@uketsuke/domain";
import {
  countRecentFailures,
  createSession,
  deleteSession,
  findUserByEmail,
  getContract,
  recordLoginAttempt,
} from "@uketsuke/db";
import { DUMMY_HASH, verifyPassword } from "../auth/password.ts";
import { clearedSessionCookie, newSessionToken, sessionCookie, sessionIdOf } from "../auth/session-token.ts";
import { authedProcedure, publicProcedure } from "../trpc.ts";

/** Five failures for one address within fifteen minutes lock that address for the rest of them. */
const THROTTLE = { failures: 5, windowMinutes: 15 } as const;

export const authRouter = {
  login: publicProcedure.input(loginInputSchema).mutation(async ({ ctx, input }) => {
    const now = ctx.clock();
    const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000).toISOString();
    if ((await countRecentFailures(ctx.db, input.email, since)) >= THROTTLE.failures) {
      return refuse("LOGIN_THROTTLED", { minutes: THROTTLE.windowMinutes });
    }
    const user = await findUserByEmail(ctx.db, input.email);
    const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.disabledAt) {
      await recordLoginAttempt(ctx.db, { email: input.email, ip: ctx.ip, success: false, at: now.toISOString() });
      return refuse("LOGIN_FAILED");
    }
    await recordLoginAttempt(ctx.db, { email: input.email, ip: ctx.ip, success: true, at: now.toISOString() });
    const token = newSessionToken();
    const expiresAt = new Date(now.getTime() + ctx.sessionTtlHours * 3_600_000);
    await createSession(ctx.db, {
      id: sessionIdOf(token, ctx.cookieSecret),
      userId: user.id,
      expiresAt: expiresAt.toISOString(),
      now: now.toISOString(),
    });
    ctx.resHeaders?.append(
      "Set-Cookie",
      sessionCookie(token, { maxAgeSeconds: ctx.sessionTtlHours * 3600, secure: ctx.secureCookies }),
    );
    const { passwordHash: _hash, ...profile } = user;
    // The token also comes back in the body for clients that are not browsers (scripts, tests).
    return { user: profile, token, expiresAt: expiresAt.toISOString() };
  }),

  logout: authedProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionId) await deleteSession(ctx.db, ctx.sessionId);
    ctx.resHeaders?.append("Set-Cookie", clearedSessionCookie(ctx.secureCookies));
    return { ok: true as const };
  }),

  me: authedProcedure.query(async ({ ctx }) => {
    const contract = ctx.user.contractId ? await getContract(ctx.db, ctx.user.contractId) : undefined;
    return {
      user: ctx.user,
      contract: contract ? { id: contract.id, answerName: contract.answerName, legalEntityName: contract.legalEntityName } : null,
      agency: { name: ctx.agency.name, mailDomain: ctx.agency.mailDomain },
    };
  }),
} satisfies TRPCRouterRecord;
