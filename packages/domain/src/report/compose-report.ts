/**
 * The report mail (受電報告), composed here once for the whole system: R1 (fixed subject),
 * R2 (operator's sender), R7 (routed recipient), R8 (誰から) and R5 (callback requested) all
 * meet in one fixed layout that clients learn to read at a glance.
 */
import escapeHtml from "escape-html";
import { formatAge, formatJst } from "../calendar/format.ts";
import { enumLabel } from "../messages/labels.ts";
import type { CallOutcome, RoutingReason } from "../vocabulary.ts";
import { formatPhoneNumber } from "../normalise/phone-number.ts";
import { REPORT_SUBJECT } from "../rules/r01-subject.ts";
import { senderAddress, senderFilterHint } from "../rules/r02-sender.ts";
import { fromWhom, withSama, type CallerHeard } from "../rules/r08-caller.ts";

export type ReportMailInput = {
  readonly reportId: string;
  readonly agencyDomain: string;
  readonly operator: { readonly displayName: string; readonly mailbox: string };
  readonly receivedAt: Date;
  readonly caller: CallerHeard;
  readonly callbackNumber?: string | null | undefined;
  readonly requestedPerson?: string | null | undefined;
  readonly routing: { readonly recipientName: string; readonly recipientAddress: string; readonly reason: RoutingReason };
  readonly message: string;
  readonly callbackRequested: boolean;
  /** 至急: the operator judged it urgent. Marked at the top of the body, never in the subject (R1). */
  readonly urgent?: boolean | undefined;
  readonly outcome: CallOutcome;
};

export type ReportMail = {
  readonly messageId: string;
  readonly subject: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly text: string;
  readonly html: string;
};

/** Stable across retries, so a mail delivered twice is recognisably the same mail. */
export function reportMessageId(reportId: string, agencyDomain: string): string {
  return `<report.${reportId}@${agencyDomain.toLowerCase()}>`;
}

function requestedLine(input: ReportMailInput): string {
  const asked = withSama(input.requestedPerson ?? "");
  const top = withSama(input.routing.recipientName);
  switch (input.routing.reason) {
    case "not_named":
      return `ご指名なし（名簿最上位の ${top} へご報告）`;
    case "not_found":
      return `${asked}（名簿にご登録がないため、名簿最上位の ${top} へご報告）`;
    case "ambiguous":
      return `${asked}（同じお名前の方が複数のため、名簿上位の ${top} へご報告）`;
    case "named":
      return `${asked}（${top} へご報告）`;
  }
}

/**
 * The first line of an urgent report. The subject cannot carry it (R1: one fixed subject that
 * clients filter on), so it heads the body, where the client's eye lands first.
 */
export const URGENT_LINE = "【至急】お急ぎのご用件です。至急ご確認ください。";

/** R3: operator mailboxes are not a channel for the client (Q1: "御社内部連絡までこちらにきてしまうような使い方もお受けできません"). */
const REPLY_NOTICE = "オペレーターのアドレスは御社からのご連絡窓口ではありません。このメールへの返信はご遠慮ください。";

export type ReportField = { readonly label: string; readonly value: string };

/** The fixed layout, in order. Labels are Japanese: the report goes to Japanese companies. */
export function reportFields(input: ReportMailInput): ReportField[] {
  return [
    { label: "受電日時", value: formatJst(input.receivedAt).ja },
    { label: "誰から", value: fromWhom(input.caller).ja },
    { label: "折り返し先", value: input.callbackNumber ? formatPhoneNumber(input.callbackNumber) : "お伺いできませんでした" },
    { label: "ご指名", value: requestedLine(input) },
    { label: "ご用件", value: input.message.trim() || "（ご用件なし）" },
    {
      label: "折り返し希望",
      value: input.callbackRequested ? "あり（お電話の方が折り返しをお待ちです。至急ご連絡ください）" : "なし",
    },
    { label: "対応者", value: input.operator.displayName },
    { label: "対応結果", value: enumLabel("outcome", input.outcome).ja },
  ];
}

