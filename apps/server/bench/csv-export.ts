// The search bench's CSV export, run in a child process of its own (see csvExport in
// search.bench.ts): every report of a contract, or of a search, through `streamReports`, written
// as CSV lines to a sink that only counts bytes. Answers its speed and its peak RSS growth.
import { Writable } from "node:stream";
import { createDb, streamReports } from "@uketsuke/db";

export const CSV_CHILD_FLAG = "--uketsuke-csv-export";

export type CsvExportJob = { url: string; contractId: string; filter: { q?: string } };
export type CsvExportResult = { reports: number; seconds: number; reportsPerSecond: number; megabytes: number; peakRssGrowthMb: number };

const round2 = (n: number) => Math.round(n * 100) / 100;

export async function exportCsv({ url, contractId, filter }: CsvExportJob): Promise<CsvExportResult> {
  const db = createDb(url);
  try {
    const base = process.memoryUsage.rss();
    let peak = base;
    // On SQLite every page resolves without a turn of the event loop, so a timer alone would
    // never sample: the loop samples too, every thousand rows.
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
    let bytes = 0;
    let count = 0;
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => ((bytes += chunk.length), done()) });
    const start = performance.now();
    for await (const r of streamReports(db.db, contractId, filter)) {
      const line = [r.receivedAt, r.callerCompany, r.callerName, r.callbackNumber, r.requestedPerson, r.message, r.outcome, r.callbackStatus, r.routedName, r.id]
        .map((v) => `"${String(v ?? "").replaceAll('"', '""')}"`)
        .join(",");
      if (!sink.write(`${line}\r\n`)) await new Promise((resolve) => sink.once("drain", resolve));
      if (++count % 1000 === 0) peak = Math.max(peak, process.memoryUsage.rss());
    }
    const seconds = (performance.now() - start) / 1000;
    clearInterval(sampler);
    return { reports: count, seconds: round2(seconds), reportsPerSecond: Math.round(count / seconds), megabytes: round2(bytes / 2 ** 20), peakRssGrowthMb: round2((peak - base) / 2 ** 20) };
  } finally {
    await db.close();
  }
}

if (process.send && process.argv.includes(CSV_CHILD_FLAG)) {
  process.once("message", (job) => {
    void exportCsv(job as CsvExportJob).then((result) => process.send?.(result));
  });
}
