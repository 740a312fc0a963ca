import { describe, expect, it } from "vitest";
import { parseInput } from "../messages/validate.ts";
import { reportAddressSchema, type ReportAddress } from "../schemas/roster.ts";
import { expectFieldError, expectRefusal } from "../testing/helpers.ts";
import { assertReportAddress, isAgencyAddress } from "./r03-report-address.ts";

const AGENCY = "agency.example.jp";
const address = (input: unknown): ReportAddress => parseInput(reportAddressSchema, input);

describe("R3 — no report address on the agency's domain", () => {
  it.each([
    "suzuki@agency.example.jp",
    "SUZUKI@AGENCY.EXAMPLE.JP",
    "x@Agency.Example.Jp",
    "x@ops.agency.example.jp",
    "x@OPS.Agency.example.jp",
    "x@a.b.agency.example.jp",
  ])("refuses %s", (reportAddress) => {
    const error = expectRefusal(() => assertReportAddress(address({ reportAddress }), AGENCY), "R3_AGENCY_DOMAIN_ADDRESS");
    expect(error.rule).toBe("R3");
    expect(error.text.ja).toContain("@agency.example.jp");
    expect(error.text.en).toContain("@agency.example.jp");
    expect(error.fields).toEqual([{ path: "reportAddress", code: "R3_AGENCY_DOMAIN_ADDRESS", text: error.text }]);
  });

  it("refuses it even when the agency domain is given in capitals, and even for a list", () => {
    expectRefusal(
      () => assertReportAddress(address({ reportAddress: "x@agency.example.jp", addressKind: "list", listPolicy: "open" }), "AGENCY.example.JP"),
      "R3_AGENCY_DOMAIN_ADDRESS",
    );
  });

  it("tells a look-alike domain apart from a subdomain", () => {
    expect(isAgencyAddress("x@notagency.example.jp", AGENCY)).toBe(false);
    expect(isAgencyAddress("x@agency.example.jp.evil.jp", AGENCY)).toBe(false);
    expect(isAgencyAddress("x@example.jp", AGENCY)).toBe(false);
    expect(isAgencyAddress("x@sub.agency.example.jp", AGENCY)).toBe(true);
    expect(() => assertReportAddress(address({ reportAddress: "x@notagency.example.jp" }), AGENCY)).not.toThrow();
  });
});

describe("R3 — a mailing list only if it accepts posts from non-members", () => {
  it("refuses a members-only list with R3_MEMBERS_ONLY_LIST on listPolicy", () => {
    const error = expectRefusal(
      () => assertReportAddress(address({ reportAddress: "all@client.example.jp", addressKind: "list", listPolicy: "members_only" }), AGENCY),
      "R3_MEMBERS_ONLY_LIST",
    );
    expect(error.rule).toBe("R3");
    expect(error.text.ja).toContain("メーリングリスト");
    expect(error.fields.map((f) => [f.path, f.code])).toEqual([["listPolicy", "R3_MEMBERS_ONLY_LIST"]]);
  });

  it("accepts an open list and an ordinary address", () => {
    expect(() =>
      assertReportAddress(address({ reportAddress: "all@client.example.jp", addressKind: "list", listPolicy: "open" }), AGENCY),
    ).not.toThrow();
    expect(() => assertReportAddress(address({ reportAddress: "yamada@client.example.jp" }), AGENCY)).not.toThrow();
    expect(() =>
      assertReportAddress(address({ reportAddress: "yamada@client.example.jp", addressKind: "person", listPolicy: "members_only" }), AGENCY),
    ).not.toThrow();
  });

  it("requires a list to say its policy (schema: FIELD_LIST_POLICY_REQUIRED)", () => {
    for (const listPolicy of [undefined, null]) {
      const field = expectFieldError(
        () => address({ reportAddress: "all@client.example.jp", addressKind: "list", listPolicy }),
        "listPolicy",
        "FIELD_LIST_POLICY_REQUIRED",
      );
      expect(field.text.en).toContain("non-members");
    }
  });

  it("rejects a malformed address as FIELD_EMAIL_INVALID on reportAddress", () => {
    for (const reportAddress of ["yamada", "yamada@", "@client.example.jp", "yamada@@client.example.jp", "山田@client.example.jp", "a b@client.example.jp"]) {
      expectFieldError(() => address({ reportAddress }), "reportAddress", "FIELD_EMAIL_INVALID");
    }
  });

  it("stores the address trimmed and in lower case, a person by default", () => {
    expect(address({ reportAddress: "  Yamada@Client.Example.JP " })).toEqual({
      reportAddress: "yamada@client.example.jp",
      addressKind: "person",
      listPolicy: undefined,
    });
  });
});
