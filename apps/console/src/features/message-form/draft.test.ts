import { describe, expect, it } from "vitest";
import { emptyDraft, parseStoredCall, toMessageInput } from "./draft.ts";

describe("stored call drafts", () => {
  const fallback = emptyDraft("090-1234-5678");

  it("round-trips a half-written form", () => {
    const draft = { ...fallback, callerCompany: "株式会社さくら商事", message: "見積もりの件", urgent: true, outcome: "test_call" as const };
    const stored = parseStoredCall(JSON.stringify({ draft, saved: null, ended: false }), fallback);
    expect(stored).toEqual({ draft, saved: null, ended: false });
  });

  it("ignores garbage and unknown outcomes instead of failing the page", () => {
    expect(parseStoredCall("{not json", fallback)).toBeNull();
    expect(parseStoredCall(null, fallback)).toBeNull();
    const stored = parseStoredCall(JSON.stringify({ draft: { outcome: "block_caller", callerName: 42 } }), fallback);
    expect(stored?.draft.outcome).toBe("message");
    expect(stored?.draft.callerName).toBe("");
    expect(stored?.draft.callbackNumber).toBe("090-1234-5678");
  });

  it("sends the registry entry only with the wrong-number outcome", () => {
    const draft = { ...fallback, wrongNumberEntryId: "0195f0c2-7d3a-7000-8000-000000000001" };
    expect(toMessageInput("c", draft).wrongNumberEntryId).toBeNull();
    expect(toMessageInput("c", { ...draft, outcome: "wrong_number" }).wrongNumberEntryId).toBe(draft.wrongNumberEntryId);
  });
});
