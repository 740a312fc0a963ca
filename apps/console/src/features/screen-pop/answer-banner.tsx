import { formatPhoneNumber, type LocalizedText } from "@uketsuke/domain";
import { useText } from "@uketsuke/web";
import { messages } from "../../messages.ts";
import { formatDuration, useServerNow } from "../../ui/clock.ts";

function OnCallFor({ since }: { since: string }) {
  const now = useServerNow();
  return <span className="tabular">{formatDuration(now - Date.parse(since))}</span>;
}

/**
 * The first thing the operator says, in large type: the contract's one answer name (R10).
 * It is Japanese whatever the interface language, because that is what the caller hears.
 */
export function AnswerBanner({ answerName, phrase, fromNumber, answeredAt, ended }: { answerName: string; phrase: LocalizedText; fromNumber: string; answeredAt: string | null; ended: boolean }) {
  const t = useText();
  return (
    <header className="answer-banner">
      <h1 className="answer-banner__title">{t(messages.callTitle, { answerName })}</h1>
      <p className="answer-banner__label">{t(messages.answerPhrase)}</p>
      <p className="answer-phrase" lang="ja" data-answer-phrase>
        {phrase.ja}
      </p>
      <dl className="answer-banner__meta">
        <div>
          <dt>{t(messages.callerNumber)}</dt>
          <dd className="tabular">{fromNumber ? formatPhoneNumber(fromNumber) : t(messages.numberWithheld)}</dd>
        </div>
        {answeredAt && !ended && (
          <div>
            <dt>{t(messages.onCallFor)}</dt>
            <dd>
              <OnCallFor since={answeredAt} />
            </dd>
          </div>
        )}
      </dl>
    </header>
  );
}
