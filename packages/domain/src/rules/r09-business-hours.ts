/**
 * R9 — Q9: test calls are welcome any time within business hours, with no notice; operators
 * answer them as real calls, and when the caller says it is a test, mark it so and explain the
 * next steps. Outside business hours no operator answers, so a ringing call is logged, not queued.
 */
import { businessStatus } from "../calendar/business-calendar.ts";
import { formatJst } from "../calendar/format.ts";
import { assertInbound } from "./r04-inbound.ts";
import type { CallDirection } from "../vocabulary.ts";
import { message, type LocalizedText } from "../messages/catalogue.ts";

export type Arrival =
  | { readonly action: "queue" }
  | { readonly action: "closed"; readonly opensAt: Date; readonly explanation: LocalizedText };

/** What happens to a call that rings at an instant: R4 first (outbound is refused), then R9. */
export function decideArrival(direction: CallDirection, at: Date): Arrival {
  assertInbound(direction);
  const status = businessStatus(at);
  if (status.open) return { action: "queue" };
  return { action: "closed", opensAt: status.opensAt, explanation: message("R9_CLOSED", { opensAt: formatJst(status.opensAt) }) };
}

/** What the operator tells a caller who says the call was a test (Q9: "今後の流れ"). */
export const TEST_CALL_GUIDANCE: LocalizedText = {
  ja: "テストのお電話ありがとうございます。転送は正常に届いております。このお電話の内容は、通常のお電話と同じく受電報告メールでご登録の報告先へお送りします。報告メールが届きましたら、件名と送信元ドメインで受信設定をご確認ください。",
  en: "Thank you for the test call: forwarding works. This call is reported like any other, by a report mail to your registered address. When it arrives, check your mail filters against the fixed subject and the sender's domain.",
};

/**
 * What a caller hears when no operator will answer (the telephony route speaks it, then hangs
 * up): the hours, in words a phone reads out.
 */
export function afterHoursAnnouncement(): LocalizedText {
  return message("R9_AFTER_HOURS_ANNOUNCEMENT");
}
