import { SignInForm, useText } from "@uketsuke/web";
import { m } from "../messages.ts";
import { LanguageBar } from "./language-bar.tsx";

/**
 * Signing in, loaded only when no one is signed in: its checks (the domain's schemas) stay out of
 * the JavaScript a signed-in person's home page waits for.
 */
export default function SignInScreen() {
  const t = useText();
  return (
    <>
      <LanguageBar />
      <main id="main">
        <SignInForm title={m.signInTitle}>
          <p className="sign-in__lead">{t(m.signInLead)}</p>
        </SignInForm>
      </main>
    </>
  );
}
