import { lazy, Suspense } from "react";
import { useSession, useSignOut, useText, webMessages } from "@uketsuke/web";
import { messages } from "./messages.ts";
import { AnnouncerProvider } from "./ui/announcer.tsx";
import { Shell } from "./ui/shell.tsx";

// Signed-in operators (most page loads) never need the sign-in form or its schema code.
const SignInPage = lazy(() => import("./features/sign-in/sign-in-page.tsx"));

/** Signed out: the sign-in form. A client's account: a pointer to the dashboard. Staff: the desk. */
export function App() {
  const t = useText();
  const session = useSession();
  const { signOut } = useSignOut();

  if (session.status === "loading") {
    return <p className="page-loading">{t(messages.loading)}</p>;
  }
  if (session.status === "error") {
    return (
      <main className="page" id="main">
        <p role="alert">{t(messages.unreachable)}</p>
        <button type="button" className="button" onClick={session.retry}>
          {t(messages.retry)}
        </button>
      </main>
    );
  }
  if (session.status === "signed-out") {
    return (
      <Suspense fallback={<p className="page-loading">{t(messages.loading)}</p>}>
        <SignInPage />
      </Suspense>
    );
  }
  if (session.me.user.role === "client") {
    return (
      <main id="main" className="page">
        <h1>{t(messages.appTitle)}</h1>
        <p>{t(messages.staffOnly)}</p>
        <p>
          <a href="/">{t(messages.toDashboard)}</a>
        </p>
        <button type="button" className="button" onClick={() => void signOut()}>
          {t(webMessages.signOut)}
        </button>
      </main>
    );
  }
  return (
    <AnnouncerProvider>
      <Shell session={session} />
    </AnnouncerProvider>
  );
}
