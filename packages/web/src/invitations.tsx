import { useState } from "react";
import { enumLabel, fieldLabel, formatJst, type InvitationStatus, type LocalizedText } from "@uketsuke/domain";
import { appErrorOf, type AppError } from "./errors.ts";
import { FieldErrorText, type FieldErrors } from "./field-errors.tsx";
import { useLocale, useText } from "./locale.tsx";
import { webMessages } from "./messages.ts";
import { RuleNotice } from "./rule-notice.tsx";

/** Words of the invitation pieces both apps show (staff in the console, client users in the dashboard). */
export const invitationMessages = {
  pendingTitle: { ja: "招待中の方", en: "Pending invitations" },
  sentTo: {
    ja: "{email} に招待メールを送りました。ご本人がメールのリンクからパスワードを設定すると利用できるようになります。",
    en: "An invitation went to {email}. Once they set a password through the link in it, they can sign in.",
  },
  noPassword: {
    ja: "パスワードはご本人が招待メールのリンクから設定します（リンクの有効期限は{days}日間）。",
    en: "The person sets their own password through the link in the invitation mail (the link works for {days} days).",
  },
  inviteeLocale: { ja: "招待メールの言語", en: "Language of the invitation mail" },
  expires: { ja: "リンクの期限: {at}", en: "Link works until {at}" },
  resend: { ja: "招待メールを再送", en: "Send again" },
  revoke: { ja: "招待を取り消す", en: "Revoke" },
  resent: { ja: "{email} に新しいリンクを送りました（前のリンクは使えなくなりました）。", en: "A new link went to {email} (the old one no longer works)." },
  revoked: { ja: "{email} への招待を取り消しました。", en: "The invitation to {email} is revoked." },
} as const satisfies Record<string, LocalizedText>;

/**
 * The invitee's name and address, which every invitation form asks first (a staff member, a
 * client's user from the desk or from the client's own dashboard). Inputs `#<form>-displayName`
 * and `#<form>-email`, named as the schemas' fields so `FormData` feeds them directly.
 */
export function InviteeFields({ form, errors, autoFocus = false }: { form: string; errors: FieldErrors; autoFocus?: boolean }) {
  const t = useText();
  return (
    <>
      {(["displayName", "email"] as const).map((path) => (
        <div className="field" key={path}>
          <label htmlFor={`${form}-${path}`}>{t(fieldLabel(path))}</label>
          <input
            id={`${form}-${path}`}
            name={path}
            type={path === "email" ? "email" : "text"}
            autoComplete="off"
            autoFocus={autoFocus && path === "displayName"}
            {...errors.inputProps(path)}
          />
          <FieldErrorText form={form} path={path} errors={errors} />
        </div>
      ))}
    </>
  );
}

export type PendingInvitation = {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly status: InvitationStatus;
  readonly expiresAt: string;
  /** The role the person will have, already labelled by the app (client role, or staff role and mailbox). */
  readonly detail?: string;
};

export type InvitationListProps = {
  readonly invitations: readonly PendingInvitation[];
  readonly resend: (id: string) => Promise<unknown>;
  readonly revoke: (id: string) => Promise<unknown>;
  /** Each app's own look for a list, a row and a status badge. */
  readonly classes: { readonly list: string; readonly item: string; readonly badge: (status: InvitationStatus) => string; readonly actions: string };
  readonly headingLevel?: 2 | 3;
};

/**
 * Invitations not yet accepted: pending or expired, each with its status and the link's expiry,
 * and the two things an inviter can do (send a new link, take the invitation back). Nothing here
 * says whether an address has an account elsewhere: the server never tells (issue 7).
 */
export function InvitationList({ invitations, resend, revoke, classes, headingLevel = 2 }: InvitationListProps) {
  const t = useText();
  const { locale } = useLocale();
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<AppError | "unreachable" | null>(null);
  if (invitations.length === 0) return null;
  const Heading = headingLevel === 2 ? "h2" : "h3";

  async function act(invitation: PendingInvitation, action: "resend" | "revoke") {
    setBusy(invitation.id);
    setDone(null);
    setRefusal(null);
    try {
      await (action === "resend" ? resend : revoke)(invitation.id);
      setDone(t(action === "resend" ? invitationMessages.resent : invitationMessages.revoked, { email: invitation.email }));
    } catch (error) {
      setRefusal(appErrorOf(error) ?? "unreachable");
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="invitations-title" className="invitations">
      <Heading id="invitations-title">{t(invitationMessages.pendingTitle)}</Heading>
      <ul className={classes.list} data-testid="invitations">
        {invitations.map((invitation) => (
          <li key={invitation.id} className={classes.item} data-invitation-id={invitation.id}>
            <p>
              <strong>{invitation.displayName}</strong> <span className="mono">{invitation.email}</span>{" "}
              <span className={classes.badge(invitation.status)}>{t(enumLabel("invitationStatus", invitation.status))}</span>
              {invitation.detail && <> {invitation.detail}</>}
            </p>
            <p className="muted">{t(invitationMessages.expires, { at: formatJst(new Date(invitation.expiresAt))[locale] })}</p>
            <div className={classes.actions}>
              <button type="button" className="button" disabled={busy === invitation.id} onClick={() => void act(invitation, "resend")}>
                {t(invitationMessages.resend)}
              </button>
              <button type="button" className="button button--danger" disabled={busy === invitation.id} onClick={() => void act(invitation, "revoke")}>
                {t(invitationMessages.revoke)}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <div role="status" aria-live="polite">
        {done && <p className="ok-text">{done}</p>}
      </div>
      <div role="alert">
        {refusal === "unreachable" && <p>{t(webMessages.unreachable)}</p>}
        {refusal && refusal !== "unreachable" && <RuleNotice rule={refusal.rule} text={refusal.text} />}
      </div>
    </section>
  );
}
