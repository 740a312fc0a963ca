/**
 * tRPC init and the procedure builders. Authorisation lives here, never inside resolvers:
 * a procedure is public, client, operator or supervisor by the builder it starts from, and the
 * builder records that in `meta.access` so a test can walk the router and prove every procedure
 * has a guard.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import { isDomainError } from "@uketsuke/domain";
import type { User } from "@uketsuke/db";
import type { Context } from "./context.ts";
import { appErrorData, fail, toTRPCError } from "./errors.ts";

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
      // Never leak a stack or a driver's message: the code and the ja/en text say it all.
      const data = appErrorData(error);
      return {
        ...shape,
        message: data.text.en,
        data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, ...data },
      };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const mergeRouters = t.mergeRouters;

/** Every DomainError thrown below a procedure becomes a tRPC error with its code and text. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isDomainError(result.error.cause)) {
    const mapped = toTRPCError(result.error.cause);
    return { ...result, error: mapped };
  }
  return result;
});

const base = t.procedure.use(domainErrors);

export const publicProcedure = base.meta({ access: "public" });

function requireUser(ctx: Context): User {
  if (!ctx.session) return fail("UNAUTHENTICATED");
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
  if (user.role !== "client" || !user.contract_id) return fail("FORBIDDEN");
  return next({ ctx: { user, contractId: user.contract_id } });
});

/** The contract's owner manages who else of the client may sign in. */
export const clientOwnerProcedure = base.meta({ access: "client_owner" }).use(({ ctx, next }) => {
  const user = requireUser(ctx);
  if (user.role !== "client" || !user.contract_id || user.client_role !== "owner") return fail("FORBIDDEN");
  return next({ ctx: { user, contractId: user.contract_id } });
});

/** Operators take calls; supervisors can too. */
export const operatorProcedure = base.meta({ access: "operator" }).use(({ ctx, next }) => {
  const user = requireUser(ctx);
  if (user.role !== "operator" && user.role !== "supervisor") return fail("FORBIDDEN");
  if (!user.mailbox) return fail("FORBIDDEN");
  return next({ ctx: { user, mailbox: user.mailbox } });
});

export const supervisorProcedure = base.meta({ access: "supervisor" }).use(({ ctx, next }) => {
  const user = requireUser(ctx);
  if (user.role !== "supervisor") return fail("FORBIDDEN");
  return next({ ctx: { user } });
});

export { TRPCError };
