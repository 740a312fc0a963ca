import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { authRouter } from "./router/auth.ts";
import { callbacksRouter } from "./router/client/callbacks.ts";
import { contractRouter } from "./router/client/contract.ts";
import { figuresRouter } from "./router/client/figures.ts";
import { wrongNumbersRouter } from "./router/client/wrong-numbers.ts";
import { reportsRouter } from "./router/client/reports.ts";
import { rosterRouter } from "./router/client/roster.ts";
import { clientUsersRouter } from "./router/client/users.ts";
import { callsRouter } from "./router/operator/calls.ts";
import { adminContractsRouter } from "./router/admin/contracts.ts";
import { adminFiguresRouter } from "./router/admin/figures.ts";
import { adminMailRouter } from "./router/admin/mail.ts";
import { adminOversightRouter } from "./router/admin/oversight.ts";
import { adminClientUsersRouter, adminStaffRouter } from "./router/admin/users.ts";
import { invitationsRouter } from "./router/invitations.ts";
import { liveRouter } from "./router/live.ts";
import { createTRPCRouter } from "./trpc.ts";

/**
 * The whole API. Client procedures (dashboard) at the top level, the operator's under `calls`,
 * the supervisor's under `admin`.
 */
export const appRouter = createTRPCRouter({
  auth: authRouter,
  invitations: invitationsRouter,
  contract: contractRouter,
  roster: rosterRouter,
  wrongNumbers: wrongNumbersRouter,
  reports: reportsRouter,
  callbacks: callbacksRouter,
  figures: figuresRouter,
  users: clientUsersRouter,
  calls: callsRouter,
  live: liveRouter,
  admin: createTRPCRouter({
    contracts: adminContractsRouter,
    clientUsers: adminClientUsersRouter,
    staff: adminStaffRouter,
    mail: adminMailRouter,
    oversight: adminOversightRouter,
    figures: adminFiguresRouter,
  }),
});

export type AppRouter = typeof appRouter;

/** What each procedure takes and gives, by path (`RouterOutputs["roster"]["list"]`): the apps type their props from these. */
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
