import type { LocalizedText } from "./messages/catalogue.ts";

/**
 * How a call ended, from the operator's side. Every call is reported to the client; the outcome
 * says what the operator did. Each value comes from one answer of the Q&A.
 */
export const CALL_OUTCOMES = ["message", "wrong_number", "test_call", "other_company"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const outcomeLabels: Record<CallOutcome, LocalizedText> = {
  message: { ja: "ご伝言", en: "Message taken" },
  // R6 / Q6: the operator could tell it was a wrong number and told the caller.
  wrong_number: { ja: "間違い電話（先方にお伝え済み）", en: "Wrong number (caller told)" },
  // R9 / Q9: the caller said it was a test; the operator explained the next steps.
  test_call: { ja: "テスト着信（今後の流れをご案内済み）", en: "Test call (next steps explained)" },
  // R10 / Q10: the caller wanted another (group) company; not relayed.
  other_company: { ja: "他社宛のため取次ぎ不可（先方にお伝え済み）", en: "For another company, not relayed (caller told)" },
};
