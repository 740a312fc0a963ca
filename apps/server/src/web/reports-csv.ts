/**
 * `GET /reports.csv?…`: a client's reports for any filter of the reports list, as a CSV file
 * that Excel opens as it is — UTF-8 with a BOM, CRLF between rows, every cell quoted — streamed
 * page by page, so 100,000 reports never sit in memory at once.
 *
 * The rows come from the API's own `reports.list` procedure, called in-process with the
 * session of the request's cookie: the same sign-in, the same tenancy (the contract comes from
 * the session, never from the query string) and the same filter schema as the dashboard's list.
 * A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading
 * apostrophe, so a caller's words can never become a formula on the client's machine.
 */
import { Hono, type Context as HonoContext } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { stream } from "hono/streaming";
import { appRouter, createCallerFactory, createContext, errorBody, errorStatus, type ApiDeps } from "@uketsuke/api";
import { enumLabel, fieldLabel, formatPhoneNumber, reportColumnLabels, type Locale, type LocalizedText } from "@uketsuke/domain";

const createCaller = createCallerFactory(appRouter);

/** The most a page of `reports.list` gives. */
const PAGE = 200;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: quoted, quotes doubled, line breaks kept as bare LF (rows end in CRLF). */
export function csvCell(value: string | null | undefined): string {
  const raw = value ?? "";
  const text = raw.replace(/\r\n?/g, "\n");
  const safe = FORMULA_START.test(raw) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

// Japan time, written the way spreadsheets read a date and time: 2026-11-24 10:05:09.
const jst = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });

type Row = Awaited<ReturnType<ReturnType<typeof createCaller>["reports"]["list"]>>["reports"][number];

const columns: ReadonlyArray<{ label: LocalizedText; value: (row: Row, locale: Locale) => string | null }> = [
  { label: reportColumnLabels.receivedAt, value: (r) => jst.format(new Date(r.receivedAt)) },
  { label: fieldLabel("callerCompany"), value: (r) => r.callerCompany },
  { label: fieldLabel("callerName"), value: (r) => r.callerName },
  { label: fieldLabel("callbackNumber"), value: (r) => (r.callbackNumber ? formatPhoneNumber(r.callbackNumber) : null) },
  { label: fieldLabel("requestedPerson"), value: (r) => r.requestedPerson },
  { label: fieldLabel("message"), value: (r) => r.message },
  { label: fieldLabel("outcome"), value: (r, l) => enumLabel("outcome", r.outcome)[l] },
  { label: reportColumnLabels.callbackStatus, value: (r, l) => (r.callbackStatus ? enumLabel("callbackStatus", r.callbackStatus)[l] : null) },
  { label: reportColumnLabels.routedName, value: (r) => r.routedName },
  { label: fieldLabel("reportAddress"), value: (r) => r.routedAddress },
  { label: reportColumnLabels.routingReason, value: (r, l) => enumLabel("routingReason", r.routingReason)[l] },
  { label: fieldLabel("id"), value: (r) => r.id },
];

const line = (cells: string[]) => `${cells.join(",")}\r\n`;

/** The query string as `reports.list` takes it; the procedure's schema judges it. */
function filterOf(query: Record<string, string>) {
  const { lang: _lang, urgent, limit: _limit, cursor: _cursor, ...rest } = query;
  const filter: Record<string, unknown> = { ...rest };
  if (urgent !== undefined) filter.urgent = urgent === "true" || urgent === "1" ? true : urgent === "false" || urgent === "0" ? false : urgent;
  return filter;
}

/** The API's own error shape and status: `{ error: { code, rule, text, fields } }`. */
function refusal(c: HonoContext, error: unknown) {
  return c.json({ error: errorBody(error) }, errorStatus(error) as ContentfulStatusCode);
}

export function reportsCsvRoutes(deps: ApiDeps): Hono {
  const web = new Hono();
  web.get("/reports.csv", async (c) => {
    const locale: Locale = c.req.query("lang") === "en" ? "en" : "ja";
    const caller = createCaller(await createContext(deps, { headers: c.req.raw.headers }));
    const filter = filterOf(c.req.query());
    // The first page is asked before anything is sent: a refusal (not signed in, a bad
    // filter) is still an ordinary JSON error with its status.
    let page: Awaited<ReturnType<typeof caller.reports.list>>;
    try {
      page = await caller.reports.list({ ...filter, limit: PAGE });
    } catch (error) {
      return refusal(c, error);
    }
    const today = jst.format(deps.clock()).slice(0, 10).replaceAll("-", "");
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header("Content-Disposition", `attachment; filename="uketsuke-reports-${today}.csv"`);
    c.header("Cache-Control", "no-store");
    return stream(c, async (out) => {
      await out.write(`\uFEFF${line(columns.map((column) => csvCell(column.label[locale])))}`);
      for (;;) {
        await out.write(page.reports.map((row) => line(columns.map((column) => csvCell(column.value(row, locale))))).join(""));
        if (!page.nextCursor || out.aborted) break;
        page = await caller.reports.list({ ...filter, limit: PAGE, cursor: page.nextCursor });
      }
    });
  });
  return web;
}
