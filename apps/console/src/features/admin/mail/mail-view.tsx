import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { enumLabel } from "@uketsuke/domain";
import { appErrorOf, useText, useTRPC, type AppError } from "@uketsuke/web";
import { deskMessages as m } from "../messages.ts";
import { deskPath, Done, FormRefusal, Instant, LoadFailed, Loading, useDeskTitle } from "../ui.tsx";
import { useRetry } from "./use-retry.ts";

/**
 * One mail as the client will see it: its headers, the HTML in a sandboxed frame (no script, no
 * form, no navigation, no same origin: `sandbox=""`; the console's policy keeps remote images
 * out), and the plain text beside it; with its delivery state.
 */
export default function MailView() {
  const t = useText();
  const trpc = useTRPC();
  const { id = "" } = useParams();
  // While the mail is on its way, look again every second: the page shows when it has gone.
  const mail = useQuery({
    ...trpc.admin.mail.outboxItem.queryOptions({ id }),
    refetchInterval: (query) => (query.state.data?.status === "pending" || query.state.data?.status === "sending" ? 1_000 : false),
  });
  useDeskTitle(m.mailViewTitle, { subject: mail.data?.subject ?? "…" });
  const retry = useRetry();
  const [done, setDone] = useState(false);
  const [refusal, setRefusal] = useState<AppError | null>(null);
  if (mail.isPending) return <Loading />;
  if (mail.isError) return <LoadFailed retry={() => void mail.refetch()} />;
  const row = mail.data;
  const headers: Array<[string, string]> = [
    ["From", row.fromAddress],
    ["To", row.toAddresses.join(", ")],
    ["Subject", row.subject],
    ["Message-ID", row.messageId],
    ...Object.entries(row.headers),
  ];

  return (
    <article aria-labelledby="mail-view-title" className="mail-view">
      <p>
        <Link to={deskPath("mail")}>← {t(m.backToMail)}</Link>
      </p>
      <h1 id="mail-view-title">{t(m.mailViewTitle, { subject: row.subject })}</h1>
      <div className="mail-view__meta">
        <section className="panel" aria-labelledby="mail-headers-title">
          <h2 id="mail-headers-title">{t(m.mailHeaders)}</h2>
          <dl className="desk-mail-headers">
            {headers.map(([name, value]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd className="mono">{value}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section className="panel" aria-labelledby="mail-delivery-title">
          <h2 id="mail-delivery-title">{t(m.delivery)}</h2>
          <dl className="desk-mail-headers">
            <div>
              <dt>{t(m.delivery)}</dt>
              <dd>
                <span className={`status-badge status-badge--mail-${row.status}`} data-status={row.status}>
                  {t(enumLabel("outboxStatus", row.status))}
                </span>
              </dd>
            </div>
            <div>
              <dt>{t(m.queuedAt)}</dt>
              <dd>
                <Instant iso={row.createdAt} />
              </dd>
            </div>
            <div>
              <dt>{t(m.sentAt)}</dt>
              <dd>
                <Instant iso={row.sentAt} />
              </dd>
            </div>
            <div>
              <dt>{t(m.attempts)}</dt>
              <dd className="tabular">{row.attempts}</dd>
            </div>
            <div>
              <dt>{t(m.lastError)}</dt>
              <dd>{row.lastError ?? "—"}</dd>
            </div>
          </dl>
          {row.status === "failed" && (
            <button
              type="button"
              className="button button--primary"
              disabled={retry.one.isPending}
              onClick={() => {
                setDone(false);
                setRefusal(null);
                retry.one.mutateAsync({ id: row.id }).then(
                  () => setDone(true),
                  (error: unknown) => setRefusal(appErrorOf(error)),
                );
              }}
            >
              {t(m.retry)}
            </button>
          )}
          <FormRefusal error={refusal} />
          {done && <Done>{t(m.retried)}</Done>}
        </section>
      </div>
      <div className="mail-view__bodies">
        <section aria-labelledby="mail-html-title">
          <h2 id="mail-html-title">{t(m.mailHtml)}</h2>
          <iframe className="mail-view__frame" title={t(m.mailFrame)} sandbox="" srcDoc={row.bodyHtml} />
        </section>
        <section aria-labelledby="mail-text-title">
          <h2 id="mail-text-title">{t(m.mailText)}</h2>
          <pre className="mail-view__text" lang="ja" tabIndex={0}>
            {row.bodyText}
          </pre>
        </section>
      </div>
    </article>
  );
}
