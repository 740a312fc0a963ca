import { lazy, Suspense, useEffect, useState } from "react";
import { Navigate, Route, Routes, useParams } from "react-router";
import { LiveBanner, useText, type SignedInSession } from "@uketsuke/web";
import { AppHeader } from "../features/header/app-header.tsx";
import type CallPageType from "../features/screen-pop/call-page.tsx";
import { QueuePanel } from "../features/queue/queue-panel.tsx";
import { useQueue } from "../features/queue/use-queue.ts";
import { messages } from "../messages.ts";
import { ShortcutKeys } from "./kbd.tsx";
import { ShortcutOverlay } from "./shortcut-overlay.tsx";
import { useShortcut, useShortcutListener } from "./shortcuts.ts";

// The first screen is the queue; the call's page loads in the background right after it, so
// answering never waits for code.
let loadedCallPage: typeof CallPageType | undefined;
const loadCallPage = () =>
  import("../features/screen-pop/call-page.tsx").then((m) => {
    loadedCallPage = m.default;
    return m;
  });
const LazyCallPage = lazy(loadCallPage);
const RulesPanel = lazy(() => import("../features/rules/rules-panel.tsx"));
const ManualCallDialog = lazy(() => import("../features/queue/manual-call-dialog.tsx"));
const SupervisorDesk = lazy(() => import("../features/admin/admin-desk.tsx"));

function Idle() {
  const t = useText();
  return (
    <main id="main" className="call call--idle" tabIndex={-1}>
      <h1>{t(messages.idleTitle)}</h1>
      <p>{t(messages.idleHint)}</p>
      <p>
        <ShortcutKeys id="answerOldest" /> {t(messages.idleAnswer)}
      </p>
    </main>
  );
}

function CallRoute() {
  const { callId = "" } = useParams();
  // Once loaded, rendered directly: React.lazy would suspend for a tick on first render even
  // with the module at hand, and the screen pop is on the clock.
  const CallPage = loadedCallPage ?? LazyCallPage;
  // A fresh page per call: no state of the previous call can leak into the next.
  return <CallPage key={callId} callId={callId} />;
}

export function Shell({ session }: { session: SignedInSession }) {
  const t = useText();
  useShortcutListener();
  const queue = useQueue(session.me.user.id);
  const [manual, setManual] = useState(false);
  const [rules, setRules] = useState(false);
  const [help, setHelp] = useState(false);
  useShortcut("rules", () => setRules(true));
  useShortcut("help", () => setHelp(true));

  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 200));
    idle(() => void loadCallPage());
  }, []);

  return (
    <>
      <a href="#main" className="skip-link">
        {t(messages.skipToMain)}
      </a>
      <AppHeader session={session} live={queue.live} onRules={() => setRules(true)} onHelp={() => setHelp(true)} />
      <LiveBanner status={queue.live} />
      <div className="desk">
        <aside className="desk__queue" aria-label={t(messages.queueTitle)}>
          <QueuePanel items={queue.items} pending={queue.pending} onOpenManual={() => setManual(true)} />
        </aside>
        <Suspense fallback={<p className="page-loading">{t(messages.loading)}</p>}>
          <Routes>
            <Route path="/" element={<Idle />} />
            <Route path="/calls/:callId" element={<CallRoute />} />
            <Route path="/supervisor/*" element={session.me.user.role === "supervisor" ? <SupervisorDesk /> : <Navigate to="/" replace />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Suspense>
      </div>
      {manual && (
        <Suspense fallback={null}>
          <ManualCallDialog open={manual} onClose={() => setManual(false)} />
        </Suspense>
      )}
      <ShortcutOverlay open={help} onClose={() => setHelp(false)} />
      {rules && (
        <Suspense fallback={null}>
          <RulesPanel open={rules} onClose={() => setRules(false)} />
        </Suspense>
      )}
    </>
  );
}
