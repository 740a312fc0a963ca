/**
 * Assembles the running product from its configuration: database (migrated), agency row,
 * demo seed on first start, the API's dependencies, the HTTP server. main.ts and the tests both
 * start the server through here, so the tests exercise the real wiring.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { InProcessEventBus, type ApiDeps } from "@uketsuke/api";
import { createDb, findUserByEmail, getAgency, insertAgency, migrateToLatest, type Db } from "@uketsuke/db";
import { createApp } from "./app.ts";
import type { AppDirs } from "./web/apps.ts";
import { DEFAULT_BACKOFF } from "./mail/backoff.ts";
import { captureDeliverer, smtpDeliverer } from "./mail/deliverer.ts";
import { OutboxWorker } from "./mail/outbox-worker.ts";
import { ReminderWorker } from "./mail/reminder-worker.ts";
import { scheduleMaintenance } from "./maintenance.ts";
import type { Env } from "./env.ts";
import { PostgresEventBus } from "./events/postgres-event-bus.ts";
import type { Logger } from "./logger.ts";
import { demoLogins as demoLoginsOf, seedDemo, type DemoLogin } from "./seed.ts";

export type Running = {
  url: string;
  deps: ApiDeps;
  db: Db;
  demoLogins: DemoLogin[] | null;
  firstStart: boolean;
  outbox: OutboxWorker;
  reminders: ReminderWorker;
  close(): Promise<void>;
};

function dataDirOf(databaseUrl: string): string {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return path.resolve("data");
  const file = databaseUrl.replace(/^file:/, "");
  return file === ":memory:" ? path.resolve("data") : path.dirname(path.resolve(file));
}

/** A secret that survives restarts without the user having to invent one. */
export function persistentSecret(databaseUrl: string, name: string, configured: string | undefined): string {
  if (configured) return configured;
  const dir = dataDirOf(databaseUrl);
  const file = path.join(dir, `.${name}`);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export type BootOptions = {
  clock?: () => Date;
  /** false: do not start the outbox and reminder workers (a test drives them by hand). */
  workers?: boolean;
  /** The built apps to serve (tests may point at their own build). */
  apps?: AppDirs;
};

export async function boot(env: Env, logger: Logger, options: BootOptions = {}): Promise<Running> {
  const db = createDb(env.DATABASE_URL);
  await migrateToLatest(db.db);
  let agency = await getAgency(db.db);
  let demoLogins: DemoLogin[] | null = null;
  const firstStart = !agency;
  if (!agency) {
    agency = await insertAgency(db.db, { name: env.AGENCY_NAME, mailDomain: env.AGENCY_DOMAIN });
    if (env.SEED_DEMO) demoLogins = await seedDemo(db.db, agency);
    logger.info({ agency: agency.name, seeded: demoLogins !== null }, "first start: agency created");
  } else if (await findUserByEmail(db.db, `kanri@${agency.mailDomain}`)) {
    demoLogins = demoLoginsOf(agency.mailDomain);
  }
  // One process on SQLite; on PostgreSQL the bus spans every instance sharing the database.
  const pgBus = db.dialect === "postgres" ? await PostgresEventBus.start(env.DATABASE_URL, db.db, logger) : null;
  const bus = pgBus ?? new InProcessEventBus();
  const deps: ApiDeps = {
    db: db.db,
    agency,
    bus,
    clock: options.clock ?? (() => new Date()),
    cookieSecret: persistentSecret(env.DATABASE_URL, "cookie-secret", env.COOKIE_SECRET),
    secureCookies: env.SECURE_COOKIES,
    sessionTtlHours: env.SESSION_TTL_HOURS,
    publicUrl: env.PUBLIC_URL?.replace(/\/+$/, ""),
  };
  const deliverer = env.SMTP_URL ? smtpDeliverer(env.SMTP_URL, { maxConnections: env.SMTP_MAX_CONNECTIONS }) : captureDeliverer();
  const outbox = new OutboxWorker({
    db: db.db,
    deliverer,
    clock: deps.clock,
    logger,
    pollMs: env.OUTBOX_POLL_MS,
    leaseMs: env.OUTBOX_LEASE_SECONDS * 1000,
    backoff: {
      ...DEFAULT_BACKOFF,
      baseMs: env.OUTBOX_RETRY_BASE_SECONDS * 1000,
      capMs: env.OUTBOX_RETRY_CAP_MINUTES * 60_000,
      giveUpAfterMs: env.OUTBOX_GIVE_UP_AFTER_HOURS * 3_600_000,
    },
  });
  const reminders = new ReminderWorker({
    db: db.db,
    clock: deps.clock,
    agencyDomain: agency.mailDomain,
    policy: { firstAfterMinutes: env.REMINDER_FIRST_AFTER_MINUTES, everyMinutes: env.REMINDER_INTERVAL_MINUTES },
    logger,
    intervalMs: env.REMINDER_CHECK_SECONDS * 1000,
    onQueued: () => outbox.kick(),
  });
  // A saved report has queued its mail in the same transaction: deliver it now, not at the next poll.
  deps.bus.subscribe(({ event }) => {
    if (event.type === "report.created") outbox.kick();
  });
  let stopMaintenance = () => {};
  if (options.workers !== false) {
    outbox.start();
    reminders.start();
    stopMaintenance = scheduleMaintenance(db.db, deps.clock, logger);
  }
  logger.info({ mail: deliverer.kind }, env.SMTP_URL ? "mail goes out over SMTP" : "no SMTP_URL: mail is captured in the database");

  const app = createApp({
    deps,
    logger,
    ...(options.apps ? { apps: options.apps } : {}),
    trustProxy: env.TRUST_PROXY,
    telephony: {
      webhookSecret: persistentSecret(env.DATABASE_URL, "telephony-secret", env.TELEPHONY_SECRET),
      twilioAuthToken: env.TWILIO_AUTH_TOKEN,
      publicUrl: env.PUBLIC_URL,
    },
  });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${port}`;
  logger.info({ url, database: db.dialect }, "listening");

  let closed = false;
  return {
    url,
    deps,
    db,
    demoLogins,
    firstStart,
    outbox,
    reminders,
    async close() {
      if (closed) return;
      closed = true;
      // Stop taking requests and let the ones in flight finish; finish the mail in flight;
      // then release the database.
      // Live (SSE) streams never end by themselves: after a grace period they are cut, and the
      // clients reconnect to another instance with their last event id.
      const http = server as Server;
      const closing = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeIdleConnections();
      const cut = setTimeout(() => http.closeAllConnections(), 3_000);
      await closing;
      clearTimeout(cut);
      stopMaintenance();
      await Promise.all([outbox.stop(), reminders.stop()]);
      await pgBus?.close();
      await db.close();
      logger.info("stopped");
    },
  };
}
