/**
 * The invitation mail, in the invitee's language first and the other beneath (the inviter may
 * have guessed the language wrong). Two kinds, chosen by the server and invisible to the inviter:
 * "link" to an address with no account, and "taken" to an address that already has one (in any
 * contract, or at the agency): that mail has no link and tells only the mailbox's owner that an
 * address can belong to one account only.
 */
import escapeHtml from "escape-html";
import { formatJst } from "../calendar/format.ts";
import type { LocalizedText } from "../messages/catalogue.ts";
import { senderAddress } from "../rules/r02-sender.ts";
import { withSama } from "../rules/r08-caller.ts";
import { NOTICE_MAILBOX } from "../report/compose-routing-notice.ts";
import type { ReportMail } from "../report/compose-report.ts";
import type { Locale } from "../vocabulary.ts";

/**
 * Not the report subject (R1 fixes that one for reports so clients can filter them): clients'
 * filters often forward report mail to a shared list, and an invitation link must reach the
 * invitee alone. One fixed subject for both kinds, so the subject tells nothing either.
 */
export const INVITATION_SUBJECT: LocalizedText = {
  ja: "【アカウントのご案内】電話代行サービス",
  en: "About an account with the telephone answering service",
};

export type InvitationMailInput = {
  /** Names this mail; a resend is a new mail with a new link, so a new id. */
  readonly mailId: string;
  readonly agencyDomain: string;
  readonly agencyName: string;
  readonly to: string;
  readonly locale: Locale;
  /** The name the inviter gave the invitee. */
  readonly inviteeName: string;
  /** Who sent the invitation, and for which company (the contract's legal entity, or the agency). */
  readonly invitedBy: string;
  readonly company: string;
  readonly role: LocalizedText;
} & ({ readonly kind: "link"; readonly link: string; readonly expiresAt: Date } | { readonly kind: "taken" });

type Paragraphs = { readonly greeting: string; readonly lines: readonly string[]; readonly link?: string };

function japanese(input: InvitationMailInput): Paragraphs {
  const from = `${input.company} の ${withSama(input.invitedBy)}`;
  if (input.kind === "taken") {
    return {
      greeting: `${input.to} をお使いの方へ`,
      lines: [
        `${from}が、このメールアドレスを電話代行サービス「${input.agencyName}」のアカウント（${input.role.ja}）に招待しようとしました。`,
        "このメールアドレスにはすでにアカウントがあります。1つのメールアドレスで作れるアカウントは1つだけのため、この招待ではアカウントは作られません。",
        `${input.company} でのご利用をご希望の場合は、招待した方に別のメールアドレスでの招待をご依頼ください。`,
        "お心当たりのない場合は、このメールを破棄してください。お持ちのアカウントには何の変更もありません。",
      ],
    };
  }
  return {
    greeting: withSama(input.inviteeName),
    lines: [
      `${from}から、電話代行サービス「${input.agencyName}」のアカウント（${input.role.ja}）へのご招待です。`,
      "下のリンクを開き、ご自身でパスワードを設定するとご利用いただけます。",
      `リンクの有効期限: ${formatJst(input.expiresAt).ja}（1回のみ使えます）`,
      "お心当たりのない場合は、このメールを破棄してください。アカウントは作られません。",
    ],
    link: input.link,
  };
}

function english(input: InvitationMailInput): Paragraphs {
  const from = `${input.invitedBy} of ${input.company}`;
  if (input.kind === "taken") {
    return {
      greeting: `To the owner of ${input.to}`,
      lines: [
        `${from} tried to invite this address to an account (${input.role.en}) with the telephone answering service "${input.agencyName}".`,
        "This address already has an account, and an address can belong to only one account, so no account was created by this invitation.",
        `If you want to use the service for ${input.company}, ask the person who invited you to use another address.`,
        "If you did not expect this, ignore this mail. Nothing has changed in your account.",
      ],
    };
  }
  return {
    greeting: `Dear ${input.inviteeName},`,
    lines: [
      `${from} invites you to an account (${input.role.en}) with the telephone answering service "${input.agencyName}".`,
      "Open the link below and set your own password to start.",
      `The link works until ${formatJst(input.expiresAt).en}, once.`,
      "If you did not expect this, ignore this mail: no account is created.",
    ],
    link: input.link,
  };
}

const textOf = (p: Paragraphs) => [p.greeting, "", p.lines[0], "", ...(p.link ? [p.link, ""] : []), ...p.lines.slice(1)].join("\n");

function htmlOf(p: Paragraphs, lang: Locale): string {
  const [first, ...rest] = p.lines;
  return (
    `<div lang="${lang}"><p>${escapeHtml(p.greeting)}</p><p>${escapeHtml(first ?? "")}</p>` +
    (p.link ? `<p><a href="${escapeHtml(p.link)}">${escapeHtml(p.link)}</a></p>` : "") +
    rest.map((line) => `<p>${escapeHtml(line)}</p>`).join("") +
    `</div>`
  );
}

export function composeInvitationMail(input: InvitationMailInput): ReportMail {
  const parts = { ja: japanese(input), en: english(input) };
  const order: Locale[] = input.locale === "en" ? ["en", "ja"] : ["ja", "en"];
  const divider = "――――――――――――――――――――";
  const text = `${order.map((lang) => textOf(parts[lang])).join(`\n\n${divider}\n\n`)}\n`;
  const html =
    `<!doctype html><html lang="${order[0]}"><head><meta charset="utf-8"></head><body style="font-family:sans-serif;line-height:1.6">` +
    order.map((lang) => htmlOf(parts[lang], lang)).join(`<hr>`) +
    `</body></html>`;
  return {
    messageId: `<invitation.${input.mailId}@${input.agencyDomain.toLowerCase()}>`,
    subject: INVITATION_SUBJECT[input.locale],
    from: senderAddress(NOTICE_MAILBOX, input.agencyDomain),
    to: [input.to],
    text,
    html,
  };
}
