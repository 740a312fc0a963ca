/**
 * Assembles the running product from its configuration: database (migrated), agency row,
 * demo seed on first start, the API's dependencies, the HTTP server. main.ts and the tests both
 * start the server through here, so the tests exercise the real wiring.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { InProcessEventBus, type ApiDeps } from "@uketsuke/api";
import { createDb, findUserByEmail, getAgency, insertAgency, migrateToLatest, type Db } from "@uketsuke/db";
import { createApp } from "./app.ts";
import type { Env } from "./env.ts";
import type { Logger } from "./logger.ts";
import { demoLogins as demoLoginsOf, seedDemo, type DemoLogin } from "./seed.ts";

export type Running = {
  url: string;
  deps: ApiDeps;
  db: Db;
  demoLogins: DemoLogin[] | null;
  firstStart: boolean;
  close(): Promise<void>;
};

function dataDirOf(databaseUrl: string): string {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return path.resolve("data");
  const file = databaseUrl.replace(/^file:/, "");
  return file === ":memory:" ? path.resolve("data") : path.dirname(path.resolve(file));
}

/** A cookie secret that survives restarts without the user having to invent one. */
function cookieSecret(env: Env): string {
  if (env.COOKIE_SECRET) return env.COOKIE_SECRET;
  const dir = dataDirOf(env.DATABASE_URL);
  const file = path.join(dir, ".cookie-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export async function boot(env: Env, logger: Logger, options: { clock?: () => Date } = {}): Promise<Running> {
  const db = createDb(env.DATABASE_URL);
  await migrateToLatest(db.db);
  let agency = await getAgency(db.db);
  let demoLogins: DemoLogin[] | null = null;
  const firstStart = !agency;
  if (!agency) {
    agency = await insertAgency(db.db, { name: env.AGENCY_NAME, mail_domain: env.AGENCY_DOMAIN });
    if (env.SEED_DEMO) demoLogins = await seedDemo(db.db, agency);
    logger.info({ agency: agency.name, seeded: demoLogins !== null }, "first start: agency created");
  } else if (await findUserByEmail(db.db, `kanri@${agency.mail_domain}`)) {
    demoLogins = demoLoginsOf(agency.mail_domain);
  }
  const deps: ApiDeps = {
    db: db.db,
    agency,
    bus: new InProcessEventBus(),
    clock: options.clock ?? (() => new Date()),
    cookieSecret: cookieSecret(env),
    secureCookies: env.SECURE_COOKIES,
    sessionTtlHours: env.SESSION_TTL_HOURS,
  };
  const app = createApp({ deps, logger });
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
    async close() {
      if (closed) return;
      closed = true;
      // Stop taking requests, let the ones in flight finish, then release the database.
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
      logger.info("stopped");
    },
  };
}
