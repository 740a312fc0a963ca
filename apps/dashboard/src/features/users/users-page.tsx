import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { clientUserInputSchema, enumLabel, enumOptions, fieldLabel, INVITATION_TTL_DAYS } from "@uketsuke/domain";
import { FieldErrorText, InvitationList, invitationMessages, InviteeFields, useFieldErrors, useSession, useText, useTRPC } from "@uketsuke/web";
import { m } from "../../messages.ts";
import { LoadFailed, Loading } from "../../ui/status.tsx";
import { type Refusal, RefusalAlert, refusalOf } from "../../ui/refusal.tsx";
import { usePageTitle } from "../../ui/use-page-title.ts";
import { NotFoundPage } from "../../ui/not-found.tsx";

const FORM = "user-form";

/**
 * The owner decides who of the client may sign in, and as owner or member. Adding someone sends
 * an invitation: the person sets their own password through the link (issue 7).
 */
export default function UsersPage() {
  const t = useText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  usePageTitle(m.navUsers);
  const session = useSession();
  const users = useQuery(trpc.users.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
  const add = useMutation(trpc.users.add.mutationOptions({ onSuccess: refresh }));
  const isOwner = session.status === "signed-in" && session.me.user.clientRole === "owner";
  const invitations = useQuery({ ...trpc.users.invitations.queryOptions(), enabled: isOwner });
  const resend = useMutation(trpc.users.resendInvitation.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.users.revokeInvitation.mutationOptions({ onSuccess: refresh }));
  const setDisabled = useMutation(trpc.users.setDisabled.mutationOptions({ onSuccess: refresh }));
  const errors = useFieldErrors(FORM);
  const [refusal, setRefusal] = useState<Refusal>(null);
  const [added, setAdded] = useState<string | null>(null);
  if (session.status !== "signed-in") return null;
  if (session.me.user.clientRole !== "owner") return <NotFoundPage />;
  const myId = session.me.user.id;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setRefusal(null);
    setAdded(null);
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const input = errors.check(clientUserInputSchema, {
      email: form.get("email"),
      displayName: form.get("displayName"),
      clientRole: form.get("clientRole"),
      locale: form.get("locale"),
    });
    if (!input) return;
    try {
      const invitation = await add.mutateAsync(input);
      setAdded(invitation.email);
      formElement.reset();
    } catch (error) {
      const app = errors.fromServer(error);
      setRefusal(app ? (app.fields.length === 0 ? app : null) : "unreachable");
    }
  }

  async function toggle(id: string, disabled: boolean) {
    setRefusal(null);
    try {
      await setDisabled.mutateAsync({ id, disabled });
    } catch (error) {
      setRefusal(refusalOf(error));
    }
  }

  return (
    <div className="page">
      <h1>{t(m.navUsers)}</h1>
      <p className="page-lead">{t(m.usersLead)}</p>
      <RefusalAlert refusal={refusal} />
      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <LoadFailed error={users.error} retry={() => void users.refetch()} />
      ) : (
        <section className="panel" aria-labelledby="users-title">
          <h2 id="users-title">{t(m.usersTitle)}</h2>
          <ul className="cards" data-testid="users">
            {users.data.map((user) => (
              <li key={user.id} className={`card${user.disabledAt !== null ? " card--disabled" : ""}`}>
                <h3>
                  {user.displayName} {user.clientRole && <span className="tag">{t(enumLabel("clientRole", user.clientRole))}</span>}
                  {user.disabledAt !== null && <span className="tag">{t(fieldLabel("disabled"))}</span>}
                </h3>
                <p className="mono">{user.email}</p>
                {user.id !== myId && (
                  <div className="card__actions">
                    <button type="button" className="button" onClick={() => void toggle(user.id, user.disabledAt === null)}>
                      {t(user.disabledAt !== null ? m.enableUser : m.disableUser)}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {invitations.data && (
        <div className="panel">
          <InvitationList
            invitations={invitations.data.map((i) => ({ ...i, detail: i.clientRole ? t(enumLabel("clientRole", i.clientRole)) : undefined }))}
            resend={(id) => resend.mutateAsync({ id })}
            revoke={(id) => revoke.mutateAsync({ id })}
            classes={{ list: "cards", item: "card", badge: (status) => `tag${status === "expired" ? " tag--urgent" : ""}`, actions: "card__actions" }}
          />
        </div>
      )}
      <form className="panel" onSubmit={submit} noValidate aria-labelledby={`${FORM}-title`}>
        <h2 id={`${FORM}-title`}>{t(m.addUser)}</h2>
        <div className="form-grid">
          <InviteeFields form={FORM} errors={errors} />
          <div className="field">
            <label htmlFor={`${FORM}-role`}>{t(fieldLabel("clientRole"))}</label>
            <select id={`${FORM}-role`} name="clientRole" defaultValue="member" {...errors.inputProps("clientRole")}>
              {enumOptions("clientRole").map((option) => (
                <option key={option.value} value={option.value}>
                  {t(option.label)}
                </option>
              ))}
            </select>
            <FieldErrorText form={FORM} path="clientRole" errors={errors} />
          </div>
          <div className="field">
            <label htmlFor={`${FORM}-locale`}>{t(invitationMessages.inviteeLocale)}</label>
            <select id={`${FORM}-locale`} name="locale" defaultValue="ja" {...errors.inputProps("locale")}>
              {enumOptions("locale").map((option) => (
                <option key={option.value} value={option.value}>
                  {t(option.label)}
                </option>
              ))}
            </select>
            <FieldErrorText form={FORM} path="locale" errors={errors} />
          </div>
        </div>
        <p className="field-hint">{t(invitationMessages.noPassword, { days: INVITATION_TTL_DAYS })}</p>
        <div role="status" aria-live="polite">
          {added && <p className="ok-text">{t(invitationMessages.sentTo, { email: added })}</p>}
        </div>
        <button type="submit" className="button button--primary" disabled={add.isPending}>
          {t(add.isPending ? m.saving : m.addUser)}
        </button>
      </form>
    </div>
  );
}
