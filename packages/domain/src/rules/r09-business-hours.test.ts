import { describe, expect, it } from "vitest";
import { JAPANESE, jst } from "../testing/helpers.ts";
import { BUSINESS_HOURS } from "../calendar/business-calendar.ts";
import { afterHoursAnnouncement, decideArrival, TEST_CALL_GUIDANCE } from "./r09-business-hours.ts";
import { outcomeLabels } from "../messages/labels.ts";

describe("R9 — a ringing call is queued within business hours, logged outside them", () => {
  it("queues an inbound call within hours", () => {
    expect(decideArrival("inbound", jst("2026-01-05T09:00"))).toEqual({ action: "queue" });
    expect(decideArrival("inbound", jst("2026-01-05T17:59:59.999"))).toEqual({ action: "queue" });
  });

  it("says when it opens next, in both languages, outside hours", () => {
    const arrival = decideArrival("inbound", jst("2026-01-16T18:00")); // Friday evening
    expect(arrival).toEqual({
      action: "closed",
      opensAt: jst("2026-01-19T09:00"),
      explanation: {
        ja: "営業時間外です（平日9時〜18時、土日祝は休業）。次の受付開始は 2026年1月19日(月) 09:00 です。",
        en: "Outside business hours (weekdays 09:00–18:00 Japan time, closed on weekends and national holidays). Next opening: Mon, 19 Jan 2026 09:00 JST.",
      },
    });
  });

  it("is closed on a national holiday within the hours", () => {
    const arrival = decideArrival("inbound", jst("2026-01-12T10:00")); // 成人の日
    expect(arrival.action).toBe("closed");
    expect(arrival.action === "closed" && arrival.opensAt).toEqual(jst("2026-01-13T09:00"));
  });

  it("has the operator's guidance for a test call (Q9) and its outcome label", () => {
    expect(TEST_CALL_GUIDANCE.ja).toMatch(JAPANESE);
    expect(TEST_CALL_GUIDANCE.ja).toContain("テスト");
    expect(TEST_CALL_GUIDANCE.en).toContain("test call");
    expect(outcomeLabels.test_call.ja).toContain("テスト");
  });

  it("has the sentence a caller hears when no operator answers, with the business hours", () => {
    const said = afterHoursAnnouncement();
    expect(said.ja).toBe("お電話ありがとうございます。ただいま営業時間外です。平日午前9時から午後6時の間におかけ直しください。");
    expect(said.ja).toContain(`午前${BUSINESS_HOURS.opensAtHour}時から午後${BUSINESS_HOURS.closesAtHour - 12}時`);
    expect(said.en).toContain(`between ${BUSINESS_HOURS.opensAtHour} a.m. and ${BUSINESS_HOURS.closesAtHour - 12} p.m.`);
  });
});
