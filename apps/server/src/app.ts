/**
 * The one Hono process: tRPC under /trpc, health at /healthz (and, in later parts, the telephony
 * webhooks under /telephony and the two built apps).
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { DomainError } from "@uketsuke/domain";
import { trpcServer } from "@hono/trpc-server";
import { TRPCError } from "@trpc/server";
import { appRouter, createContext, type ApiDeps, type Meta } from "@uketsuke/api";
import { undeliveredMail } from "@uketsuke/db";
import type { Logger } from "./logger.ts";
import { cameOverHttps, clientAddress, sameOriginJson, securityHeaders, trpcRefusal } from "./security.ts";
import { telephonyRoutes, type TelephonyOptions } from "./telephony/routes.ts";
import { appRoutes, defaultAppDirs, type AppDirs } from "./web/apps.ts";
import { reportsCsvRoutes } from "./web/reports-csv.ts";

export type AppOptions = {
  deps: ApiDeps;
  logger: Logger;
  telephony: Omit<TelephonyOptions, "deps" | "logger">;
  /** The built apps; defaults to each app's dist folder in this workspace. */
  apps?: AppDirs;
  /** How many reverse proxies stand in front (TRUST_PROXY): only then are X-Forwarded-* believed. */
  trustProxy?: number;
};

/** The apps batch their queries; more than this in one request is not an app. */
const MAX_BATCH = 20;

export function createApp({ deps, logger, telephony, apps = defaultAppDirs, trustProxy = 0 }: AppOptions) {
  const app = new Hono();

  app.use("*", securityHeaders());

  if (logger.isLevelEnabled("debug")) {
    app.use("*", async (c, next) => {
      const started = performance.now();
      await next();
      logger.debug({ method: c.req.method, path: c.req.path, status: c.res.status, ms: +(performance.now() - started).toFixed(1) }, "request");
    });
  }

  app.get("/healthz", async (c) => {
    try {
      // The database answers, and how long the oldest undelivered mail has waited: a monitor
      // alerting on that age notices an SMTP server refusing for hours long before a client does.
      const mail = await undeliveredMail(deps.db);
      const oldestAgeSeconds = mail.oldestCreatedAt === null ? null : Math.max(0, Math.floor((deps.clock().getTime() - Date.parse(mail.oldestCreatedAt)) / 1000));
      return c.json({ ok: true, agency: deps.agency.name, mail: { undelivered: mail.undelivered, failed: mail.failed, oldestUndeliveredAgeSeconds: oldestAgeSeconds } });
    } catch (error) {
      logger.error({ err: error }, "health check failed");
      return c.json({ ok: false }, 503);
    }
  });

  app.use("/trpc/*", async (c, next) => {
    await next();
    // Answers carry reports and sessions: no cache, shared or private, keeps a copy.
    c.header("Cache-Control", "no-store");
  });
  app.use("/trpc/*", sameOriginJson({ trustProxy, publicUrl: telephony.publicUrl }));
  // Nothing an app sends comes near this; a larger body is refused before it is read whole.
  app.use(
    "/trpc/*",
    bodyLimit({
      maxSize: 256 * 1024,
      // The rest of the body is never read, so this connection cannot carry another request.
      onError: (c) => trpcRefusal(c, 413, "PAYLOAD_TOO_LARGE", "BODY_TOO_LARGE", { max: "256 KiB" }, { connection: "close" }),
    }),
  );
  app.use(
    "/trpc/*",
    trpcServer({
      router: appRouter,
      endpoint: "/trpc",
      maxBatchSize: MAX_BATCH,
      createContext: (opts, c) => {
        // A batch would let one request try many passwords past any per-request limit: a public
        // procedure (sign-in) goes on its own or as a batch of one, as the apps' batch link sends it.
        if (opts.info.calls.length > 1 && opts.info.calls.some((call) => (call.procedure?._def.meta as Meta | undefined)?.access === "public")) {
          throw new TRPCError({ code: "BAD_REQUEST", cause: new DomainError("BATCH_NOT_ALLOWED") });
        }
        const https = cameOverHttps(c, trustProxy);
        return createContext(
          { ...deps, secureCookies: deps.secureCookies || https },
          // The origin the request came to: where an invitation link points when PUBLIC_URL is unset.
          { headers: c.req.raw.headers, resHeaders: opts.resHeaders, ip: clientAddress(c, trustProxy), origin: `${https ? "https" : "http"}://${c.req.header("host") ?? "localhost"}` },
        );
      },
      onError: ({ error, path }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error.cause ?? error, path }, "procedure failed");
      },
    }),
  );

  app.route("/telephony", telephonyRoutes({ deps, logger, ...telephony }));
  app.route("/", reportsCsvRoutes(deps));
  app.route("/", appRoutes(apps));

  app.onError((error, c) => {
    logger.error({ err: error }, "unhandled");
    return c.json({ ok: false, error: { code: "INTERNAL" } }, 500);
  });

  return app;
}
