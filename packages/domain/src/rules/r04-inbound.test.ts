import { describe, expect, it } from "vitest";
import { expectRefusal, jst } from "../testing/helpers.ts";
import { assertInbound, requestOutbound } from "./r04-inbound.ts";
import { decideArrival } from "./r09-business-hours.ts";

describe("R4 — inbound only", () => {
  it("lets an inbound call through", () => {
    expect(() => assertInbound("inbound")).not.toThrow();
  });

  it("refuses the outbound direction with the Q3 explanation", () => {
    const error = expectRefusal(() => assertInbound("outbound"), "R4_OUTBOUND_NOT_OFFERED");
    expect(error.rule).toBe("R4");
    expect(error.text.ja).toContain("インバウンド（受電）専門");
    expect(error.text.en).toContain("inbound only");
  });

  it("refuses any other direction a webhook might send", () => {
    expectRefusal(() => assertInbound("OUTBOUND" as never), "R4_OUTBOUND_NOT_OFFERED");
  });

  it("refuses a request for outbound work", () => {
    expectRefusal(() => requestOutbound({ number: "0312345678", script: "ご案内のお電話" }), "R4_OUTBOUND_NOT_OFFERED");
    expectRefusal(() => requestOutbound(), "R4_OUTBOUND_NOT_OFFERED");
  });

  it("refuses an outbound call event at any instant, even within business hours", () => {
    for (const at of [jst("2026-01-05T10:00"), jst("2026-01-05T03:00"), jst("2026-01-10T10:00"), jst("2026-01-01T12:00")]) {
      expectRefusal(() => decideArrival("outbound", at), "R4_OUTBOUND_NOT_OFFERED");
    }
  });
});
