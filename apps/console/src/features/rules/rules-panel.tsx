import { message, ruleInfo, type MessageCode, type RuleId } from "@uketsuke/domain";
import { RuleNotice, useText, type LocalizedText } from "@uketsuke/web";
import { messages } from "../../messages.ts";
import { Dialog, DialogClose } from "../../ui/dialog.tsx";

/**
 * What callers ask that the rules refuse, with the catalogue's words to read out (Japanese
 * first, English beneath), so no operator improvises an answer.
 */
const ASKS: ReadonlyArray<{ ask: LocalizedText; rule: RuleId; code: MessageCode }> = [
  { ask: messages.askOutbound, rule: "R4", code: "R4_OUTBOUND_NOT_OFFERED" },
  { ask: messages.askBlock, rule: "R5", code: "R5_BLOCKING_NOT_OFFERED" },
  { ask: messages.askGroup, rule: "R10", code: "R10_OTHER_COMPANY_NOT_RELAYED" },
];

export default function RulesPanel({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useText();
  return (
    <Dialog open={open} onClose={onClose} labelledBy="rules-title" className="dialog--wide">
      <div className="dialog__body rules-panel">
        <h2 id="rules-title">{t(messages.rulesAtHand)}</h2>
        <p className="muted">{t(messages.rulesHint)}</p>
        {ASKS.map(({ ask, rule, code }) => (
          <section key={code} className="rules-panel__item" aria-label={t(ask)}>
            <h3>{t(ask)}</h3>
            <RuleNotice rule={rule} title={ruleInfo(rule).title} text={message(code)} bothLanguages />
          </section>
        ))}
        <DialogClose onClose={onClose} />
      </div>
    </Dialog>
  );
}
