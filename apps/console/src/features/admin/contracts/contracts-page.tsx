import { useDeferredValue, useMemo, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { enumLabel, fieldLabel, formatPhoneNumber, matchesSearch, searchFold, searchTerms } from "@uketsuke/domain";
import { useText, useTRPC } from "@uketsuke/web";
import { deskMessages as m } from "../messages.ts";
import { deskPath, QueryView, useDeskTitle } from "../ui.tsx";

/** Every contract, searchable by legal entity, answer name or number (kana, width and hyphens folded). */
export default function ContractsPage() {
  const t = useText();
  const trpc = useTRPC();
  const title = useDeskTitle(m.contractsTitle);
  const contracts = useQuery(trpc.admin.contracts.list.queryOptions());
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query);
  const shown = useMemo(() => {
    const terms = searchTerms(deferred);
    return (contracts.data ?? []).filter((c) => matchesSearch([c.legalEntityName, c.answerName, ...c.numbers].map(searchFold).join("\n"), terms));
  }, [contracts.data, deferred]);

  return (
    <section aria-labelledby="contracts-title">
      <div className="admin__head">
        <h1 id="contracts-title">{title}</h1>
        <Link className="button button--primary" to={deskPath("contracts/new")}>
          {t(m.contractNew)}
        </Link>
      </div>
      <div className="field admin__search">
        <label htmlFor="contracts-search">{t(m.contractsSearch)}</label>
        <input id="contracts-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
      </div>
      <QueryView query={contracts} empty={() => shown.length === 0} emptyText={t(m.contractsEmpty)}>
        {() => (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t(fieldLabel("legalEntityName"))}</th>
                <th scope="col">{t(fieldLabel("answerName"))}</th>
                <th scope="col">{t(fieldLabel("numbers"))}</th>
                <th scope="col">{t(fieldLabel("status"))}</th>
                <th scope="col">
                  <span className="visually-hidden">{t(m.rosterCount, { n: "" })}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => (
                <tr key={c.id} data-contract-id={c.id}>
                  <th scope="row">
                    <Link to={deskPath(`contracts/${c.id}`)}>{c.legalEntityName}</Link>
                  </th>
                  <td>{c.answerName}</td>
                  <td className="tabular">{c.numbers.map(formatPhoneNumber).join("、") || "—"}</td>
                  <td>
                    <span className={`status-badge status-badge--${c.status}`}>{t(enumLabel("contractStatus", c.status))}</span>
                  </td>
                  <td className="muted">
                    {t(m.rosterCount, { n: c.rosterCount })}
                    {c.openCallbackCount > 0 && <> · {t(m.openCallbacks, { n: c.openCallbackCount })}</>}
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
