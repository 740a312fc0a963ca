import { describe, expect, it } from "vitest";
import { parseInput } from "../messages/validate.ts";
import { expectRefusal } from "../testing/helpers.ts";
import { SERVICE_REQUEST_KINDS } from "../vocabulary.ts";
import { answerServiceRequest, serviceRequestSchema } from "./service-requests.ts";

describe("requests the rules answer with no", () => {
  it.each([
    ["change_subject", "R1_SUBJECT_FIXED"],
    ["block_caller", "R5_BLOCKING_NOT_OFFERED"],
    ["outbound_call", "R4_OUTBOUND_NOT_OFFERED"],
    ["additional_legal_entity", "R10_ONE_LEGAL_ENTITY"],
    ["alternative_answer_name", "R10_ONE_ANSWER_NAME"],
  ] as const)("%s is refused with %s", (kind, code) => {
    expectRefusal(() => answerServiceRequest(kind), code);
    expect(parseInput(serviceRequestSchema, { kind })).toEqual({ kind });
  });

  it("knows exactly these kinds", () => {
    expect([...SERVICE_REQUEST_KINDS].sort()).toEqual(
      ["additional_legal_entity", "alternative_answer_name", "block_caller", "change_subject", "outbound_call"],
    );
  });
});
