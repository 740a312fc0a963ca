import type { TRPCRouterRecord } from "@trpc/server";
import { loginInputSchema } from "@uketsuke/domain";
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
import { publicUser } from "../dto.ts";
import { fail } from "../errors.ts";
import { authedProcedure, publicProcedure } from "../trpc.ts";

/** Five failures for one address within fifteen minutes lock that address for the rest of them. */
const THROTTLE = { failures: 5, windowMinutes: 15 } as const;

export const authRouter = {
  login: publicProcedure.input(loginInputSchema).mutation(async ({ ctx, input }) => {
    const now = ctx.clock();
    const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000).toISOString();
    if ((await countRecentFailures(ctx.db, input.email, since)) >= THROTTLE.failures) {
      return fail("LOGIN_THROTTLED", { minutes: THROTTLE.windowMinutes });
    }
    const user = await findUserByEmail(ctx.db, input.email);
    const ok = await verifyPassword(input.password, user?.password_hash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled_at) {
      await recordLoginAttempt(ctx.db, { email: input.email, ip: ctx.ip, success: false, at: now.toISOString() });
      return fail("LOGIN_FAILED");
    }
    await recordLoginAttempt(ctx.db, { email: input.email, ip: ctx.ip, success: true, at: now.toISOString() });
    const token = newSessionToken();
    const expiresAt = new Date(now.getTime() + ctx.sessionTtlHours * 3_600_000);
    await createSession(ctx.db, {
      id: sessionIdOf(token, ctx.cookieSecret),
      user_id: user.id,
      expires_at: expiresAt.toISOString(),
      now: now.toISOString(),
    });
    ctx.resHeaders?.append(
      "Set-Cookie",
      sessionCookie(token, { maxAgeSeconds: ctx.sessionTtlHours * 3600, secure: ctx.secureCookies }),
    );
    // The token also comes back in the body for clients that are not browsers (scripts, tests).
    return { user: publicUser(user), token, expiresAt: expiresAt.toISOString() };
  }),

  logout: authedProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionId) await deleteSession(ctx.db, ctx.sessionId);
    ctx.resHeaders?.append("Set-Cookie", clearedSessionCookie(ctx.secureCookies));
    return { ok: true as const };
  }),

  me: authedProcedure.query(async ({ ctx }) => {
    const contract = ctx.user.contract_id ? await getContract(ctx.db, ctx.user.contract_id) : undefined;
    return {
      user: publicUser(ctx.user),
      contract: contract ? { id: contract.id, answerName: contract.answer_name, legalEntityName: contract.legal_entity_name } : null,
      agency: { name: ctx.agency.name, mailDomain: ctx.agency.mail_domain },
    };
  }),
} satisfies TRPCRouterRecord;
