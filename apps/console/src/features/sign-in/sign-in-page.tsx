import { LanguageSwitch, SignInForm, useText } from "@uketsuke/web";
import { messages } from "../../messages.ts";

export default function SignInPage() {
  const t = useText();
  return (
    <main id="main" className="sign-in-page">
      <div className="sign-in-page__language">
        <LanguageSwitch />
      </div>
      <SignInForm title={messages.signInTitle}>
        <p className="muted">{t(messages.appTitle)}</p>
      </SignInForm>
    </main>
  );
}
