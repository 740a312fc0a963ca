import { useMemo, useState, type FormEvent } from "react";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { auditFilterSchema, tokyoDayStart, addDays, type LocalizedText } from "@uketsuke/domain";
import { FieldErrorText, useFieldErrors, useText, useTRPC } from "@uketsuke/web";
import { auditFamilies, deskMessages as m } from "../messages.ts";
import { clearOnInput, ContractOptions, Instant, QueryView, useDeskTitle } from "../ui.tsx";

const FORM = "audit-filter";
const PAGE = 50;

type Filter = { actorUserId?: string; action?: string; contractId?: string; from?: string; to?: string };

/** A Tokyo calendar date (`2026-11-24`) as the instant its day starts; the end date counts whole. */
const dayStart = (date: string, daysLater = 0) => tokyoDayStart(addDays(date, daysLater)).toISOString();

/** Every change, newest first: by who, what, which contract and when, fifty at a time. */
export default function AuditPage() {
  const t = useText();
  const trpc = useTRPC();
  const title = useDeskTitle(m.auditTitle);
  const errors = useFieldErrors(FORM);
  const [filter, setFilter] = useState<Filter>({});
  const staff = useQuery(trpc.admin.staff.list.queryOptions());
  const contracts = useQuery(trpc.admin.contracts.list.queryOptions());
  const answerNames = useMemo(() => new Map(contracts.data?.map((c) => [c.id, c.answerName])), [contracts.data]);
  const entries = useInfiniteQuery(
    trpc.admin.oversight.audit.infiniteQueryOptions({ ...filter, limit: PAGE }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => (form.get(name) as string | null) || undefined;
    const from = value("from");
    const to = value("to");
    const input = errors.check(auditFilterSchema, {
      actorUserId: value("actorUserId"),
      action: value("action"),
      contractId: value("contractId"),
      from: from && /^\d{4}-\d{2}-\d{2}$/.test(from) ? dayStart(from) : from,
      to: to && /^\d{4}-\d{2}-\d{2}$/.test(to) ? dayStart(to, 1) : to,
    });
    if (!input) return;
    const { limit: _limit, ...chosen } = input;
    setFilter(chosen);
  }

  const rows = entries.data?.pages.flatMap((page) => page.entries) ?? [];
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{title}</h1>
      <form onSubmit={submit} onInput={clearOnInput(errors)} noValidate className="panel admin__filters audit-filter">
        <div className="field">
          <label htmlFor={`${FORM}-who`}>{t(m.auditWho)}</label>
          <select id={`${FORM}-who`} name="actorUserId" defaultValue="" {...errors.inputProps("actorUserId")}>
            <option value="">{t(m.anyone)}</option>
            {staff.data?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.displayName}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${FORM}-what`}>{t(m.auditWhat)}</label>
          <select id={`${FORM}-what`} name="action" defaultValue="" {...errors.inputProps("action")}>
            <option value="">{t(m.anything)}</option>
            {(Object.entries(auditFamilies) as Array<[string, LocalizedText]>).map(([family, label]) => (
              <option key={family} value={family}>
                {t(label)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${FORM}-contract`}>{t(m.auditContract)}</label>
          <select id={`${FORM}-contract`} name="contractId" defaultValue="" {...errors.inputProps("contractId")}>
            <ContractOptions contracts={contracts.data} />
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${FORM}-from`}>{t(m.auditFrom)}</label>
          <input id={`${FORM}-from`} name="from" type="date" {...errors.inputProps("from")} />
          <FieldErrorText form={FORM} path="from" errors={errors} />
        </div>
        <div className="field">
          <label htmlFor={`${FORM}-to`}>{t(m.auditTo)}</label>
          <input id={`${FORM}-to`} name="to" type="date" {...errors.inputProps("to")} />
          <FieldErrorText form={FORM} path="to" errors={errors} />
        </div>
        <button type="submit" className="button button--primary">
          {t(m.filter)}
        </button>
      </form>
      <QueryView query={entries} empty={() => rows.length === 0} emptyText={t(m.auditEmpty)}>
        {() => (
          <>
            <table className="data-table audit-table">
              <thead>
                <tr>
                  <th scope="col">{t(m.auditWhen)}</th>
                  <th scope="col">{t(m.auditWho)}</th>
                  <th scope="col">{t(m.auditWhat)}</th>
                  <th scope="col">{t(m.auditContract)}</th>
                  <th scope="col">{t(m.auditDetail)}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((entry) => (
                  <tr key={entry.id} data-action={entry.action}>
                    <td>
                      <Instant iso={entry.at} />
                    </td>
                    <td>{entry.actorName ?? t(m.auditSystem)}</td>
                    <th scope="row">
                      <code>{entry.action}</code>
                    </th>
                    <td>{entry.contractId ? (answerNames.get(entry.contractId) ?? "—") : "—"}</td>
                    <td className="mono audit-table__detail">{JSON.stringify(entry.detail) === "{}" ? "" : JSON.stringify(entry.detail)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {entries.hasNextPage && (
              <button type="button" className="button" disabled={entries.isFetchingNextPage} onClick={() => void entries.fetchNextPage()}>
                {t(m.more)}
              </button>
          )}
        </>
        )}
      </QueryView>
    </section>
  );
}
