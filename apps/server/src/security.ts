/**
 * What the HTTP layer does so that browsers and attackers meet the same rules: who the client is
 * (behind a configured proxy or not), the response headers, and that only same-origin JSON may
 * change anything through /trpc.
 */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { TRPC_ERROR_CODES_BY_KEY, type TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { errorBody } from "@uketsuke/api";
import { DomainError, type MessageCode, type MessageParams } from "@uketsuke/domain";

/**
 * The client's address. Behind `trustProxy` proxies each one appends the address it saw to
 * X-Forwarded-For, so the client is the entry the outermost trusted proxy wrote; anything left of
 * it was sent by the client and proves nothing. Without a trusted proxy the header is ignored.
 */
export function clientAddress(c: Context, trustProxy: number): string | null {
  if (trustProxy > 0) {
    const hops = (c.req.header("x-forwarded-for") ?? "").split(",").map((h) => h.trim()).filter(Boolean);
    const seen = hops[hops.length - trustProxy];
    if (seen) return seen;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    // Not a Node socket (app.request() in a test): no address to key on.
    return null;
  }
}

/** Whether the browser reached us over HTTPS: the socket's own scheme, or the trusted proxy's word. */
export function cameOverHttps(c: Context, trustProxy: number): boolean {
  if (trustProxy > 0) {
    const proto = c.req.header("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
    if (proto) return proto === "https";
  }
  return new URL(c.req.url).protocol === "https:";
}

/**
 * Every response. The two apps are Vite builds: external scripts and styles only, small images
 * inlined as data: URIs, one origin for the API. `frame-src 'self'` admits a same-origin frame
 * (a srcdoc frame needs nothing: it loads no URL, and inherits this policy instead).
 *
 * The console alone may use inline styles: the supervisor's mail view shows captured HTML mail in
 * a sandboxed `<iframe srcdoc>`, which inherits the console's policy, and mail is all inline
 * style. Scripts stay blocked there (and the sandbox runs none); images and fonts from elsewhere
 * stay blocked too, so no mail can call home.
 */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", (c) => (c.req.path.startsWith("/console") ? "'unsafe-inline'" : "")],
      imgSrc: ["'self'", "data:"],
      fontSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      frameSrc: ["'self'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
    xFrameOptions: "DENY",
    // Not no-referrer: under it a browser sends `Origin: null` on same-origin POSTs, and the
    // cross-site check below could then only rely on Sec-Fetch-Site.
    referrerPolicy: "same-origin",
    // HSTS over plain HTTP is ignored by browsers; behind HTTPS it is what we want.
    strictTransportSecurity: "max-age=15552000",
  });
}

/** A refusal before tRPC runs, in tRPC's own envelope so its client reads it like any other. */
export function trpcRefusal(
  c: Context,
  status: ContentfulStatusCode,
  trpcCode: TRPC_ERROR_CODE_KEY,
  code: MessageCode,
  params?: MessageParams,
  headers?: Record<string, string>,
) {
  const body = errorBody(new DomainError(code, params ? { params } : {}));
  return c.json({ error: { message: body.text.en, code: TRPC_ERROR_CODES_BY_KEY[trpcCode], data: { ...body, httpStatus: status } } }, status, headers);
}

/**
 * Cross-site request forgery: a form on another site can POST multipart or text, never JSON
 * without a CORS preflight (which this server never grants), so a mutation must be JSON. On top,
 * a browser's own word is checked: Sec-Fetch-Site must say same-origin, or else Origin must be
 * ours. A client that is not a browser sends neither and is judged by its session alone.
 */
export function sameOriginJson(options: { trustProxy: number; publicUrl: string | undefined }): MiddlewareHandler {
  const publicOrigin = options.publicUrl ? new URL(options.publicUrl).origin : null;
  return async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD" || c.req.method === "OPTIONS") return next();
    const site = c.req.header("sec-fetch-site");
    const origin = c.req.header("origin");
    const ours = () => {
      const host = c.req.header("host");
      const scheme = cameOverHttps(c, options.trustProxy) ? "https:" : "http:";
      return origin === publicOrigin || (host !== undefined && origin === `${scheme}//${host}`);
    };
    const crossSite = site !== undefined ? site !== "same-origin" : origin !== undefined && !ours();
    if (crossSite) return trpcRefusal(c, 403, "FORBIDDEN", "CROSS_SITE_REFUSED");
    const type = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
    if (type !== "application/json") {
      return trpcRefusal(c, 415, "UNSUPPORTED_MEDIA_TYPE", "CONTENT_TYPE_UNSUPPORTED", { expected: "application/json" });
    }
    return next();
  };
}