export function composeReport(input: ReportMailInput): ReportMail {
  const fields = reportFields(input);
  const hint = senderFilterHint(input.agencyDomain).ja;
  const text = [
    ...(input.urgent ? [URGENT_LINE, ""] : []),
    withSama(input.routing.recipientName),
    "",
    "いつもお世話になっております。電話代行サービスです。",
    "以下の通りお電話を承りましたのでご報告いたします。",
    "",
    "━━━━━━━━━━━━━━━━━━━━",
    ...fields.map((f) => `■${f.label}\n${f.value}`),
    "━━━━━━━━━━━━━━━━━━━━",
    "",
    "※このメールはシステムから自動送信されています。件名は固定です。",
    `※${hint}`,
    `※${REPLY_NOTICE}`,
    "",
  ].join("\n");
  const rows = fields
    .map(
      (f) =>
        `<tr><th style="text-align:left;vertical-align:top;padding:6px 12px;background:#f3f4f6;white-space:nowrap">${escapeHtml(f.label)}</th>` +
        `<td style="padding:6px 12px;white-space:pre-wrap">${escapeHtml(f.value)}</td></tr>`,
    )
    .join("");
  const html =
    `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${escapeHtml(REPORT_SUBJECT)}</title></head>` +
    `<body style="font-family:sans-serif;line-height:1.6">` +
    (input.urgent ? `<p style="font-weight:bold;color:#b91c1c">${escapeHtml(URGENT_LINE)}</p>` : "") +
    `<p>${escapeHtml(withSama(input.routing.recipientName))}</p>` +
    `<p>いつもお世話になっております。電話代行サービスです。<br>以下の通りお電話を承りましたのでご報告いたします。</p>` +
    `<table style="border-collapse:collapse;border:1px solid #d1d5db">${rows}</table>` +
    `<p style="color:#6b7280;font-size:12px">※このメールはシステムから自動送信されています。件名は固定です。<br>※${escapeHtml(hint)}<br>※${escapeHtml(REPLY_NOTICE)}</p>` +
    `</body></html>`;
  return {
    messageId: reportMessageId(input.reportId, input.agencyDomain),
    subject: REPORT_SUBJECT,
    from: senderAddress(input.operator.mailbox, input.agencyDomain),
    to: [input.routing.recipientAddress],
    text,
    html,
  };
}

export type ReminderMailInput = {
  readonly callbackId: string;
  readonly reminderNumber: number;
  readonly agencyDomain: string;
  /** Reminders come from the operator who took the call, like the report itself (R2). */
  readonly operatorMailbox: string;
  readonly recipientName: string;
  readonly recipientAddress: string;
  readonly requestedAt: Date;
  readonly now: Date;
  readonly caller: CallerHeard;
  readonly callbackNumber: string;
  readonly message: string;
};

/**
 * R5: a reminder that a caller still waits. Same fixed subject as every report (R1), so it
 * passes the same filters; the first line says it is a reminder.
 */
export function composeCallbackReminder(input: ReminderMailInput): ReportMail {
  const age = formatAge(input.requestedAt, input.now).ja;
  const fields: ReportField[] = [
    { label: "受電日時", value: formatJst(input.requestedAt).ja },
    { label: "経過時間", value: age },
    { label: "誰から", value: fromWhom(input.caller).ja },
    { label: "折り返し先", value: formatPhoneNumber(input.callbackNumber) },
    { label: "ご用件", value: input.message.trim() || "（ご用件なし）" },
  ];
  const lead = `【折り返しのお願い（${input.reminderNumber}回目）】お電話の方が折り返しをお待ちです。至急ご連絡のうえ、ダッシュボードで「対応済み」にしてください。`;
  const text = [withSama(input.recipientName), "", lead, "", ...fields.map((f) => `■${f.label}\n${f.value}`), ""].join("\n");
  const html =
    `<!doctype html><html lang="ja"><head><meta charset="utf-8"></head><body style="font-family:sans-serif;line-height:1.6">` +
    `<p>${escapeHtml(withSama(input.recipientName))}</p><p><strong>${escapeHtml(lead)}</strong></p><table style="border-collapse:collapse">` +
    fields.map((f) => `<tr><th style="text-align:left;padding:4px 12px">${escapeHtml(f.label)}</th><td style="white-space:pre-wrap">${escapeHtml(f.value)}</td></tr>`).join("") +
    `</table></body></html>`;
  return {
    messageId: `<reminder.${input.callbackId}.${input.reminderNumber}@${input.agencyDomain.toLowerCase()}>`,
    subject: REPORT_SUBJECT,
    from: senderAddress(input.operatorMailbox, input.agencyDomain),
    to: [input.recipientAddress],
    text,
    html,
  };
}
