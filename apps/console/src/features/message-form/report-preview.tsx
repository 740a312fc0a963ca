import { useEffect, useRef } from "react";
import { RuleNotice, useText, type AppError } from "@uketsuke/web";
import { messages } from "../../messages.ts";
import { ShortcutKeys } from "../../ui/kbd.tsx";
import { keysOf, useShortcut } from "../../ui/shortcuts.ts";

export type PreviewMail = { readonly subject: string; readonly from: string; readonly to: readonly string[]; readonly text: string };

/**
 * The report exactly as it will be mailed — the fixed subject (R1), the operator's sender (R2),
 * the routed recipient (R7) and the body the domain composed — for one last look before saving.
 */
export function ReportPreview({ mail, saving, refusal, onEdit, onSave }: { mail: PreviewMail; saving: boolean; refusal: AppError | "unreachable" | null; onEdit: () => void; onSave: () => void }) {
  const t = useText();
  const heading = useRef<HTMLHeadingElement>(null);
  useShortcut("save", onSave);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section
      className="report-preview"
      aria-labelledby="report-preview-title"
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onEdit();
        }
      }}
    >
      <h2 id="report-preview-title" ref={heading} tabIndex={-1}>
        {t(messages.previewTitle)}
      </h2>
      <dl className="mail-headers">
        <dt>{t(messages.subject)}</dt>
        <dd data-preview="subject">{mail.subject}</dd>
        <dt>{t(messages.from)}</dt>
        <dd data-preview="from">{mail.from}</dd>
        <dt>{t(messages.to)}</dt>
        <dd data-preview="to">{mail.to.join(", ")}</dd>
      </dl>
      <pre className="mail-body" lang="ja" data-preview="body" tabIndex={0} aria-label={t(messages.body)}>
        {mail.text}
      </pre>
      <div role="alert" className="form-alert">
        {refusal === "unreachable" && <p>{t(messages.unreachable)}</p>}
        {refusal && refusal !== "unreachable" && <RuleNotice rule={refusal.rule} text={refusal.text} />}
      </div>
      <div className="form-actions">
        <button type="button" className="button" onClick={onEdit}>
          {t(messages.edit)} <kbd aria-hidden="true">Esc</kbd>
        </button>
        <button type="button" className="button button--primary" aria-keyshortcuts={keysOf("save")} onClick={onSave} disabled={saving}>
          {t(saving ? messages.saving : messages.save)} <ShortcutKeys id="save" />
        </button>
      </div>
    </section>
  );
}
