/**
 * The one Hono process: tRPC under /trpc, health at /healthz (and, in later parts, the telephony
 * webhooks under /telephony and the two built apps).
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { message } from "@uketsuke/domain";
import { trpcServer } from "@hono/trpc-server";
import { appRouter, createContext, type ApiDeps } from "@uketsuke/api";
import { sql } from "kysely";
import type { Logger } from "./logger.ts";
import { telephonyRoutes, type TelephonyOptions } from "./telephony/routes.ts";
import { appRoutes, defaultAppDirs, type AppDirs } from "./web/apps.ts";

export type AppOptions = {
  deps: ApiDeps;
  logger: Logger;
  telephony: Omit<TelephonyOptions, "deps" | "logger">;
  /** The built apps; defaults to each app's dist folder in this workspace. */
  apps?: AppDirs;
};

export function createApp({ deps, logger, telephony, apps = defaultAppDirs }: AppOptions) {
  const app = new Hono();

  if (logger.isLevelEnabled("debug")) {
    app.use("*", async (c, next) => {
      const started = performance.now();
      await next();
      logger.debug({ method: c.req.method, path: c.req.path, status: c.res.status, ms: +(performance.now() - started).toFixed(1) }, "request");
    });
  }

  app.get("/healthz", async (c) => {
    try {
      await sql`select 1`.execute(deps.db);
      return c.json({ ok: true, agency: deps.agency.name });
    } catch (error) {
      logger.error({ err: error }, "health check failed");
      return c.json({ ok: false }, 503);
    }
  });

  // Nothing an app sends comes near this; a larger body is refused before it is read whole.
  app.use(
    "/trpc/*",
    bodyLimit({
      maxSize: 256 * 1024,
      // The rest of the body is never read, so this connection cannot carry another request.
      onError: (c) => c.json({ error: { message: message("FIELD_TOO_LONG", { max: "256 KiB" }).en, data: { appCode: "FIELD_TOO_LONG", text: message("FIELD_TOO_LONG", { max: "256 KiB" }), fields: [] } } }, 413, { connection: "close" }),
    }),
  );
  app.use(
    "/trpc/*",
    trpcServer({
      router: appRouter,
      endpoint: "/trpc",
      createContext: (opts, c) =>
        createContext(deps, {
          headers: c.req.raw.headers,
          resHeaders: opts.resHeaders,
          ip: c.req.header("x-forwarded-for")?.split(",")[0]?.trim() ?? null,
        }),
      onError: ({ error, path }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error.cause ?? error, path }, "procedure failed");
      },
    }),
  );

  app.route("/telephony", telephonyRoutes({ deps, logger, ...telephony }));
  app.route("/", appRoutes(apps));

  app.onError((error, c) => {
    logger.error({ err: error }, "unhandled");
    return c.json({ ok: false, error: { code: "INTERNAL" } }, 500);
  });

  return app;
}
