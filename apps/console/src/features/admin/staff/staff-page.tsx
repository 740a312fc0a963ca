import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@uketsuke/api";
import { enumLabel, enumOptions, fieldLabel, staffInputSchema } from "@uketsuke/domain";
import { FieldErrorText, useFieldErrors, useSession, useText, useTRPC, type AppError } from "@uketsuke/web";
import { useDesk } from "../../header/use-desk.ts";
import { deskMessages as m } from "../messages.ts";
import { clearOnInput, Done, FormRefusal, QueryView, useDeskTitle } from "../ui.tsx";

type StaffMember = RouterOutputs["admin"]["staff"]["list"][number];

const FORM = "staff-new";

/** Operators and supervisors, each with the mailbox their reports are sent from (R2). */
export default function StaffPage() {
  const t = useText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const title = useDeskTitle(m.staffTitle);
  const staff = useQuery(trpc.admin.staff.list.queryOptions());
  // The agency's domain, from this supervisor's own sender address: the part after "@" never changes.
  const domain = useDesk().data?.sender.split("@")[1] ?? "";
  const errors = useFieldErrors(FORM);
  const [refusal, setRefusal] = useState<AppError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation(trpc.admin.staff.create.mutationOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.staff.list.queryKey() });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    setRefusal(null);
    setDone(null);
    const input = errors.check(staffInputSchema, {
      email: form.get("email"),
      displayName: form.get("displayName"),
      password: form.get("password"),
      mailbox: form.get("mailbox"),
      role: form.get("role"),
      locale: "ja",
    });
    if (!input) return;
    try {
      const user = await create.mutateAsync(input);
      element.reset();
      await refresh();
      setDone(t(m.staffCreated, { name: user.displayName }));
    } catch (error) {
      setRefusal(errors.fromServer(error));
    }
  }

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
      <form onSubmit={submit} onInput={clearOnInput(errors)} noValidate className="panel admin__form" aria-labelledby="staff-new-title">
        <h2 id="staff-new-title">{t(m.staffNew)}</h2>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${FORM}-displayName`}>{t(fieldLabel("displayName"))}</label>
            <input id={`${FORM}-displayName`} type="text" name="displayName" autoComplete="off" {...errors.inputProps("displayName")} />
            <FieldErrorText form={FORM} path="displayName" errors={errors} />
          </div>
          <div className="field">
            <label htmlFor={`${FORM}-email`}>{t(fieldLabel("email"))}</label>
            <input id={`${FORM}-email`} name="email" type="email" autoComplete="off" {...errors.inputProps("email")} />
            <FieldErrorText form={FORM} path="email" errors={errors} />
          </div>
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
        <div className="field">
          <label htmlFor={`${FORM}-password`}>{t(m.firstPassword)}</label>
          <p className="field-hint">{t(m.firstPasswordHint)}</p>
          <input id={`${FORM}-password`} name="password" type="text" autoComplete="new-password" {...errors.inputProps("password")} />
          <FieldErrorText form={FORM} path="password" errors={errors} />
        </div>
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
        <FormRefusal error={refusal} />
        {done && <Done>{done}</Done>}
        <div className="admin__actions">
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {t(m.staffCreate)}
          </button>
        </div>
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
