import { useState, type FormEvent } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { enumLabel, fieldLabel, formatJst, invitationAcceptSchema, message } from "@uketsuke/domain";
import { appErrorOf, FieldErrorText, RuleNotice, useFieldErrors, useLocale, useText, useTRPC, webMessages } from "@uketsuke/web";
import { LanguageBar } from "../../ui/language-bar.tsx";
import { RefusalAlert, type Refusal } from "../../ui/refusal.tsx";
import { Loading } from "../../ui/status.tsx";
import { usePageTitle } from "../../ui/use-page-title.ts";
import { acceptMessages as a } from "./accept-messages.ts";

const FORM = "accept";

/**
 * What an invitation link opens, signed in or not: who invites whom, then the invitee's own
 * password. Accepting signs them in; the page then goes to their app (staff to the console).
 */
export default function AcceptInvitationPage({ token }: { token: string }) {
  const t = useText();
  const { locale } = useLocale();
  const trpc = useTRPC();
  usePageTitle(a.title);
  // A link is tried once: a refusal (used, expired) will not change by asking again.
  const invitation = useQuery({ ...trpc.invitations.inspect.queryOptions({ token }), retry: false, staleTime: Infinity });
  const accept = useMutation(trpc.invitations.accept.mutationOptions());
  const errors = useFieldErrors(FORM);
  const [refusal, setRefusal] = useState<Refusal>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setRefusal(null);
    const form = new FormData(event.currentTarget);
    const input = errors.check(invitationAcceptSchema, { token, password: form.get("password"), displayName: form.get("displayName") });
    if (!input) return;
    try {
      const accepted = await accept.mutateAsync(input);
      // A whole new page: nothing cached for whoever used this browser before survives.
      window.location.assign(accepted.home);
    } catch (error) {
      const app = errors.fromServer(error);
      setRefusal(app ? (app.fields.length === 0 ? app : null) : "unreachable");
    }
  }

  const invalid = invitation.isError ? (appErrorOf(invitation.error) ?? "unreachable") : null;
  const data = invitation.data;
  return (
    <>
      <LanguageBar />
      <main id="main">
        {invalid ? (
          <section className="sign-in" aria-labelledby="accept-title">
            <h1 id="accept-title">{t(a.title)}</h1>
            <div role="alert">
              {/* A malformed link is a field error on the token: to the invitee it is the same bad link. */}
              {invalid === "unreachable" ? <p>{t(webMessages.unreachable)}</p> : <RuleNotice rule={invalid.rule} text={invalid.fields.some((f) => f.path === "token") ? message("INVITATION_INVALID") : invalid.text} />}
            </div>
            <p>
              <a href="/">{t(a.toSignIn)}</a>
            </p>
          </section>
        ) : !data ? (
          <Loading />
        ) : (
          <form className="sign-in" onSubmit={submit} noValidate aria-labelledby="accept-title">
            <h1 id="accept-title">{t(a.title)}</h1>
            <p>{data.invitedByName ? t(a.invitedBy, { company: data.company, name: data.invitedByName }) : t(a.invitedByCompany, { company: data.company })}</p>
            <p>
              {t(fieldLabel("email"))}: <span className="mono">{data.email}</span>
              <br />
              {t(a.role, { role: t(data.clientRole ? enumLabel("clientRole", data.clientRole) : enumLabel("role", data.role)) })}
            </p>
            <p className="field-hint">{t(a.expires, { at: formatJst(new Date(data.expiresAt))[locale] })}</p>
            {/* For password managers: the account this password belongs to. */}
            <input type="email" name="username" autoComplete="username" value={data.email} readOnly hidden />
            <div className="field">
              <label htmlFor={`${FORM}-displayName`}>{t(fieldLabel("displayName"))}</label>
              <input id={`${FORM}-displayName`} name="displayName" type="text" autoComplete="name" defaultValue={data.displayName} {...errors.inputProps("displayName")} />
              <FieldErrorText form={FORM} path="displayName" errors={errors} />
            </div>
            <div className="field">
              <label htmlFor={`${FORM}-password`}>{t(a.newPassword)}</label>
              <p className="field-hint" id={`${FORM}-password-hint`}>
                {t(a.passwordHint)}
              </p>
              <input id={`${FORM}-password`} name="password" type="password" autoComplete="new-password" required autoFocus {...errors.inputProps("password")} />
              <FieldErrorText form={FORM} path="password" errors={errors} />
            </div>
            <RefusalAlert refusal={refusal} />
            <button type="submit" className="button button--primary" disabled={accept.isPending}>
              {t(accept.isPending ? a.submitting : a.submit)}
            </button>
          </form>
        )}
      </main>
    </>
  );
}
