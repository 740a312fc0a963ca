import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import type { LocalizedText } from "@uketsuke/domain";

export type { LocalizedText };
/** The sides of a catalogue text: whatever languages the domain writes, the apps offer. */
export type Locale = keyof LocalizedText;

const STORAGE_KEY = "uketsuke.locale";

type LocaleState = { readonly locale: Locale; readonly setLocale: (locale: Locale) => void };

const LocaleContext = createContext<LocaleState | null>(null);

function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "ja";
  } catch {
    return "ja";
  }
}

/** Japanese unless the person chose English on this browser; `<html lang>` follows, for screen readers and fonts. */
export function LocaleProvider({ children, initial }: { children: ReactNode; initial?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => initial ?? storedLocale());
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext value={value}>{children}</LocaleContext>;
}

export function useLocale(): LocaleState {
  const state = use(LocaleContext);
  if (!state) throw new Error("useLocale needs a <LocaleProvider>");
  return state;
}

export type TextParams = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders, the catalogue's convention. */
export function fillText(template: string, params?: TextParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/** `const t = useText(); t(messages.save)` → the side of a `{ ja, en }` text in the chosen language. */
export function useText(): (text: LocalizedText, params?: TextParams) => string {
  const { locale } = useLocale();
  return useCallback((text: LocalizedText, params?: TextParams) => fillText(text[locale], params), [locale]);
}
