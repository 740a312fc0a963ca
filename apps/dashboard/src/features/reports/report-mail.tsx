import { useText } from "@uketsuke/web";
import type { RouterOutputs } from "@uketsuke/api";
import { m } from "../../messages.ts";

export type ReportDetail = RouterOutputs["reports"]["get"];

/**
 * The mail as it went out: its headers and its text, character for character (the text part
 * is what every mail client shows), so the client can compare it with their inbox.
 */
export function ReportMail({ report }: { report: ReportDetail }) {
  const t = useText();
  return (
    <section className="panel report-mail" aria-labelledby="report-mail-title">
      <h2 id="report-mail-title">{t(m.mailAsSent)}</h2>
      <dl className="mail-headers">
        <div>
          <dt>{t(m.mailSubject)}</dt>
          <dd data-testid="mail-subject">{report.subject}</dd>
        </div>
        {report.mail && (
          <div>
            <dt>{t(m.mailFrom)}</dt>
            <dd className="mono">{report.mail.from}</dd>
          </div>
        )}
        <div>
          <dt>{t(m.mailTo)}</dt>
          <dd className="mono" data-testid="mail-to">
            {report.mail ? report.mail.to.join(", ") : report.routedAddress}
          </dd>
        </div>
      </dl>
      <pre className="mail-body" data-testid="mail-body" lang="ja" tabIndex={0} aria-label={t(m.mailBody)}>
        {report.bodyText}
      </pre>
    </section>
  );
}
