import { useText, type LocalizedText } from "@uketsuke/web";
import { m } from "../../messages.ts";
import { secondsTime } from "../../ui/format.ts";
import type { ReportDetail } from "./report-mail.tsx";

type Step = ReportDetail["timeline"][number];

const STEP: Record<Step["kind"], { label: LocalizedText; icon: string; tone: "ok" | "info" | "bad" | "wait" }> = {
  received: { label: m.stepReceived, icon: "☎", tone: "info" },
  queued: { label: m.stepQueued, icon: "✉", tone: "info" },
  delivered: { label: m.stepDelivered, icon: "✓", tone: "ok" },
  captured: { label: m.stepCaptured, icon: "✓", tone: "ok" },
  retrying: { label: m.stepRetrying, icon: "↻", tone: "wait" },
  failed: { label: m.stepFailed, icon: "✕", tone: "bad" },
  opened: { label: m.stepOpened, icon: "👁", tone: "ok" },
  reminded: { label: m.stepReminded, icon: "⏰", tone: "wait" },
  callback_done: { label: m.stepCallbackDone, icon: "✓", tone: "ok" },
};

/**
 * What happened to this report, in order: taken, mail queued, handed to the mail server (or
 * why not yet), first opened here and by whom. Times to the second: how fast the agency works
 * is the point.
 */
export function ReportTimeline({ timeline }: { timeline: ReportDetail["timeline"] }) {
  const t = useText();
  const opened = timeline.some((s) => s.kind === "opened");
  return (
    <section className="panel" aria-labelledby="timeline-title" data-testid="timeline">
      <h2 id="timeline-title">{t(m.timelineTitle)}</h2>
      <ol className="timeline">
        {timeline.map((step, i) => {
          const look = STEP[step.kind];
          return (
            <li key={`${step.kind}-${i}`} className={`timeline__step timeline__step--${look.tone}`} data-step={step.kind}>
              <span className="timeline__icon" aria-hidden="true">
                {look.icon}
              </span>
              <span className="timeline__what">
                <strong>{t(look.label)}</strong>
                {step.by && <span className="timeline__by"> {t(m.byPerson, { name: step.by })}</span>}
                {step.detail && <span className="timeline__detail">{step.detail}</span>}
              </span>
              <time className="timeline__when tabular" dateTime={step.at}>
                {t(secondsTime(step.at))}
              </time>
            </li>
          );
        })}
        {!opened && (
          <li className="timeline__step timeline__step--pending" data-step="not-opened">
            <span className="timeline__icon" aria-hidden="true">
              ○
            </span>
            <span className="timeline__what">{t(m.stepNotOpened)}</span>
          </li>
        )}
      </ol>
    </section>
  );
}
