import { describe, expect, it } from "vitest";
import { DomainError } from "../messages/domain-error.ts";
import { parseInput } from "../messages/validate.ts";
import { invitationAcceptSchema, invitationInspectSchema } from "../schemas/invitations.ts";
import { homeOf, INVITATION_TTL_DAYS, invitationExpiresAt, invitationLink, invitationStatus } from "./invitation.ts";

const TOKEN = "A".repeat(40) + "-_9";
const NOW = new Date("2026-11-24T01:00:00.000Z");

describe("invitation status", () => {
  const expiresAt = invitationExpiresAt(NOW).toISOString();

  it("expires INVITATION_TTL_DAYS after it was sent", () => {
    expect(expiresAt).toBe("2026-12-01T01:00:00.000Z");
    expect(INVITATION_TTL_DAYS).toBe(7);
  });

  it("is pending until then, expired from then on; accepted and revoked are final", () => {
    const row = { acceptedAt: null, revokedAt: null, expiresAt };
    expect(invitationStatus(row, NOW)).toBe("pending");
    expect(invitationStatus(row, new Date(expiresAt))).toBe("expired");
    expect(invitationStatus({ ...row, acceptedAt: NOW.toISOString() }, new Date(expiresAt))).toBe("accepted");
    expect(invitationStatus({ ...row, revokedAt: NOW.toISOString() }, NOW)).toBe("revoked");
  });

  it("links to the one accept page, and sends staff on to the console", () => {
    expect(invitationLink("https://uketsuke.example.jp/", TOKEN)).toBe(`https://uketsuke.example.jp/invite/${TOKEN}`);
    expect(homeOf("client")).toBe("/");
    expect(homeOf("operator")).toBe("/console/");
  });
});

describe("invitation inputs", () => {
  const fieldsOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      if (error instanceof DomainError) return error.fields.map((f) => `${f.path}:${f.code}`);
    }
    return [];
  };

  it("takes a 43-character base64url token, a password of 10 or more, and an optional readable name", () => {
    expect(parseInput(invitationAcceptSchema, { token: TOKEN, password: "0123456789" })).toEqual({ token: TOKEN, password: "0123456789" });
    expect(parseInput(invitationAcceptSchema, { token: TOKEN, password: "0123456789", displayName: " 山田 " }).displayName).toBe("山田");
  });

  it.each([
    ["malformed token", invitationInspectSchema, { token: "abc" }, "token:FIELD_FORMAT_INVALID"],
    ["missing token", invitationInspectSchema, {}, "token:FIELD_REQUIRED"],
    ["token too long", invitationInspectSchema, { token: "a".repeat(101) }, "token:FIELD_TOO_LONG"],
    ["weak password", invitationAcceptSchema, { token: TOKEN, password: "short" }, "password:FIELD_PASSWORD_WEAK"],
    ["unreadable name", invitationAcceptSchema, { token: TOKEN, password: "0123456789", displayName: "a\u202Eb" }, "displayName:FIELD_NAME_CHARACTERS"],
  ])("%s is a field error", (_name, schema, input, expected) => {
    expect(fieldsOf(() => parseInput(schema, input))).toContain(expected);
  });
});
