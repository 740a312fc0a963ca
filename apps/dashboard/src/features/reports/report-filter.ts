import type { RouterInputs } from "@uketsuke/api";
import { CALL_OUTCOMES, type CallOutcome } from "@uketsuke/domain";
import { tokyoDayEndIso, tokyoDayStartIso } from "../../ui/format.ts";

export type ReportListInput = RouterInputs["reports"]["list"];

/** The filters as they stand in the address bar, so a filtered list can be bookmarked and shared. */
export type FilterParams = {
  from: string;
  to: string;
  person: string;
  outcome: CallOutcome | "";
  callback: "open" | "done" | "";
  urgent: boolean;
  q: string;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function readFilter(params: URLSearchParams): FilterParams {
  const outcome = params.get("outcome") ?? "";
  const callback = params.get("callback") ?? "";
  const date = (key: string) => {
    const value = params.get(key) ?? "";
    return DATE.test(value) ? value : "";
  };
  return {
    from: date("from"),
    to: date("to"),
    person: params.get("person") ?? "",
    outcome: (CALL_OUTCOMES as readonly string[]).includes(outcome) ? (outcome as CallOutcome) : "",
    callback: callback === "open" || callback === "done" ? callback : "",
    urgent: params.get("urgent") === "1",
    q: params.get("q") ?? "",
  };
}

export function writeFilter(filter: FilterParams): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  if (filter.person) params.set("person", filter.person);
  if (filter.outcome) params.set("outcome", filter.outcome);
  if (filter.callback) params.set("callback", filter.callback);
  if (filter.urgent) params.set("urgent", "1");
  if (filter.q.trim()) params.set("q", filter.q.trim());
  return params;
}

/** The API's input: Tokyo calendar days become instants (the whole `to` day included). */
export function toListInput(filter: FilterParams): Omit<ReportListInput, "limit" | "cursor"> {
  return {
    ...(filter.from ? { from: tokyoDayStartIso(filter.from) } : {}),
    ...(filter.to ? { to: tokyoDayEndIso(filter.to) } : {}),
    ...(filter.person ? { person: filter.person } : {}),
    ...(filter.outcome ? { outcome: filter.outcome } : {}),
    ...(filter.callback ? { callback: filter.callback } : {}),
    ...(filter.urgent ? { urgent: true } : {}),
    ...(filter.q.trim() ? { q: filter.q.trim() } : {}),
  };
}

export function isFiltered(filter: FilterParams): boolean {
  return writeFilter(filter).size > 0;
}
