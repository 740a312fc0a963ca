/**
 * The two built single-page apps, served by the one server process so the browser talks to one
 * origin (no CORS): the client dashboard at `/`, the operator console at `/console/`.
 *
 * Vite names every asset by its content hash, so `assets/*` may be cached for a year; `index.html`
 * names the current hashes and must be revalidated on every visit (`no-cache`), or a deploy
 * would leave browsers on the old build. Any other path without a file behind it is a route of
 * the app (history API), answered with its `index.html`.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono, type Context } from "hono";
import { compress } from "hono/compress";

export type AppDirs = {
  /** The dashboard's `dist/` (Vite build output); null or missing: a plain page says so. */
  dashboard: string | null;
  console: string | null;
};

const here = path.dirname(fileURLToPath(import.meta.url));

/** Where `pnpm build` leaves the apps in this workspace. */
export const defaultAppDirs: AppDirs = {
  dashboard: path.resolve(here, "../../../dashboard/dist"),
  console: path.resolve(here, "../../../console/dist"),
};

const IMMUTABLE = "public, max-age=31536000, immutable";

/** The server's own paths: a miss there is a 404 of the API, never an app's page. */
const SERVER_PATHS = /^\/(trpc|telephony|healthz)(\/|$)/;

/** Mount under the root of the server; `/trpc`, `/telephony` and `/healthz` are routed before it. */
export function appRoutes(dirs: AppDirs = defaultAppDirs): Hono {
  const web = new Hono();
  // Only what the apps' files are: SSE streams on /trpc must never be buffered by compression.
  web.use("*", compress());
  web.get("/console", (c) => c.redirect("/console/", 301));
  mountApp(web, "/console/", dirs.console, "console");
  mountApp(web, "/", dirs.dashboard, "dashboard");
  return web;
}

function mountApp(web: Hono, base: string, dir: string | null, name: "dashboard" | "console") {
  const built = dir !== null && existsSync(path.join(dir, "index.html"));
  const prefix = base === "/" ? "" : base.slice(0, -1);
  const strip = (p: string) => (prefix && p.startsWith(prefix) ? p.slice(prefix.length) : p) || "/";

  if (built) {
    web.get(`${prefix}/assets/*`, async (c, next) => {
      await next();
      if (c.res.status === 200) c.header("Cache-Control", IMMUTABLE);
    });
    web.get(`${prefix}/*`, serveStatic({ root: dir, rewriteRequestPath: strip, index: "__none__" }));
  }
  web.get(`${prefix}/*`, async (c) => {
    if (SERVER_PATHS.test(c.req.path)) return c.notFound();
    const requested = strip(c.req.path);
    // A missing file (an old hash, a typo) is a 404, not the app: a browser would run HTML as JS.
    if (path.posix.extname(requested) !== "") return c.notFound();
    if (!built) return notBuilt(c, name);
    const html = await readFile(path.join(dir, "index.html"), "utf8");
    c.header("Cache-Control", "no-cache");
    return c.html(html);
  });
}

/** Before `pnpm build`: say what the product is and where its two apps will be, not 404. */
function notBuilt(c: Context, name: "dashboard" | "console") {
  c.header("Cache-Control", "no-cache");
  return c.html(
    `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>受付 Uketsuke</title></head>
<body>
<main>
<h1>受付 Uketsuke — 電話代行 (telephone answering agency)</h1>
<p>オペレーターがお客様の社名で電話に応対し、受電報告をメールでお届けします。<br>
Operators answer the client's line in the client's name and email each message as a report.</p>
<ul>
<li><a href="/">契約者ダッシュボード — client dashboard</a></li>
<li><a href="/console/">オペレーターコンソール — operator console</a></li>
</ul>
<p>この画面（${name}）はまだビルドされていません。<code>pnpm build</code> を実行してください。<br>
This app (${name}) has not been built yet: run <code>pnpm build</code>, or <code>pnpm dev</code> while developing.</p>
<p><a href="/healthz">/healthz</a></p>
</main>
</body></html>`,
    200,
  );
}
