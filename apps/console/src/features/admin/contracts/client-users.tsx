import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@uketsuke/api";
import { clientUserInputSchema, enumLabel, passwordResetSchema } from "@uketsuke/domain";
import { FieldErrorText, InvitationList, InviteeFields, useFieldErrors, useText, useTRPC, type AppError } from "@uketsuke/web";
import { deskMessages as m } from "../messages.ts";
import { clearOnInput, Done, FormRefusal, invitationClasses, InviteFormEnd, QueryView, useInvitationForm } from "../ui.tsx";

type ClientUser = RouterOutputs["admin"]["clientUsers"]["list"][number];

const INVITE = "client-invite";

/** Who of the client may sign in to the dashboard: invite (the owner first), reset a password, disable. */
export function ClientUsers({ contractId, invitingOwner }: { contractId: string; invitingOwner: boolean }) {
  const t = useText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const users = useQuery(trpc.admin.clientUsers.list.queryOptions({ contractId }));
  const create = useMutation(trpc.admin.clientUsers.create.mutationOptions());
  const invitations = useQuery(trpc.admin.clientUsers.invitations.queryOptions({ contractId }));
  const resend = useMutation(trpc.admin.clientUsers.resendInvitation.mutationOptions());
  const revoke = useMutation(trpc.admin.clientUsers.revokeInvitation.mutationOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.clientUsers.pathKey() });
  // An owner invited but not yet signed up still counts: the next invitation is for a member.
  const hasOwner = [...(users.data ?? []), ...(invitations.data?.filter((i) => i.status === "pending") ?? [])].some((u) => u.clientRole === "owner");
  const { errors, refusal, done, submit: invite } = useInvitationForm(
    INVITE,
    (errors, form) =>
      errors.check(clientUserInputSchema, {
        email: form.get("email"),
        displayName: form.get("displayName"),
        clientRole: hasOwner ? "member" : "owner",
        locale: "ja",
      }),
    (input) => create.mutateAsync({ ...input, contractId }),
    refresh,
  );

  return (
    <section className="panel" aria-labelledby="client-users-title">
      <h2 id="client-users-title">{t(m.clientUsersTitle)}</h2>
      <QueryView query={users} empty={(data) => data.length === 0} emptyText={t(m.clientUsersEmpty)}>
        {(data) => (
          <ul className="admin__people">
            {data.map((user) => (
              <ClientUserRow key={user.id} user={user} onChange={refresh} />
            ))}
          </ul>
        )}
      </QueryView>
      {invitations.data && (
        <InvitationList
          headingLevel={3}
          invitations={invitations.data.map((i) => ({ ...i, detail: i.clientRole ? t(enumLabel("clientRole", i.clientRole)) : undefined }))}
          resend={(id) => resend.mutateAsync({ contractId, id }).then(refresh)}
          revoke={(id) => revoke.mutateAsync({ contractId, id }).then(refresh)}
          classes={invitationClasses}
        />
      )}
      <form onSubmit={invite} onInput={clearOnInput(errors)} noValidate className="admin__form" aria-labelledby="client-invite-title">
        <h3 id="client-invite-title">{t(hasOwner ? m.inviteMember : m.inviteOwner)}</h3>
        <div className="field-row">
          <InviteeFields form={INVITE} errors={errors} autoFocus={invitingOwner && !hasOwner} />
        </div>
        <InviteFormEnd refusal={refusal} done={done} pending={create.isPending} label={m.invite} />
      </form>
    </section>
  );
}

function ClientUserRow({ user, onChange }: { user: ClientUser; onChange: () => Promise<unknown> }) {
  const t = useText();
  const trpc = useTRPC();
  const form = `client-reset-${user.id}`;
  const errors = useFieldErrors(form);
  const [resetting, setResetting] = useState(false);
  const [done, setDone] = useState(false);
  const [refusal, setRefusal] = useState<AppError | null>(null);
  const reset = useMutation(trpc.admin.clientUsers.resetPassword.mutationOptions());
  const setDisabled = useMutation(trpc.admin.staff.setDisabled.mutationOptions());
  const disabled = user.disabledAt !== null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setRefusal(null);
    const input = errors.check(passwordResetSchema, { id: user.id, password: new FormData(event.currentTarget).get("password") });
    if (!input) return;
    try {
      await reset.mutateAsync(input);
      setResetting(false);
      setDone(true);
    } catch (error) {
      setRefusal(errors.fromServer(error));
    }
  }

  return (
    <li className="admin__person" data-user-id={user.id}>
      <div className="admin__person-line">
        <span>
          <strong>{user.displayName}</strong> <span className="muted">{user.email}</span>
        </span>
        <span className="status-badge">{user.clientRole ? t(enumLabel("clientRole", user.clientRole)) : ""}</span>
        <span className={`status-badge status-badge--${disabled ? "ended" : "active"}`}>{t(disabled ? m.disabledBadge : m.activeBadge)}</span>
        <span className="admin__person-actions">
          <button type="button" className="button" aria-expanded={resetting} onClick={() => setResetting(!resetting)}>
            {t(m.resetPassword)}
          </button>
          <button
            type="button"
            className={`button ${disabled ? "" : "button--danger"}`}
            disabled={setDisabled.isPending}
            onClick={() => void setDisabled.mutateAsync({ id: user.id, disabled: !disabled }).then(onChange, (error: unknown) => setRefusal(errors.fromServer(error)))}
          >
            {t(disabled ? m.enable : m.disable)}
          </button>
        </span>
      </div>
      {resetting && (
        <form onSubmit={submit} onInput={clearOnInput(errors)} noValidate className="inline-form">
          <div className="field">
            <label htmlFor={`${form}-password`}>{t(m.resetPasswordFor, { name: user.displayName })}</label>
            <input id={`${form}-password`} name="password" type="text" autoComplete="new-password" autoFocus {...errors.inputProps("password")} />
            <FieldErrorText form={form} path="password" errors={errors} />
          </div>
          <button type="submit" className="button button--primary" disabled={reset.isPending}>
            {t(m.save)}
          </button>
        </form>
      )}
      <FormRefusal error={refusal} />
      {done && <Done>{t(m.passwordReset)}</Done>}
    </li>
  );
}
