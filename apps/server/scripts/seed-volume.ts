// `pnpm --filter @uketsuke/server seed:volume --reports 1000000`: realistic Japanese reports in
// volume (see volume-data.ts) into the database at DATABASE_URL (SQLite file or postgres://…),
// for the search bench and for trying the dashboard with years of reports. Reports go in through
// the data layer's `insertReports`, so the search index is kept exactly as a saved message keeps it;
// each batch is one transaction. Mail bodies are composed by the domain, as when a message is saved.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { compactSearchIndex, createDb, insertAgency, insertContract, insertReports, insertRosterMember, insertUser, migrateToLatest } from "@uketsuke/db";
import type { NewReportInput } from "@uketsuke/db";
import { composeReport } from "@uketsuke/domain";
import { volumeContracts, volumeReports } from "./volume-data.ts";

const AGENCY_DOMAIN = "uketsuke.example.jp";

export interface SeedVolumeOptions {
  reports: number;
  seed?: number;
  batch?: number;
  /** Called after every batch with the number of reports stored so far. */
  onProgress?: (stored: number) => void;
}

export interface SeededVolume {
  /** The contracts, the first being the big one (30 % of the reports). */
  contractIds: string[];
  seconds: number;
}

/** Seeds a migrated, empty database (its agency included). */
export async function seedVolume(url: string, options: SeedVolumeOptions): Promise<SeededVolume> {
  const started = performance.now();
  const { db, close } = createDb(url);
  try {
    await migrateToLatest(db);
    const agency = await insertAgency(db, { name: "受付 電話代行サービス", mailDomain: AGENCY_DOMAIN });
    const operators = await Promise.all(
      ["sato", "suzuki", "takahashi", "tanaka"].map((mailbox, i) =>
        insertUser(db, { email: `${mailbox}@${AGENCY_DOMAIN}`, passwordHash: "-", displayName: ["佐藤 美咲", "鈴木 健太", "高橋 由美", "田中 翔"][i] as string, role: "operator", mailbox }),
      ),
    );
    const contracts = volumeContracts(options.seed);
    const stored = [];
    for (const [i, c] of contracts.entries()) {
      const contract = await insertContract(db, {
        agencyId: agency.id,
        legalEntityName: c.legalEntityName,
        answerName: c.legalEntityName,
        numbers: [`+8150${String(10_000_000 + i).padStart(8, "0")}`],
      });
      const members = [];
      for (const m of c.roster) members.push(await insertRosterMember(db, contract.id, { ...m, addressKind: "person" }));
      stored.push({ contract, members });
    }
    const batch = options.batch ?? 2000;
    let pending: NewReportInput[] = [];
    let count = 0;
    for (const r of volumeReports(options.reports, contracts, options.seed)) {
      const { contract, members } = stored[r.contractIndex] as (typeof stored)[number];
      const member = members[r.rosterIndex] ?? members[0];
      const operator = operators[count % operators.length];
      if (!member || !operator?.mailbox) throw new Error("volume data without roster or operator");
      const id = randomUUID();
      const mail = composeReport({
        reportId: id,
        agencyDomain: AGENCY_DOMAIN,
        operator: { displayName: operator.displayName, mailbox: operator.mailbox },
        receivedAt: new Date(r.receivedAt),
        caller: { company: r.callerCompany ?? undefined, name: r.callerName ?? undefined },
        callbackNumber: r.callbackNumber,
        requestedPerson: r.requestedPerson,
        routing: { recipientName: member.name, recipientAddress: member.reportAddress, reason: r.routingReason },
        message: r.message,
        callbackRequested: r.callbackRequested,
        outcome: r.outcome,
      });
      pending.push({
        id,
        contractId: contract.id,
        callId: null,
        operatorId: operator.id,
        receivedAt: r.receivedAt,
        callerCompany: r.callerCompany,
        callerName: r.callerName,
        callbackNumber: r.callbackNumber,
        requestedPerson: r.requestedPerson,
        routedMemberId: member.id,
        routedName: member.name,
        routedAddress: member.reportAddress,
        routingReason: r.routingReason,
        message: r.message,
        callbackRequested: r.callbackRequested,
        outcome: r.outcome,
        wrongNumberEntryId: null,
        subject: mail.subject,
        bodyText: mail.text,
        bodyHtml: mail.html,
        messageId: mail.messageId,
      });
      if (pending.length === batch) {
        await insertReports(db, pending);
        count += pending.length;
        pending = [];
        options.onProgress?.(count);
      }
    }
    await insertReports(db, pending);
    count += pending.length;
    options.onProgress?.(count);
    // What the server's hourly maintenance would do to the index a busy day leaves (SQLite).
    await compactSearchIndex(db);
    return { contractIds: stored.map((s) => s.contract.id), seconds: (performance.now() - started) / 1000 };
  } finally {
    await close();
  }
}

/** A progress bar on stderr while seeding. */
export function seedWithProgress(url: string, reports: number, seed?: number): Promise<SeededVolume> {
  const bar = new cliProgress.SingleBar(
    { noTTYOutput: true, notTTYSchedule: 15_000, format: "seeding {bar} {percentage}% | {value}/{total} reports | {duration_formatted} elapsed, eta {eta_formatted}", stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  bar.start(reports, 0);
  return seedVolume(url, { reports, seed, onProgress: (n) => bar.update(n) }).finally(() => bar.stop());
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { reports: { type: "string", default: "100000" }, seed: { type: "string", default: "1" } } });
  const reports = Number(values.reports);
  if (!Number.isInteger(reports) || reports < 1) throw new Error(`--reports must be a positive whole number, not ${values.reports}`);
  const { readEnv } = await import("../src/env.ts");
  const url = readEnv().DATABASE_URL;
  const done = await seedWithProgress(url, reports, Number(values.seed));
  process.stdout.write(`${reports} reports over ${done.contractIds.length} contracts in ${done.seconds.toFixed(0)} s → ${url}\n`);
}
