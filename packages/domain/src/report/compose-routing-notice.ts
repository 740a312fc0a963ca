/**
 * The notice mailed to a contract's owner whenever where its reports go changes: a report
 * address added, changed or removed, or another person moved to position 1 (R7: that person
 * receives every call that names no one). A member cannot make such a change; the owner hears
 * of every one, so a report address slipped in by someone else does not go unnoticed.
 */
import escapeHtml from "escape-html";
import { formatJst } from "../calendar/format.ts";
import { REPORT_SUBJECT } from "../rules/r01-subject.ts";
import { senderAddress } from "../rules/r02-sender.ts";
import { withSama } from "../rules/r08-caller.ts";
import type { ReportMail } from "./compose-report.ts";

export const ROUTING_CHANGES = ["added", "updated", "removed", "reordered"] as const;
export type RoutingChange = (typeof ROUTING_CHANGES)[number];

/** The mailbox notices come from: not an operator's, so no one mistakes it for a report (R2). */
export const NOTICE_MAILBOX = "notice";

const changeLine: Record<RoutingChange, string> = {
  added: "報告先が追加されました",
  updated: "報告先が変更されました",
  removed: "報告先が削除されました",
  reordered: "報告先の順番が変更されました",
};

export type RoutingNoticeInput = {
  /** Names the notice; the audit row's id, so a retry sends the same mail. */
  readonly noticeId: string;
  readonly agencyDomain: string;
  readonly ownerName: string;
  readonly ownerAddress: string;
  readonly change: RoutingChange;
  /** Who made the change, as the dashboard names them. */
  readonly changedBy: string;
  readonly at: Date;
  /** The person the change was about (absent for a reorder). */
  readonly member?: { readonly name: string; readonly address: string } | undefined;
  /** The roster after the change, in order: position 1 first. */
  readonly roster: ReadonlyArray<{ readonly name: string; readonly address: string }>;
};

/**
 * Same fixed subject as every mail of the agency (R1), so it passes the client's filters; the
 * first line says what it is. Sent to the owner alone.
 */
export function composeRoutingNotice(input: RoutingNoticeInput): ReportMail {
  const lead = `【報告先の変更のお知らせ】${changeLine[input.change]}。`;
  const fields: Array<{ label: string; value: string }> = [
    { label: "変更日時", value: formatJst(input.at).ja },
    { label: "変更した方", value: withSama(input.changedBy) },
    ...(input.member ? [{ label: input.change === "removed" ? "削除された報告先" : "対象の報告先", value: `${input.member.name} <${input.member.address}>` }] : []),
    { label: "名指しのないお電話の報告先（名簿1番目）", value: input.roster[0] ? `${input.roster[0].name} <${input.roster[0].address}>` : "（なし）" },
    { label: "変更後の名簿", value: input.roster.map((m, i) => `${i + 1}. ${m.name} <${m.address}>`).join("\n") },
  ];
  const closing = "お心当たりのない変更の場合は、ダッシュボードの報告先名簿をご確認ください。報告先の変更はご契約のオーナーのみが行えます。";
  const text = [withSama(input.ownerName), "", lead, "", ...fields.map((f) => `■${f.label}\n${f.value}`), "", closing, ""].join("\n");
  const html =
    `<!doctype html><html lang="ja"><head><meta charset="utf-8"></head><body style="font-family:sans-serif;line-height:1.6">` +
    `<p>${escapeHtml(withSama(input.ownerName))}</p><p><strong>${escapeHtml(lead)}</strong></p><table style="border-collapse:collapse">` +
    fields.map((f) => `<tr><th style="text-align:left;vertical-align:top;padding:4px 12px">${escapeHtml(f.label)}</th><td style="white-space:pre-wrap">${escapeHtml(f.value)}</td></tr>`).join("") +
    `</table><p>${escapeHtml(closing)}</p></body></html>`;
  return {
    messageId: `<notice.${input.noticeId}@${input.agencyDomain.toLowerCase()}>`,
    subject: REPORT_SUBJECT,
    from: senderAddress(NOTICE_MAILBOX, input.agencyDomain),
    to: [input.ownerAddress],
    text,
    html,
  };
}
