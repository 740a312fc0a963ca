import { TRPCError } from "@trpc/server";
import { DomainError, message } from "@uketsuke/domain";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { errorBody, errorStatus, toTRPCError } from "./errors.ts";

describe("errorBody: what every error answer carries", () => {
  it("passes a domain refusal through with its rule, thrown bare or inside a tRPC error", () => {
    const refusal = new DomainError("R7_LAST_MEMBER");
    const expected = { code: "R7_LAST_MEMBER", rule: "R7", text: message("R7_LAST_MEMBER"), fields: [] };
    expect(errorBody(refusal)).toEqual(expected);
    expect(errorBody(toTRPCError(refusal))).toEqual(expected);
    expect(toTRPCError(refusal).code).toBe("UNPROCESSABLE_CONTENT");
    expect(errorStatus(refusal)).toBe(422);
  });

  it("turns a schema failure into field errors with ja/en text", () => {
    const parsed = z.object({ name: z.string() }).safeParse({ name: 1 });
    const data = errorBody(new TRPCError({ code: "BAD_REQUEST", cause: parsed.error }));
    expect(data).toMatchObject({ code: "VALIDATION_FAILED", rule: null, fields: [{ path: "name", code: "FIELD_TYPE_INVALID" }] });
    expect(data.fields[0]?.text.ja.length).toBeGreaterThan(0);
    expect(errorStatus(parsed.error)).toBe(400);
  });

  it("says that a body that is empty or not JSON must be JSON, in the catalogue's words", () => {
    let cause: unknown;
    try {
      JSON.parse("{not json");
    } catch (error) {
      cause = error;
    }
    const expected = {
      code: "VALIDATION_FAILED",
      rule: null,
      text: message("VALIDATION_FAILED"),
      fields: [{ path: "", code: "FIELD_TYPE_INVALID", text: message("FIELD_TYPE_INVALID", { expected: "JSON" }) }],
    };
    expect(errorBody(new TRPCError({ code: "BAD_REQUEST", cause }))).toEqual(expected);
    expect(errorBody(cause)).toEqual(expected);
    expect(JSON.stringify(expected)).not.toContain("Unexpected");
  });

  it("never repeats a driver's message: anything unknown is INTERNAL, 500", () => {
    const driver = new Error("SQLITE_BUSY: database is locked");
    const internal = { code: "INTERNAL", rule: null, text: message("INTERNAL"), fields: [] };
    expect(errorBody(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: driver }))).toEqual(internal);
    expect(errorBody(driver)).toEqual(internal);
    // A SyntaxError from inside the code is a bug, not a body that was not JSON.
    expect(errorBody(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: new SyntaxError("x") }))).toEqual(internal);
    expect(errorStatus(driver)).toBe(500);
  });

  it.each([
    ["NOT_FOUND", "NOT_FOUND"],
    ["UNAUTHORIZED", "UNAUTHENTICATED"],
    ["FORBIDDEN", "FORBIDDEN"],
  ] as const)("maps a bare %s to %s", (trpcCode, code) => {
    expect(errorBody(new TRPCError({ code: trpcCode })).code).toBe(code);
  });
});
