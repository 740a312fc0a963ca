import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@uketsuke/api";
import { enumLabel, enumOptions, fieldLabel, staffInputSchema } from "@uketsuke/domain";
import { FieldErrorText, InvitationList, invitationMessages, InviteeFields, useSession, useText, useTRPC } from "@uketsuke/web";
import { useDesk } from "../../header/use-desk.ts";
import { deskMessages as m } from "../messages.ts";
import { clearOnInput, invitationClasses, InviteFormEnd, QueryView, useDeskTitle, useInvitationForm } from "../ui.tsx";

type StaffMember = RouterOutputs["admin"]["staff"]["list"][number];
type Invitation = RouterOutputs["admin"]["staff"]["invitations"][number];

const FORM = "staff-new";

/**
 * Operators and supervisors, each with the mailbox their reports are sent from (R2). A new one is
 * invited: they set their own password through the mailed link.
 */
export default function StaffPage() {
  const t = useText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const title = useDeskTitle(m.staffTitle);
  const staff = useQuery(trpc.admin.staff.list.queryOptions());
  // The agency's domain, from this supervisor's own sender address: the part after "@" never changes.
  const domain = useDesk().data?.sender.split("@")[1] ?? "";
  const create = useMutation(trpc.admin.staff.create.mutationOptions());
  const invitations = useQuery(trpc.admin.staff.invitations.queryOptions());
  const resend = useMutation(trpc.admin.staff.resendInvitation.mutationOptions());
  const revoke = useMutation(trpc.admin.staff.revokeInvitation.mutationOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.staff.pathKey() });
  const { errors, refusal, done, submit } = useInvitationForm(
    FORM,
    (errors, form) =>
      errors.check(staffInputSchema, {
        email: form.get("email"),
        displayName: form.get("displayName"),
        mailbox: form.get("mailbox"),
        role: form.get("role"),
        locale: form.get("locale"),
      }),
    (input) => create.mutateAsync(input),
    refresh,
  );

  /** The role, and the address reports will be sent from unless it is the sign-in address itself (shown beside it already). */
  const invitationDetail = (invitation: Invitation) => {
    const sender = `${invitation.mailbox ?? ""}@${domain}`;
    const role = t(enumLabel("role", invitation.role));
    return sender === invitation.email ? role : `${role} · ${t(m.senderAddress)} ${sender}`;
  };

  return (
    <section aria-labelledby="staff-title" className="admin__narrow">
      <h1 id="staff-title">{title}</h1>
      <QueryView query={staff}>
        {(data) => (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t(fieldLabel("displayName"))}</th>
                <th scope="col">{t(m.senderAddress)}</th>
                <th scope="col">{t(fieldLabel("role"))}</th>
                <th scope="col">{t(fieldLabel("status"))}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((member) => (
                <StaffRow key={member.id} member={member} domain={domain} onChange={refresh} />
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
      {invitations.data && (
        <InvitationList
          invitations={invitations.data.map((i) => ({ ...i, detail: invitationDetail(i) }))}
          resend={(id) => resend.mutateAsync({ id }).then(refresh)}
          revoke={(id) => revoke.mutateAsync({ id }).then(refresh)}
          classes={invitationClasses}
        />
      )}
      <form onSubmit={submit} onInput={clearOnInput(errors)} noValidate className="panel admin__form" aria-labelledby="staff-new-title">
        <h2 id="staff-new-title">{t(m.staffNew)}</h2>
        <div className="field-row">
          <InviteeFields form={FORM} errors={errors} />
        </div>
        <div className="field">
          <label htmlFor={`${FORM}-mailbox`}>{t(fieldLabel("mailbox"))}</label>
          <p className="field-hint" id={`${FORM}-mailbox-hint`}>
            {t(m.mailboxHint, { example: `tanaka@${domain}` })}
          </p>
          <div className="mailbox-input">
            <input id={`${FORM}-mailbox`} type="text" name="mailbox" autoComplete="off" spellCheck={false} {...errors.inputProps("mailbox")} />
            <span className="mailbox-input__domain" aria-hidden="true">
              @{domain}
            </span>
          </div>
          <FieldErrorText form={FORM} path="mailbox" errors={errors} />
        </div>
        <fieldset className="field-group">
          <legend>{t(invitationMessages.inviteeLocale)}</legend>
          <div className="checks">
            {enumOptions("locale").map((option) => (
              <label key={option.value}>
                <input type="radio" name="locale" value={option.value} defaultChecked={option.value === "ja"} /> {t(option.label)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="field-group">
          <legend>{t(fieldLabel("role"))}</legend>
          <div className="checks">
            {enumOptions("role")
              .filter((option) => option.value !== "client")
              .map((option) => (
                <label key={option.value}>
                  <input type="radio" name="role" value={option.value} defaultChecked={option.value === "operator"} /> {t(option.label)}
                </label>
              ))}
          </div>
        </fieldset>
        <InviteFormEnd refusal={refusal} done={done} pending={create.isPending} label={m.staffCreate} />
      </form>
    </section>
  );
}

function StaffRow({ member, domain, onChange }: { member: StaffMember; domain: string; onChange: () => Promise<unknown> }) {
  const t = useText();
  const trpc = useTRPC();
  const session = useSession();
  const setDisabled = useMutation(trpc.admin.staff.setDisabled.mutationOptions());
  const disabled = member.disabledAt !== null;
  const isMe = session.status === "signed-in" && session.me.user.id === member.id;
  return (
    <tr data-user-id={member.id}>
      <th scope="row">
        {member.displayName} <span className="muted">{member.email}</span>
      </th>
      <td className="mono">{member.mailbox ? `${member.mailbox}@${domain}` : "—"}</td>
      <td>{t(enumLabel("role", member.role))}</td>
      <td>
        <span className={`status-badge status-badge--${disabled ? "ended" : "active"}`}>{t(disabled ? m.disabledBadge : m.activeBadge)}</span>{" "}
        {isMe ? (
          <span className="muted">{t(m.youCannotDisableYourself)}</span>
        ) : (
          <button type="button" className={`button ${disabled ? "" : "button--danger"}`} disabled={setDisabled.isPending} onClick={() => void setDisabled.mutateAsync({ id: member.id, disabled: !disabled }).then(onChange)}>
            {t(disabled ? m.enable : m.disable)}
          </button>
        )}
      </td>
    </tr>
  );
}
