import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@uketsuke/api";
import { clientUserInputSchema, enumLabel, fieldLabel, passwordResetSchema } from "@uketsuke/domain";
import { FieldErrorText, useFieldErrors, useText, useTRPC, type AppError } from "@uketsuke/web";
import { deskMessages as m } from "../messages.ts";
import { clearOnInput, Done, FormRefusal, QueryView } from "../ui.tsx";

type ClientUser = RouterOutputs["admin"]["clientUsers"]["list"][number];

const INVITE = "client-invite";

/** Who of the client may sign in to the dashboard: invite (the owner first), reset a password, disable. */
export function ClientUsers({ contractId, invitingOwner }: { contractId: string; invitingOwner: boolean }) {
  const t = useText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const users = useQuery(trpc.admin.clientUsers.list.queryOptions({ contractId }));
  const errors = useFieldErrors(INVITE);
  const [refusal, setRefusal] = useState<AppError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation(trpc.admin.clientUsers.create.mutationOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.clientUsers.list.queryKey({ contractId }) });
  const hasOwner = users.data?.some((u) => u.clientRole === "owner") ?? false;

  async function invite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    setRefusal(null);
    setDone(null);
    const input = errors.check(clientUserInputSchema, {
      email: form.get("email"),
      displayName: form.get("displayName"),
      password: form.get("password"),
      clientRole: hasOwner ? "member" : "owner",
      locale: "ja",
    });
    if (!input) return;
    try {
      const user = await create.mutateAsync({ ...input, contractId });
      element.reset();
      await refresh();
      setDone(t(m.invited, { name: user.displayName }));
    } catch (error) {
      setRefusal(errors.fromServer(error));
    }
  }

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
      <form onSubmit={invite} onInput={clearOnInput(errors)} noValidate className="admin__form" aria-labelledby="client-invite-title">
        <h3 id="client-invite-title">{t(hasOwner ? m.inviteMember : m.inviteOwner)}</h3>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${INVITE}-displayName`}>{t(fieldLabel("displayName"))}</label>
            <input id={`${INVITE}-displayName`} type="text" name="displayName" autoComplete="off" autoFocus={invitingOwner && !hasOwner} {...errors.inputProps("displayName")} />
            <FieldErrorText form={INVITE} path="displayName" errors={errors} />
          </div>
          <div className="field">
            <label htmlFor={`${INVITE}-email`}>{t(fieldLabel("email"))}</label>
            <input id={`${INVITE}-email`} name="email" type="email" autoComplete="off" {...errors.inputProps("email")} />
            <FieldErrorText form={INVITE} path="email" errors={errors} />
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${INVITE}-password`}>{t(m.firstPassword)}</label>
          <p className="field-hint">{t(m.firstPasswordHint)}</p>
          <input id={`${INVITE}-password`} name="password" type="text" autoComplete="new-password" {...errors.inputProps("password")} />
          <FieldErrorText form={INVITE} path="password" errors={errors} />
        </div>
        <FormRefusal error={refusal} />
        {done && <Done>{done}</Done>}
        <div className="admin__actions">
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {t(m.invite)}
          </button>
        </div>
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
