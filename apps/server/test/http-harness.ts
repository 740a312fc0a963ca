// The real server for the HTTP tests: boot() on port 0 with a temp SQLite file, the demo seed,
// a silent logger and a fixed clock inside business hours; clients that keep the session cookie
// the way a browser does; and raw requests for what a tRPC client would never send.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTRPCClient, httpLink, type TRPCClient } from "@trpc/client";
import { SESSION_COOKIE, type AppRouter } from "@uketsuke/api";
import { sql } from "kysely";
import { boot, type Running } from "../src/boot.ts";
import { envSchema, type Env } from "../src/env.ts";
import { createLogger } from "../src/logger.ts";

import { DEMO_PASSWORD, IN_HOURS } from "./support/uketsuke.ts";

export { DEMO_PASSWORD, IN_HOURS, LOGINS as DEMO } from "./support/uketsuke.ts";

export type TestServer = {
  running: Running;
  url: string;
  env: Env;
  /** Stops the server and boots it again on the same database file. */
  restart(): Promise<void>;
  counts(): Promise<Record<string, number>>;
  close(): Promise<void>;
};

export async function startServer(): Promise<TestServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "uketsuke-http-"));
  const env = envSchema.parse({ PORT: "0", DATABASE_URL: path.join(dir, "uketsuke.sqlite"), SEED_DEMO: "true", LOG_LEVEL: "silent" });
  const logger = createLogger("silent");
  const clock = () => new Date(IN_HOURS);
  const server: TestServer = {
    running: await boot(env, logger, { clock }),
    get url() {
      return this.running.url;
    },
    env,
    async restart() {
      await this.running.close();
      this.running = await boot(env, logger, { clock });
    },
    async counts() {
      const db = this.running.db.db;
      const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db);
      const counts: Record<string, number> = {};
      for (const { name } of rows) {
        const result = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(db);
        counts[name] = Number(result.rows[0]?.n ?? 0);
      }
      return counts;
    },
    async close() {
      try {
        await this.running.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  return server;
}

/** A browser-like cookie jar: keeps the session cookie the server sets, sends it back. */
export class CookieJar {
  cookie = "";
  readonly fetch = async (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    if (this.cookie) headers.set("cookie", this.cookie);
    const response = await fetch(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const [name, value] = pair.split("=");
      if (name?.trim() !== SESSION_COOKIE) continue;
      this.cookie = value ? pair.trim() : "";
    }
    return response;
  };
}

export type Client = TRPCClient<AppRouter>;

/** A typed tRPC client whose requests carry the jar's cookie. */
export function client(url: string, jar = new CookieJar()): { trpc: Client; jar: CookieJar } {
  const trpc = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${url}/trpc`, fetch: jar.fetch })] });
  return { trpc, jar };
}

/** Signs in through the tRPC client, the way the apps do. */
export async function signIn(url: string, email: string, password = DEMO_PASSWORD) {
  const signed = client(url);
  const result = await signed.trpc.auth.login.mutate({ email, password });
  return { ...signed, user: result.user };
}

export type Raw = { status: number; headers: Headers; text: string; json: unknown };

/** One procedure over plain HTTP: a query as GET ?input=, a mutation as POST with a JSON body. */
export async function rawCall(url: string, procedure: string, type: "query" | "mutation", input: unknown, cookie = ""): Promise<Raw> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  let response: Response;
  if (type === "query") {
    const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    response = await fetch(`${url}/trpc/${procedure}${query}`, { headers });
  } else {
    response = await fetch(`${url}/trpc/${procedure}`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      ...(input === undefined ? {} : { body: JSON.stringify(input) }),
    });
  }
  return readRaw(response);
}

export async function readRaw(response: Response): Promise<Raw> {
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** The `error` of a tRPC error response (non-batched). */
export type ErrorBody = {
  error: {
    message: string;
    code: number;
    /** The wire's error data: the catalogue code (tRPC's own code word is the top-level number). */
    data: {
      code: string;
      httpStatus: number;
      path?: string;
      rule: string | null;
      text: { ja: string; en: string };
      fields: Array<{ path: string; code: string; text: { ja: string; en: string } }>;
    };
  };
};
