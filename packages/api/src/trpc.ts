/**
 * tRPC init and the procedure builders. Authorisation lives here, never inside resolvers:
 * a procedure is public, client, operator or supervisor by the builder it starts from, and the
 * builder records that in `meta.access` so a test can walk the router and prove every procedure
 * has a guard.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import { isDomainError, refuse } from "@uketsuke/domain";
import { conflictOf, type UserProfile } from "@uketsuke/db";
import type { Context } from "./context.ts";
import { errorBody, toTRPCError, type AppErrorData } from "./errors.ts";

export type Access = "public" | "authed" | "client" | "client_owner" | "operator" | "supervisor";
export type Meta = { access: Access };

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    // Live views ride on SSE: a ping keeps proxies from closing an idle stream, and the client
    // reconnects (with its last event id) if the pings stop.
    sse: { ping: { enabled: true, intervalMs: 10_000 }, client: { reconnectAfterInactivityMs: 25_000 } },
    errorFormatter({ shape, error }) {
      // Never leak a stack or a driver's message: the catalogue code and the ja/en text say it
      // all. tRPC's own code word stays in the top-level `code` number.
      const body = errorBody(error);
      const data: AppErrorData = {
        ...body,
        httpStatus: shape.data.httpStatus,
        ...(shape.data.path !== undefined ? { path: shape.data.path } : {}),
      };
      return { ...shape, message: body.text.en, data };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Every DomainError thrown below a procedure becomes a tRPC error with its code and text, and so
 * does a UNIQUE constraint that decided a race (its catalogue code, a 409, never a 500).
 */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    const refusal = isDomainError(cause) ? cause : conflictOf(cause);
    if (refusal) return { ...result, error: toTRPCError(refusal) };
  }
  return result;
});

const base = t.procedure.use(domainErrors);

export const publicProcedure = base.meta({ access: "public" });

function requireUser(ctx: Context): UserProfile {
  if (!ctx.session) return refuse("UNAUTHENTICATED");
  return ctx.session.user;
}

export const authedProcedure = base.meta({ access: "authed" }).use(({ ctx, next }) => {
  const user = requireUser(ctx);
  return next({ ctx: { user } });
});

/**
 * A client user's contract comes from the session, never from input: every client procedure
 * reads `ctx.contractId`, and query functions take it as their first scope argument.
 */
export const clientProcedure = base.meta({ access: "client" }).use(({ ctx, next }) => {
  const user = requireUser(ctx);
  if (user.role !== "client" || !user.contractId) return refuse("FORBIDDEN");
  return next({ ctx: { user, contractId: user.contractId } });
});

/** The contract's owner manages who else of the client may sign in. */
export const clientOwnerProcedure = base.meta({ access: "client_owner" }).use(({ ctx, next }) => {
  const user = requireUser(ctx);
  if (user.role !== "client" || !user.contractId || user.clientRole !== "owner") return refuse("FORBIDDEN");
  return next({ ctx: { user, contractId: user.contractId } });
});

/** Operators take calls; supervisors can too. */
export const operatorProcedure = base.meta({ access: "operator" }).use(({ ctx, next }) => {
  const user = requireUser(ctx);
  if (user.role !== "operator" && user.role !== "supervisor") return refuse("FORBIDDEN");
  if (!user.mailbox) return refuse("FORBIDDEN");
  return next({ ctx: { user, mailbox: user.mailbox } });
});

export const supervisorProcedure = base.meta({ access: "supervisor" }).use(({ ctx, next }) => {
  const user = requireUser(ctx);
  if (user.role !== "supervisor") return refuse("FORBIDDEN");
  return next({ ctx: { user } });
});

export { TRPCError };
