import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { enumLabel, enumOptions, type OutboxStatus } from "@uketsuke/domain";
import { appErrorOf, Segmented, useText, useTRPC, type AppError } from "@uketsuke/web";
import { deskMessages as m } from "../messages.ts";
import { ContractOptions, deskPath, Done, FormRefusal, Instant, QueryView, useDeskTitle } from "../ui.tsx";
import { useRetry } from "./use-retry.ts";

/** The outbox: every mail with its delivery state, filtered by status and contract; failed mail retried. */
export default function MailPage() {
  const t = useText();
  const trpc = useTRPC();
  const title = useDeskTitle(m.mailTitle);
  const [status, setStatus] = useState<OutboxStatus | "">("");
  const [contractId, setContractId] = useState("");
  const filter = { ...(status ? { status } : {}), ...(contractId ? { contractId } : {}), limit: 200 };
  const mail = useQuery({ ...trpc.admin.mail.outbox.queryOptions(filter), refetchInterval: 5_000 });
  const counts = useQuery({ ...trpc.admin.mail.counts.queryOptions(), refetchInterval: 5_000 });
  const contracts = useQuery(trpc.admin.contracts.list.queryOptions());
  const retry = useRetry();
  const [done, setDone] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<AppError | null>(null);
  const failed = counts.data?.failed ?? 0;

  const act = <T,>(work: Promise<T>, said: (result: T) => string) => {
    setDone(null);
    setRefusal(null);
    work.then(
      (result) => setDone(said(result)),
      (error: unknown) => setRefusal(appErrorOf(error)),
    );
  };

  return (
    <section aria-labelledby="mail-title">
      <div className="admin__head">
        <h1 id="mail-title">{title}</h1>
        <button
          type="button"
          className="button button--primary"
          disabled={failed === 0 || retry.all.isPending}
          onClick={() => act(retry.all.mutateAsync(contractId ? { contractId } : {}), (r) => t(m.retriedAll, { n: r.retried }))}
        >
          {t(m.retryAll)} ({failed})
        </button>
      </div>
      <div className="admin__filters">
        <Segmented
          legend={t(m.mailStatusFilter)}
          name="mail-status"
          value={status}
          options={[
            { value: "" as const, label: t(m.all) },
            ...enumOptions("outboxStatus").map((option) => ({
              value: option.value,
              label: (
                <>
                  {t(option.label)} <span className="tabular">({counts.data?.[option.value] ?? 0})</span>
                </>
              ),
            })),
          ]}
          onChange={setStatus}
        />
        <div className="field">
          <label htmlFor="mail-contract">{t(m.mailContractFilter)}</label>
          <select id="mail-contract" value={contractId} onChange={(e) => setContractId(e.target.value)}>
            <ContractOptions contracts={contracts.data} />
          </select>
        </div>
      </div>
      <FormRefusal error={refusal} />
      {done && <Done>{done}</Done>}
      <QueryView query={mail} empty={(data) => data.length === 0} emptyText={t(m.mailEmpty)}>
        {(data) => (
          <table className="data-table mail-table">
            <thead>
              <tr>
                <th scope="col">{t(m.queuedAt)}</th>
                <th scope="col">{t(m.subject)}</th>
                <th scope="col">{t(m.recipients)}</th>
                <th scope="col">{t(m.contract)}</th>
                <th scope="col">{t(m.delivery)}</th>
                <th scope="col">{t(m.attempts)}</th>
                <th scope="col">{t(m.nextAttempt)}</th>
                <th scope="col">{t(m.lastError)}</th>
                <th scope="col">
                  <span className="visually-hidden">{t(m.retry)}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.map((row) => (
                <tr key={row.id} data-outbox-id={row.id} data-status={row.status}>
                  <td>
                    <Instant iso={row.createdAt} />
                  </td>
                  <th scope="row">
                    <Link to={deskPath(`mail/${row.id}`)}>{row.subject}</Link>
                    <div className="muted">{t(enumLabel("outboxKind", row.kind))}</div>
                  </th>
                  <td className="mono">{row.toAddresses.join(", ")}</td>
                  <td>{row.answerName ?? "—"}</td>
                  <td>
                    <span className={`status-badge status-badge--mail-${row.status}`}>{t(enumLabel("outboxStatus", row.status))}</span>
                  </td>
                  <td className="tabular">{row.attempts}</td>
                  <td>{row.status === "pending" ? <Instant iso={row.nextAttemptAt} /> : "—"}</td>
                  <td className="mail-table__error">{row.lastError ?? "—"}</td>
                  <td>
                    {row.status === "failed" && (
                      <button type="button" className="button" disabled={retry.one.isPending} onClick={() => act(retry.one.mutateAsync({ id: row.id }), () => t(m.retried))}>
                        {t(m.retry)}
                        <span className="visually-hidden">: {row.subject}</span>
                      </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        )}
      </QueryView>
    </section>
  );
}
