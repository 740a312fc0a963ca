import { useId, useState } from "react";
import { useText } from "@uketsuke/web";
import { messages } from "../../messages.ts";
import { matchesMember } from "./roster-search.ts";

export type RosterRow = { readonly id: string; readonly position: number; readonly name: string; readonly nameKana: string | null; readonly romaji: string };

/** The roster in its order (R7): position 1 receives every call that names no one. */
export function RosterPanel({ roster, onPick }: { roster: readonly RosterRow[]; onPick: (name: string) => void }) {
  const t = useText();
  const [query, setQuery] = useState("");
  const searchId = useId();
  const shown = roster.filter((m) => matchesMember(m, query));
  return (
    <section className="panel" aria-labelledby="roster-title">
      <h2 id="roster-title">{t(messages.roster)}</h2>
      <label htmlFor={searchId} className="visually-hidden">
        {t(messages.rosterSearch)}
      </label>
      <input id={searchId} type="search" placeholder={t(messages.rosterSearch)} value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
      {shown.length === 0 ? (
        <p className="muted">{t(messages.rosterNoMatch)}</p>
      ) : (
        <ol className="roster" aria-live="polite">
          {shown.map((m) => (
            <li key={m.id} className={m.position === 1 ? "roster__member roster__member--default" : "roster__member"} data-roster-position={m.position}>
              <span className="roster__position tabular" aria-hidden="true">
                {m.position}
              </span>
              <span className="roster__name">
                <strong>{m.name}</strong>
                {m.nameKana && (
                  <span className="roster__reading">
                    {m.nameKana} · {m.romaji}
                  </span>
                )}
                {m.position === 1 && <span className="badge badge--default">{t(messages.rosterDefault)}</span>}
              </span>
              <button type="button" className="button button--small" onClick={() => onPick(m.name)} aria-label={`${t(messages.rosterUse)}: ${m.name}`}>
                {t(messages.rosterPick)}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
