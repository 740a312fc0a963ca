import type { TRPCRouterRecord } from "@trpc/server";
import { loginInputSchema, refuse } from "@uketsuke/domain";
import { deleteLoginAttempt, deleteSession, findUserByEmail, getContract, markLoginAttemptSucceeded, upgradePasswordHash } from "@uketsuke/db";
import { passwordHashing } from "../auth/hashing-gate.ts";
import { admitLoginAttempt, LOGIN_LIMITS } from "../auth/login-throttle.ts";
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from "../auth/password.ts";
import { clearedSessionCookie } from "../auth/session-token.ts";
import { startSession } from "../auth/start-session.ts";
import { authedProcedure, publicProcedure } from "../trpc.ts";

export const authRouter = {
  /**
   * The token goes out only in the HttpOnly cookie: a script in the page (or anything that logs
   * response bodies) never sees it. Non-browser clients keep the cookie like a browser does.
   */
  login: publicProcedure.input(loginInputSchema).mutation(async ({ ctx, input }) => {
    const now = ctx.clock();
    const admission = await admitLoginAttempt(ctx.db, { email: input.email, ip: ctx.ip, now });
    if (!admission.admitted) return refuse("LOGIN_THROTTLED", { minutes: LOGIN_LIMITS.windowMinutes });
    const user = await findUserByEmail(ctx.db, input.email);
    const stored = user?.passwordHash ?? DUMMY_HASH;
    let ok: boolean;
    try {
      ok = await passwordHashing.run(ctx.ip, () => verifyPassword(input.password, stored));
    } catch (error) {
      // Turned away before the check (the gate was full): no guess was tried, so none is counted.
      await deleteLoginAttempt(ctx.db, admission.attemptId);
      throw error;
    }
    if (!user || !ok || user.disabledAt) return refuse("LOGIN_FAILED");
    await markLoginAttemptSucceeded(ctx.db, admission.attemptId);
    if (needsRehash(stored)) {
      // An old scrypt hash (or weaker parameters) is replaced while the password is at hand; a
      // busy gate only postpones that to a later sign-in.
      const stronger = await passwordHashing.run(ctx.ip, () => hashPassword(input.password)).catch(() => null);
      if (stronger) await upgradePasswordHash(ctx.db, user.id, { checked: stored, stronger });
    }
    const expiresAt = await startSession(ctx, user.id, now);
    const { passwordHash: _hash, ...profile } = user;
    return { user: profile, expiresAt };
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
