import type { CallOutcome } from "@uketsuke/domain";

/** What the operator has written so far for one call; strings as typed, parsed only on preview. */
export type Draft = {
  readonly callerCompany: string;
  readonly callerName: string;
  /** The company the caller asked for, when it is not this client: drives R6 and R10 hints. */
  readonly companyHeard: string;
  readonly callbackNumber: string;
  readonly requestedPerson: string;
  readonly message: string;
  readonly callbackRequested: boolean;
  readonly urgent: boolean;
  readonly outcome: CallOutcome;
  readonly wrongNumberEntryId: string | null;
};

export type Saved = { readonly routedTo: string; readonly callbackId: string | null };

/** What survives a reload of the page, per call, in this tab only (sessionStorage). */
export type StoredCall = { readonly draft: Draft; readonly saved: Saved | null; readonly ended: boolean };

export const emptyDraft = (callbackNumber: string): Draft => ({
  callerCompany: "",
  callerName: "",
  companyHeard: "",
  callbackNumber,
  requestedPerson: "",
  message: "",
  callbackRequested: false,
  urgent: false,
  outcome: "message",
  wrongNumberEntryId: null,
});

export const storageKey = (callId: string) => `uketsuke.console.call.${callId}`;

const OUTCOMES: readonly string[] = ["message", "wrong_number", "test_call", "other_company"];

/** Reads back a stored call; anything unexpected (an older shape, a hand edit) is ignored. */
export function parseStoredCall(raw: string | null, fallback: Draft): StoredCall | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredCall> & { draft?: Partial<Record<keyof Draft, unknown>> };
    const d: Partial<Record<keyof Draft, unknown>> = value.draft ?? {};
    const text = (v: unknown, f: string) => (typeof v === "string" ? v : f);
    const flag = (v: unknown) => v === true;
    const draft: Draft = {
      callerCompany: text(d.callerCompany, fallback.callerCompany),
      callerName: text(d.callerName, fallback.callerName),
      companyHeard: text(d.companyHeard, fallback.companyHeard),
      callbackNumber: text(d.callbackNumber, fallback.callbackNumber),
      requestedPerson: text(d.requestedPerson, fallback.requestedPerson),
      message: text(d.message, fallback.message),
      callbackRequested: flag(d.callbackRequested),
      urgent: flag(d.urgent),
      outcome: (typeof d.outcome === "string" && OUTCOMES.includes(d.outcome) ? d.outcome : "message") as CallOutcome,
      wrongNumberEntryId: typeof d.wrongNumberEntryId === "string" ? d.wrongNumberEntryId : null,
    };
    const saved = value.saved && typeof value.saved.routedTo === "string" ? { routedTo: value.saved.routedTo, callbackId: value.saved.callbackId ?? null } : null;
    return { draft, saved, ended: value.ended === true };
  } catch {
    return null;
  }
}

/** The draft as the API's message input (the schema trims and turns blanks into "absent"). */
export function toMessageInput(callId: string, draft: Draft) {
  return {
    callId,
    callerCompany: draft.callerCompany,
    callerName: draft.callerName,
    callbackNumber: draft.callbackNumber,
    requestedPerson: draft.requestedPerson,
    message: draft.message,
    callbackRequested: draft.callbackRequested,
    urgent: draft.urgent,
    outcome: draft.outcome,
    wrongNumberEntryId: draft.outcome === "wrong_number" ? draft.wrongNumberEntryId : null,
  };
}
