import { useState, type FormEvent, type ReactNode } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fieldLabel, loginInputSchema, type LocalizedText } from "@uketsuke/domain";
import type { AppError } from "./errors.ts";
import { FieldErrorText, useFieldErrors } from "./field-errors.tsx";
import { useText } from "./locale.tsx";
import { webMessages } from "./messages.ts";
import { RuleNotice } from "./rule-notice.tsx";
import { startFreshSession } from "./session.tsx";
import { useTRPC } from "./trpc.ts";

const FORM = "sign-in";

/**
 * Email and password, checked with the server's own schema first; a refusal (wrong password,
 * throttled) is the catalogue's sentence in the chosen language.
 */
export function SignInForm({ title, children }: { title?: LocalizedText; children?: ReactNode }) {
  const t = useText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errors = useFieldErrors(FORM);
  const [refusal, setRefusal] = useState<AppError | "unreachable" | null>(null);
  const login = useMutation(trpc.auth.login.mutationOptions());

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = errors.check(loginInputSchema, { email: form.get("email"), password: form.get("password") });
    setRefusal(null);
    if (!input) return;
    try {
      await login.mutateAsync(input);
      await startFreshSession(queryClient);
    } catch (error) {
      const app = errors.fromServer(error);
      setRefusal(app && app.fields.length === 0 ? app : app ? null : "unreachable");
    }
  }

  return (
    <form className="sign-in" onSubmit={submit} noValidate aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t(title ?? webMessages.signInTitle)}</h1>
      {children}
      <div className="field">
        <label htmlFor="sign-in-email">{t(fieldLabel("email"))}</label>
        <input id="sign-in-email" name="email" type="email" autoComplete="username" required autoFocus {...errors.inputProps("email")} />
        <FieldErrorText form={FORM} path="email" errors={errors} />
      </div>
      <div className="field">
        <label htmlFor="sign-in-password">{t(fieldLabel("password"))}</label>
        <input id="sign-in-password" name="password" type="password" autoComplete="current-password" required {...errors.inputProps("password")} />
        <FieldErrorText form={FORM} path="password" errors={errors} />
      </div>
      <div role="alert" className="form-alert">
        {refusal === "unreachable" && <p>{t(webMessages.unreachable)}</p>}
        {refusal && refusal !== "unreachable" && <RuleNotice rule={refusal.rule} text={refusal.text} />}
      </div>
      <button type="submit" className="button button--primary" disabled={login.isPending}>
        {t(login.isPending ? webMessages.signingIn : webMessages.signIn)}
      </button>
    </form>
  );
}
