import { useCallback, useSyncExternalStore } from "react";

type Format = (e164: string) => string;

/**
 * Until Japan's numbering plan (libphonenumber's metadata) has loaded — a moment after the first
 * screen, or at once when a call page already brought it — a Japanese number shows as its
 * national digits (09012345678), which is still what the caller dialled from.
 */
const plain: Format = (e164) => (e164.startsWith("+81") ? `0${e164.slice(3)}` : e164);

let format: Format = plain;
const listeners = new Set<() => void>();
let loading: Promise<void> | undefined;

export function loadPhoneFormat(): Promise<void> {
  loading ??= import("./phone-format.ts").then((m) => {
    // Parsing with libphonenumber costs about a millisecond; a queue redraws the same numbers often.
    const known = new Map<string, string>();
    format = (e164) => {
      let formatted = known.get(e164);
      if (formatted === undefined) {
        formatted = m.formatPhoneNumber(e164);
        if (known.size > 5000) known.clear();
        known.set(e164, formatted);
      }
      return formatted;
    };
    for (const l of listeners) l();
  });
  return loading;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  void loadPhoneFormat();
  return () => listeners.delete(listener);
}

/** 03-1234-5678 for +81312345678; "number withheld" for none. */
export function usePhoneFormat(): (e164: string, withheld: string) => string {
  const current = useSyncExternalStore(subscribe, () => format);
  return useCallback((e164: string, withheld: string) => (e164 ? current(e164) : withheld), [current]);
}
