import { Link } from "react-router";
import { useText, type LocalizedText } from "@uketsuke/web";
import type { RouterOutputs } from "@uketsuke/api";
import { m } from "../../messages.ts";
import { shortTime } from "../../ui/format.ts";
import { urgencyLabel, urgencyOf, waitedText } from "./urgency.ts";
import { useWaitedMinutes } from "./use-callbacks.ts";

export type OpenCallback = RouterOutputs["callbacks"]["listOpen"][number];

/**
 * One waiting caller: how long they have waited (in words and colour), who, the number to call
 * (a tel: link, so a phone dials it), and the button that ends the reminders.
 */
export function CallbackCard({
  callback,
  fetchedAt,
  onDone,
  pending,
  error,
}: {
  callback: OpenCallback;
  fetchedAt: number;
  onDone: () => void;
  pending: boolean;
  error: LocalizedText | null;
}) {
  const t = useText();
  const waited = useWaitedMinutes(callback.ageMinutes, fetchedAt);
  const urgency = urgencyOf(waited);
  const titleId = `callback-${callback.id}-title`;
  return (
    <li className={`callback callback--${urgency}`} data-testid="callback" data-callback-id={callback.id} aria-labelledby={titleId}>
      <div className="callback__age">
        <span className="callback__urgency">{t(urgencyLabel[urgency])}</span>
        <span className="callback__waited" data-testid="callback-age">
          {t(m.waitedFor, { age: t(waitedText(waited)) })}
        </span>
      </div>
      <div className="callback__body">
        <h3 id={titleId} className="callback__who">
          {t(callback.fromWhom)}
        </h3>
        {callback.callbackNumber && (
          <p className="callback__number">
            <a href={`tel:${callback.callbackNumber}`} className="tel-link">
              <span aria-hidden="true">☎ </span>
              {callback.callbackNumberDisplay}
            </a>
          </p>
        )}
        <p className="callback__message">{callback.message}</p>
        <p className="callback__meta">
          {t(m.receivedAt, { at: t(shortTime(callback.receivedAt)) })} · {t(m.reportedTo, { name: callback.routedName })} ·{" "}
          <Link to={`/reports/${callback.reportId}`}>{t(m.openReport)}</Link>
        </p>
        {error && (
          <p role="alert" className="field-error">
            {t(error)}
          </p>
        )}
      </div>
      <div className="callback__actions">
        <button type="button" className="button button--primary" onClick={onDone} disabled={pending} data-testid="mark-done">
          {t(pending ? m.markingDone : m.markDone)}
        </button>
      </div>
    </li>
  );
}
