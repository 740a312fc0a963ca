import { useState } from "react";
import { formatPhoneNumber, ruleInfo } from "@uketsuke/domain";
import { RuleNotice, useText } from "@uketsuke/web";
import { m } from "../../messages.ts";
import { LoadFailed, Loading } from "../../ui/status.tsx";
import { type Refusal, RefusalAlert, refusalOf } from "../../ui/refusal.tsx";
import { usePageTitle } from "../../ui/use-page-title.ts";
import { useWrongNumberMutations, useWrongNumbers, type WrongNumber } from "./use-wrong-numbers.ts";
import { WrongNumberForm } from "./wrong-number-form.tsx";

type Editing = { kind: "add" } | { kind: "edit"; entry: WrongNumber } | null;

/** R6: the look-alike companies, and what the operator does when a call is for one of them. */
export default function WrongNumbersPage() {
  const t = useText();
  usePageTitle(m.navWrongNumbers);
  const entries = useWrongNumbers();
  const { add, update, remove } = useWrongNumberMutations();
  const [editing, setEditing] = useState<Editing>(null);
  const [refusal, setRefusal] = useState<Refusal>(null);

  async function removeEntry(entry: WrongNumber) {
    if (!window.confirm(t(m.confirmRemove, { name: entry.companyName }))) return;
    setRefusal(null);
    try {
      await remove.mutateAsync({ id: entry.id });
    } catch (error) {
      setRefusal(refusalOf(error));
    }
  }

  return (
    <div className="page">
      <h1>{t(m.navWrongNumbers)}</h1>
      <RuleNotice rule="R6" tone="info" title={ruleInfo("R6").title} text={ruleInfo("R6").summary} />
      <RefusalAlert refusal={refusal} />
      {entries.isPending ? (
        <Loading />
      ) : entries.isError ? (
        <LoadFailed error={entries.error} retry={() => void entries.refetch()} />
      ) : (
        <section className="panel" aria-labelledby="wrong-numbers-title">
          <h2 id="wrong-numbers-title">{t(m.registeredCompanies)}</h2>
          {entries.data.length === 0 ? (
            <p className="empty">{t(m.noWrongNumbers)}</p>
          ) : (
            <ul className="cards" data-testid="wrong-numbers">
              {entries.data.map((entry) => (
                <li key={entry.id} className="card" data-testid="wrong-number">
                  <h3>
                    {entry.companyName}
                    {entry.companyNameKana && <span className="card__kana">{entry.companyNameKana}</span>}
                  </h3>
                  {entry.numbers.length > 0 && (
                    <p className="card__numbers tabular">{entry.numbers.map((n) => formatPhoneNumber(n)).join(" / ")}</p>
                  )}
                  {entry.typicalCalls && <p className="card__text">{entry.typicalCalls}</p>}
                  <div className="card__actions">
                    <button type="button" className="button" onClick={() => setEditing({ kind: "edit", entry })} aria-label={t(m.editPerson, { name: entry.companyName })}>
                      {t(m.edit)}
                    </button>
                    <button type="button" className="button button--danger" onClick={() => void removeEntry(entry)} aria-label={t(m.removePerson, { name: entry.companyName })}>
                      {t(m.remove)}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
          {editing === null && (
            <p>
              <button type="button" className="button button--primary" onClick={() => setEditing({ kind: "add" })} data-testid="add-wrong-number">
                ＋ {t(m.addWrongNumber)}
              </button>
            </p>
          )}
        </section>
      )}
      {editing && (
        <WrongNumberForm
          key={editing.kind === "edit" ? editing.entry.id : "new"}
          entry={editing.kind === "edit" ? editing.entry : null}
          onCancel={() => setEditing(null)}
          onSave={async (input) => {
            if (editing.kind === "edit") await update.mutateAsync({ ...input, id: editing.entry.id });
            else await add.mutateAsync(input);
            setEditing(null);
          }}
        />
      )}
    </div>
  );
}
