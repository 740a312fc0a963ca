import { LanguageSwitch, SignInForm } from "@uketsuke/web";
import { messages } from "../../messages.ts";

export default function SignInPage() {
  return (
    <main id="main" className="sign-in-page">
      <div className="sign-in-page__language">
        <LanguageSwitch />
      </div>
      <SignInForm title={messages.appTitle} />
    </main>
  );
}
