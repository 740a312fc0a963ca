import { lazy, Suspense } from "react";
import { Route, Routes, useMatch } from "react-router";
import { useSession, useText } from "@uketsuke/web";
import { HomePage } from "./features/home/home-page.tsx";
import { m } from "./messages.ts";
import { AppShell } from "./ui/app-shell.tsx";
import { Loading, LoadFailed } from "./ui/status.tsx";
import { NotFoundPage } from "./ui/not-found.tsx";

// The first screen (home) is in the entry chunk; every other page loads when first visited.
const SignInScreen = lazy(() => import("./ui/sign-in-screen.tsx"));
const ReportsPage = lazy(() => import("./features/reports/reports-page.tsx"));
const ReportDetailPage = lazy(() => import("./features/reports/report-detail-page.tsx"));
const RosterPage = lazy(() => import("./features/roster/roster-page.tsx"));
const WrongNumbersPage = lazy(() => import("./features/wrong-numbers/wrong-numbers-page.tsx"));
const ContractPage = lazy(() => import("./features/contract/contract-page.tsx"));
const RulesPage = lazy(() => import("./features/rules/rules-page.tsx"));
const FiguresPage = lazy(() => import("./features/figures/figures-page.tsx"));
const UsersPage = lazy(() => import("./features/users/users-page.tsx"));
const AcceptInvitationPage = lazy(() => import("./features/invitations/accept-page.tsx"));

export function App() {
  const session = useSession();
  // An invitation link opens its page whoever is (or is not) signed in on this browser.
  const invitation = useMatch("/invite/:token");
  if (invitation) {
    return (
      <Suspense fallback={<Loading />}>
        <AcceptInvitationPage token={invitation.params.token ?? ""} />
      </Suspense>
    );
  }
  if (session.status === "loading") return <Loading />;
  if (session.status === "error") return <LoadFailed retry={session.retry} />;
  if (session.status === "signed-out") {
    return (
      <Suspense fallback={<Loading />}>
        <SignInScreen />
      </Suspense>
    );
  }
  // Staff accounts belong in the console; the dashboard is the client's.
  if (session.me.user.role !== "client") return <StaffElsewhere />;
  return (
    <AppShell me={session.me}>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route index element={<HomePage />} />
          <Route path="reports" element={<ReportsPage />} />
          <Route path="reports/:id" element={<ReportDetailPage />} />
          <Route path="roster" element={<RosterPage />} />
          <Route path="wrong-numbers" element={<WrongNumbersPage />} />
          <Route path="contract" element={<ContractPage />} />
          <Route path="rules" element={<RulesPage />} />
          <Route path="figures" element={<FiguresPage />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </AppShell>
  );
}

function StaffElsewhere() {
  const t = useText();
  return (
    <main id="main" className="page page--narrow">
      <h1>{t(m.staffElsewhereTitle)}</h1>
      <p>{t(m.staffElsewhere)}</p>
      <p>
        <a href="/console/">{t(m.openConsole)}</a>
      </p>
    </main>
  );
}
