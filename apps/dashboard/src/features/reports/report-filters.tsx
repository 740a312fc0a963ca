import { useEffect, useState } from "react";
import { enumOptions, fieldLabel } from "@uketsuke/domain";
import { useText } from "@uketsuke/web";
import type { RouterOutputs } from "@uketsuke/api";
import { m } from "../../messages.ts";
import type { FilterParams } from "./report-filter.ts";

type RosterMember = RouterOutputs["roster"]["list"][number];

/**
 * Date range (Japan calendar days), person, outcome, callback, urgent and a free-text search.
 * Choices apply at once; the search applies as the person pauses typing or presses Enter.
 */
export function ReportFilters({ filter, onChange, roster }: { filter: FilterParams; onChange: (next: FilterParams) => void; roster: readonly RosterMember[] }) {
  const t = useText();
  const [q, setQ] = useState(filter.q);
  const [shownQ, setShownQ] = useState(filter.q);
  // The address bar changed (back button): the box follows.
  if (filter.q !== shownQ) {
    setShownQ(filter.q);
    setQ(filter.q);
  }
  useEffect(() => {
    if (q === filter.q) return;
    const timer = setTimeout(() => onChange({ ...filter, q }), 350);
    return () => clearTimeout(timer);
  }, [q, filter, onChange]);
  const set = <K extends keyof FilterParams>(key: K, value: FilterParams[K]) => onChange({ ...filter, [key]: value });
  // The search stays in sight; the other conditions fold away (on a phone they would fill the
  // screen) and stand open while any of them is set.
  const active = [filter.from, filter.to, filter.person, filter.outcome, filter.callback, filter.urgent].filter(Boolean).length;
  const [open, setOpen] = useState(active > 0);

  return (
    <form
      className="filters panel"
      role="search"
      aria-label={t(m.filtersLabel)}
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ ...filter, q });
      }}
    >
      <div className="field filters__search">
        <label htmlFor="filter-q">{t(fieldLabel("q"))}</label>
        <div className="filters__search-row">
          <input id="filter-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t(m.searchPlaceholder)} maxLength={100} enterKeyHint="search" />
          <button type="submit" className="button">
            {t(m.search)}
          </button>
        </div>
      </div>
      <details className="filters__more" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          {t(m.moreFilters)}
          {active > 0 && ` (${active})`}
        </summary>
        <div className="filters__grid">
          <div className="field">
            <label htmlFor="filter-from">{t(fieldLabel("from", "reportFilterSchema"))}</label>
            <input id="filter-from" type="date" value={filter.from} max={filter.to || undefined} onChange={(e) => set("from", e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="filter-to">{t(fieldLabel("to", "reportFilterSchema"))}</label>
            <input id="filter-to" type="date" value={filter.to} min={filter.from || undefined} onChange={(e) => set("to", e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="filter-person">{t(fieldLabel("person"))}</label>
            <select id="filter-person" value={filter.person} onChange={(e) => set("person", e.target.value)}>
              <option value="">{t(m.any)}</option>
              {roster.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-outcome">{t(fieldLabel("outcome"))}</label>
            <select id="filter-outcome" value={filter.outcome} onChange={(e) => set("outcome", e.target.value as FilterParams["outcome"])}>
              <option value="">{t(m.any)}</option>
              {enumOptions("outcome").map((option) => (
                <option key={option.value} value={option.value}>
                  {t(option.label)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-callback">{t(fieldLabel("callback"))}</label>
            <select id="filter-callback" value={filter.callback} onChange={(e) => set("callback", e.target.value as FilterParams["callback"])}>
              <option value="">{t(m.any)}</option>
              {enumOptions("callbackStatus").map((option) => (
                <option key={option.value} value={option.value}>
                  {t(option.label)}
                </option>
              ))}
            </select>
          </div>
          <div className="field filters__check">
            <label>
              <input type="checkbox" checked={filter.urgent} onChange={(e) => set("urgent", e.target.checked)} /> {t(fieldLabel("urgent"))}
            </label>
          </div>
        </div>
      </details>
      {(active > 0 || filter.q) && (
      <p className="filters__reset">
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            setQ("");
            onChange({ from: "", to: "", person: "", outcome: "", callback: "", urgent: false, q: "" });
          }}
        >
          {t(m.clearFilters)}
        </button>
      </p>
      )}
    </form>
  );
}
