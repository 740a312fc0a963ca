import type { LocalizedText } from "@uketsuke/domain";
import { useLocale, useText } from "./locale.tsx";
import { webMessages } from "./messages.ts";

export type RuleNoticeProps = {
  /** "R4" … "R10", or null for a refusal that is no service rule. */
  readonly rule: string | null | undefined;
  readonly text: LocalizedText;
  readonly title?: LocalizedText | undefined;
  /** Operators read the Japanese aloud: show it first, with the English beneath. */
  readonly bothLanguages?: boolean;
  readonly tone?: "refusal" | "info";
  readonly className?: string;
};

/** A rule's wording exactly as the catalogue has it, never paraphrased, so no one improvises. */
export function RuleNotice({ rule, text, title, bothLanguages = false, tone = "refusal", className }: RuleNoticeProps) {
  const t = useText();
  const { locale } = useLocale();
  const other = locale === "ja" ? "en" : "ja";
  return (
    <section className={["rule-notice", `rule-notice--${tone}`, className].filter(Boolean).join(" ")} data-rule={rule ?? undefined}>
      {(rule || title) && (
        <p className="rule-notice__head">
          {rule && (
            <span className="rule-badge" aria-label={`${t(webMessages.rule)} ${rule}`}>
              {rule}
            </span>
          )}
          {title && <strong>{t(title)}</strong>}
        </p>
      )}
      {bothLanguages ? (
        <>
          <p lang="ja" className="rule-notice__read-out">
            {text.ja}
          </p>
          <p lang="en" className="rule-notice__secondary">
            {text.en}
          </p>
        </>
      ) : (
        <>
          <p lang={locale}>{text[locale]}</p>
          {locale !== "ja" && (
            <p lang={other} className="rule-notice__secondary">
              {text[other]}
            </p>
          )}
        </>
      )}
    </section>
  );
}
