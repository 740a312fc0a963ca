import { fieldLabel } from "@uketsuke/domain";
import type { Locale } from "./locale.tsx";
import { useLocale, useText } from "./locale.tsx";

const CHOICES: ReadonlyArray<{ locale: Locale; label: string }> = [
  { locale: "ja", label: "日本語" },
  { locale: "en", label: "English" },
];

/** Each language named in itself, so a person who cannot read the current one still finds theirs. */
export function LanguageSwitch() {
  const { locale, setLocale } = useLocale();
  const t = useText();
  return (
    <div role="group" aria-label={t(fieldLabel("locale"))} className="language-switch">
      {CHOICES.map((choice) => (
        <button
          key={choice.locale}
          type="button"
          lang={choice.locale}
          aria-pressed={locale === choice.locale}
          onClick={() => setLocale(choice.locale)}
        >
          {choice.label}
        </button>
      ))}
    </div>
  );
}
