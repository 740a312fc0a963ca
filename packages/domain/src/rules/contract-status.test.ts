import { describe, expect, it } from "vitest";
import { expectRefusal } from "../testing/helpers.ts";
import { CONTRACT_STATUSES } from "../vocabulary.ts";
import { assertTakesCalls, takesCalls } from "./contract-status.ts";

describe("only an active contract takes calls", () => {
  it("takes calls while active, and in no other status", () => {
    expect(CONTRACT_STATUSES.filter(takesCalls)).toEqual(["active"]);
    assertTakesCalls("active");
  });

  it.each(["suspended", "ended"] as const)("refuses a call for a %s contract", (status) => {
    const error = expectRefusal(() => assertTakesCalls(status), "CONTRACT_INACTIVE");
    expect(error.text.en).toBe("This contract is not active.");
  });
});
