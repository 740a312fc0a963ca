import { TRPCError } from "@trpc/server";
import { DomainError, message } from "@uketsuke/domain";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { appErrorData, toTRPCError } from "./errors.ts";

describe("appErrorData: what every error response carries", () => {
  it("passes a domain refusal through with its rule", () => {
    const error = toTRPCError(new DomainError("R7_LAST_MEMBER"));
    expect(error.code).toBe("UNPROCESSABLE_CONTENT");
    expect(appErrorData(error)).toEqual({ appCode: "R7_LAST_MEMBER", rule: "R7", text: message("R7_LAST_MEMBER"), fields: [] });
  });

  it("turns a schema failure into field errors", () => {
    const parsed = z.object({ name: z.string() }).safeParse({ name: 1 });
    const data = appErrorData(new TRPCError({ code: "BAD_REQUEST", cause: parsed.error }));
    expect(data).toMatchObject({ appCode: "VALIDATION_FAILED", fields: [{ path: "name", code: "FIELD_TYPE_INVALID" }] });
  });

  it("says that a body that is empty or not JSON must be JSON, in the catalogue's words", () => {
    let cause: unknown;
    try {
      JSON.parse("{not json");
    } catch (error) {
      cause = error;
    }
    const data = appErrorData(new TRPCError({ code: "BAD_REQUEST", cause }));
    expect(data).toEqual({
      appCode: "VALIDATION_FAILED",
      rule: null,
      text: message("VALIDATION_FAILED"),
      fields: [{ path: "", code: "FIELD_TYPE_INVALID", message: message("FIELD_TYPE_INVALID", { expected: "JSON" }) }],
    });
    expect(JSON.stringify(data)).not.toContain("Unexpected");
  });

  it("never repeats a driver's message: anything unknown is INTERNAL", () => {
    const data = appErrorData(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: new Error("SQLITE_BUSY: database is locked") }));
    expect(data).toEqual({ appCode: "INTERNAL", rule: null, text: message("INTERNAL"), fields: [] });
  });

  it.each([
    ["NOT_FOUND", "NOT_FOUND"],
    ["UNAUTHORIZED", "UNAUTHENTICATED"],
    ["FORBIDDEN", "FORBIDDEN"],
  ] as const)("maps a bare %s to %s", (code, appCode) => {
    expect(appErrorData(new TRPCError({ code })).appCode).toBe(appCode);
  });
});
