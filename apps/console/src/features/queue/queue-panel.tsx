import { useLayoutEffect, useRef, useState } from "react";
import { RuleNotice, useText } from "@uketsuke/web";
import { messages } from "../../messages.ts";
import { ShortcutKeys } from "../../ui/kbd.tsx";
import { usePhoneFormat } from "../../ui/phone.ts";
import { keysOf, useShortcut } from "../../ui/shortcuts.ts";
import type { QueueItem } from "./queue-events.ts";
import { RingTimer } from "./ring-timer.tsx";
import { useAnswer } from "./use-answer.ts";

type Props = { items: readonly QueueItem[]; pending: boolean; onOpenManual: () => void };

/**
 * Ringing calls, oldest first. Rows come and go as other operators answer; if the row that had
 * the focus goes, the focus moves to the row now in its place (or the heading), never to
 * nowhere.
 */
export function QueuePanel({ items, pending, onOpenManual }: Props) {
  const t = useText();
  const { answer, answering, refusal, dismiss } = useAnswer();
  const displayNumber = usePhoneFormat();
  const listRef = useRef<HTMLOListElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [focused, setFocused] = useState<{ id: string; index: number } | null>(null);

  useShortcut("answerOldest", () => {
    const oldest = items[0];
    if (oldest) void answer(oldest.id);
  });
  useShortcut("openManual", onOpenManual);

  useLayoutEffect(() => {
    if (!focused || items.some((i) => i.id === focused.id)) return;
    if (document.activeElement && document.activeElement !== document.body) return;
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>("button[data-answer]");
    const next = buttons?.[Math.min(focused.index, buttons.length - 1)];
    (next ?? headingRef.current)?.focus();
  }, [items, focused]);

  return (
    <section className="queue" aria-labelledby="queue-title">
      <h2 id="queue-title" ref={headingRef} tabIndex={-1} className="queue__title">
        {t(messages.queueTitle)} <span className="count-badge tabular">{t(messages.queueCount, { count: items.length })}</span>
      </h2>
      <div role="alert" className="queue__alert">
        {refusal && (
          <div className="dismissable">
            {refusal === "unreachable" ? <p>{t(messages.unreachable)}</p> : <RuleNotice rule={refusal.rule} text={refusal.text} />}
            <button type="button" className="button button--quiet" onClick={dismiss}>
              {t(messages.close)}
            </button>
          </div>
        )}
      </div>
      {pending ? (
        <p className="muted">{t(messages.loading)}</p>
      ) : items.length === 0 ? (
        <p className="queue__empty muted">{t(messages.queueEmpty)}</p>
      ) : (
        <ol className="queue__list" ref={listRef}>
          {items.map((item, index) => {
            const number = displayNumber(item.fromNumber, t(messages.numberWithheld));
            return (
              <li key={item.id} className="queue-row" data-call-id={item.id}>
                <span className="queue-row__name">{item.answerName}</span>
                <div className="queue-row__line">
                  <div className="queue-row__details">
                    <span className="queue-row__number tabular">{number}</span>
                    <RingTimer ringAt={item.ringAt} />
                  </div>
                  <button
                  type="button"
                  data-answer
                  className="button button--primary queue-row__answer"
                  aria-keyshortcuts={index === 0 ? keysOf("answerOldest") : undefined}
                  onFocus={() => setFocused({ id: item.id, index })}
                  onClick={() => void answer(item.id)}
                >
                  {answering === item.id ? t(messages.answering) : t(messages.answer)}
                  <span className="visually-hidden">
                    : {item.answerName} {number}
                  </span>
                  {index === 0 && <ShortcutKeys id="answerOldest" />}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <button type="button" className="button queue__manual" aria-keyshortcuts={keysOf("openManual")} onClick={onOpenManual}>
        {t(messages.openManual)} <ShortcutKeys id="openManual" />
      </button>
    </section>
  );
}
