import { useCallback, useEffect, useState } from "react";
import { parseStoredCall, storageKey, type Draft, type Saved, type StoredCall } from "./draft.ts";

function read(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * One call's draft, kept in sessionStorage on every change: a reload (or a crashed tab
 * restored) brings back the half-written form, and after saving, the wrap-up instead of a
 * second save.
 */
export function useCallDraft(callId: string, fresh: Draft) {
  const key = storageKey(callId);
  const [state, setState] = useState<StoredCall & { restored: boolean }>(() => {
    const stored = parseStoredCall(read(key), fresh);
    return stored ? { ...stored, restored: stored.saved === null && JSON.stringify(stored.draft) !== JSON.stringify(fresh) } : { draft: fresh, saved: null, ended: false, restored: false };
  });

  useEffect(() => {
    try {
      sessionStorage.setItem(key, JSON.stringify({ draft: state.draft, saved: state.saved, ended: state.ended }));
    } catch {
      // storage full or disabled: the form still works, it just will not survive a reload
    }
  }, [key, state.draft, state.saved, state.ended]);

  const patch = useCallback((change: Partial<Draft>) => setState((s) => ({ ...s, draft: { ...s.draft, ...change } })), []);
  const markSaved = useCallback((saved: Saved) => setState((s) => ({ ...s, saved })), []);
  const markEnded = useCallback(() => setState((s) => ({ ...s, ended: true })), []);
  const forget = useCallback(() => {
    try {
      sessionStorage.removeItem(key);
    } catch {
      // nothing kept
    }
  }, [key]);

  return { ...state, patch, markSaved, markEnded, forget };
}
