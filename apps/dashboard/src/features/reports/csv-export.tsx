import { useRef, useState } from "react";
import { useLocale, useText } from "@uketsuke/web";
import { m } from "../../messages.ts";
import { count, tokyoDateOf } from "../../ui/format.ts";
import type { ReportListInput } from "./report-filter.ts";

type State =
  | { kind: "idle" }
  | { kind: "running"; rows: number }
  | { kind: "done"; rows: number }
  | { kind: "failed" };

/** Above this many rows the export shows its progress as it streams. */
const SHOW_PROGRESS_FROM = 2000;

/**
 * The reports of the current filter as a CSV file, streamed by the server
 * (apps/server/src/web/reports-csv.ts): UTF-8 with a BOM so Excel reads the Japanese, and
 * formula-looking cells neutralised. Large exports count their rows as they arrive.
 */
export function CsvExport({ input, total }: { input: Omit<ReportListInput, "limit" | "cursor">; total: number | null }) {
  const t = useText();
  const { locale } = useLocale();
  const [state, setState] = useState<State>({ kind: "idle" });
  const abort = useRef<AbortController | null>(null);

  async function run() {
    const params = new URLSearchParams({ lang: locale });
    for (const [key, value] of Object.entries(input)) if (value !== undefined) params.set(key, String(value));
    const controller = new AbortController();
    abort.current = controller;
    setState({ kind: "running", rows: 0 });
    try {
      const response = await fetch(`/reports.csv?${params}`, { signal: controller.signal, credentials: "same-origin" });
      if (!response.ok || !response.body) throw new Error(`export failed: ${response.status}`);
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      let newlines = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        // Rows end in CRLF; a line break inside a cell is a bare LF (the server strips CRs there).
        for (const byte of value) if (byte === 13) newlines++;
        // The first line is the header row.
        setState({ kind: "running", rows: Math.max(0, newlines - 1) });
      }
      const blob = new Blob(chunks as BlobPart[], { type: "text/csv;charset=utf-8" });
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = `uketsuke-reports-${tokyoDateOf(new Date()).replaceAll("-", "")}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      setState({ kind: "done", rows: Math.max(0, newlines - 1) });
    } catch (error) {
      setState(controller.signal.aborted ? { kind: "idle" } : { kind: "failed" });
      if (!controller.signal.aborted) console.error(error);
    } finally {
      abort.current = null;
    }
  }

  const big = total !== null && total >= SHOW_PROGRESS_FROM;
  return (
    <div className="csv-export" data-testid="csv-export">
      {state.kind === "running" ? (
        <button type="button" className="button" onClick={() => abort.current?.abort()}>
          {t(m.cancel)}
        </button>
      ) : (
        <button type="button" className="button" onClick={() => void run()} disabled={total === 0} data-testid="csv-export-button">
          <span aria-hidden="true">⤓</span> {t(m.exportCsv)}
        </button>
      )}
      <div role="status" aria-live="polite" className="csv-export__status">
        {state.kind === "running" && (
          <>
            {big && total !== null && <progress max={total} value={state.rows} aria-label={t(m.exportProgress)} />}
            <span>{t(m.exportRows, { n: count(state.rows), total: total === null ? "…" : count(total) })}</span>
          </>
        )}
        {state.kind === "done" && <span data-testid="csv-done">{t(m.exportDone, { n: count(state.rows) })}</span>}
        {state.kind === "failed" && <span className="field-error">{t(m.exportFailed)}</span>}
      </div>
    </div>
  );
}
