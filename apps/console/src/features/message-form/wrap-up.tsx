import { useEffect, useRef } from "react";
import { useText } from "@uketsuke/web";
import { messages } from "../../messages.ts";
import { ShortcutKeys } from "../../ui/kbd.tsx";
import { keysOf, useShortcut } from "../../ui/shortcuts.ts";
import type { Saved } from "./draft.ts";

/** After saving: who gets the report, then end the call and take the next one. */
export function WrapUp({ saved, ended, busy, onEnd, onNext }: { saved: Saved; ended: boolean; busy: boolean; onEnd: () => void; onNext: () => void }) {
  const t = useText();
  const heading = useRef<HTMLHeadingElement>(null);
  useShortcut("endCall", onEnd, !ended);
  useShortcut("answerOldest", onNext);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="wrap-up" aria-labelledby="wrap-up-title" data-wrap-up>
      <h2 id="wrap-up-title" ref={heading} tabIndex={-1}>
        <span aria-hidden="true">✓ </span>
        {t(messages.savedTitle)}
      </h2>
      <p data-saved-to>{t(messages.savedTo, { name: saved.routedTo })}</p>
      {saved.callbackId && <p>{t(messages.savedCallback)}</p>}
      {ended && <p role="status">{t(messages.callEnded)}</p>}
      <div className="form-actions">
        {!ended && (
          <button type="button" className="button" aria-keyshortcuts={keysOf("endCall")} onClick={onEnd} disabled={busy}>
            {t(messages.endCall)} <ShortcutKeys id="endCall" />
          </button>
        )}
        <button type="button" className="button button--primary" aria-keyshortcuts={keysOf("answerOldest")} onClick={onNext} disabled={busy}>
          {t(messages.nextCall)} <ShortcutKeys id="answerOldest" />
        </button>
      </div>
    </section>
  );
}
