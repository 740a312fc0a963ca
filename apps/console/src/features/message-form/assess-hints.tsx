import { fillText, RuleNotice, useText, type LocalizedText } from "@uketsuke/web";
import { messages } from "../../messages.ts";
import { ShortcutKeys } from "../../ui/kbd.tsx";
import { keysOf } from "../../ui/shortcuts.ts";

export type RegistryMatchItem = { readonly entryId: string; readonly companyName: string; readonly typicalCalls: string };

/** R6: what was heard sounds like a registered look-alike; one key makes the outcome "wrong number". */
export function RegistryMatch({ matches, chosen, answerName, onChoose }: { matches: readonly RegistryMatchItem[]; chosen: string | null; answerName: string; onChoose: (entryId: string) => void }) {
  const t = useText();
  const first = matches[0];
  if (!first) return null;
  const active = matches.find((m) => m.entryId === chosen);
  return (
    <section className="hint hint--registry" aria-labelledby="registry-match-title" data-registry-match>
      <p id="registry-match-title" className="hint__title">
        <span className="rule-badge">R6</span> {t(messages.registryMatch, { company: first.companyName })}
      </p>
      {first.typicalCalls && <p className="hint__detail">{t(messages.registryTypical, { typical: first.typicalCalls })}</p>}
      {active ? (
        <RuleNotice
          rule="R6"
          tone="info"
          title={messages.readOut}
          text={{
            ja: fillText(messages.wrongNumberScript.ja, { answerName, company: active.companyName }),
            en: fillText(messages.wrongNumberScript.en, { answerName, company: active.companyName }),
          }}
          bothLanguages
        />
      ) : (
        <button type="button" className="button button--primary" aria-keyshortcuts={keysOf("wrongNumber")} onClick={() => onChoose(first.entryId)}>
          {t(messages.switchWrongNumber)} <ShortcutKeys id="wrongNumber" />
        </button>
      )}
    </section>
  );
}

/** R10: the caller wants another company; the catalogue's words to read out, and one key to record it. */
export function OtherCompany({ explanation, chosen, onChoose }: { explanation: LocalizedText; chosen: boolean; onChoose: () => void }) {
  const t = useText();
  return (
    <section className="hint hint--other" aria-label={t(messages.otherCompany)} data-other-company>
      <RuleNotice rule="R10" title={messages.otherCompany} text={explanation} bothLanguages />
      {!chosen && (
        <button type="button" className="button button--primary" aria-keyshortcuts={keysOf("outcomeOtherCompany")} onClick={onChoose}>
          {t(messages.switchOtherCompany)} <ShortcutKeys id="outcomeOtherCompany" />
        </button>
      )}
    </section>
  );
}
