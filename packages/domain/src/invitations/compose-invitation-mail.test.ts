import { describe, expect, it } from "vitest";
import { REPORT_SUBJECT } from "../rules/r01-subject.ts";
import { composeInvitationMail, INVITATION_SUBJECT } from "./compose-invitation-mail.ts";

const base = {
  mailId: "0195f0c2-7d3a-7000-8000-000000000010",
  agencyDomain: "Agency.example.jp",
  agencyName: "受付電話代行",
  to: "new@client.example.jp",
  inviteeName: "山田 太郎",
  invitedBy: "高橋 由美",
  company: "株式会社あおば商事",
  role: { ja: "メンバー", en: "Member" },
} as const;
const LINK = "https://uketsuke.example.jp/invite/AAAA";

describe("invitation mail", () => {
  it("to a free address: the link, its expiry in Japan time, Japanese first for a Japanese invitee", () => {
    const mail = composeInvitationMail({ ...base, locale: "ja", kind: "link", link: LINK, expiresAt: new Date("2026-12-01T01:00:00Z") });
    expect(mail.to).toEqual(["new@client.example.jp"]);
    expect(mail.from).toBe("notice@agency.example.jp");
    expect(mail.messageId).toBe("<invitation.0195f0c2-7d3a-7000-8000-000000000010@agency.example.jp>");
    expect(mail.subject).toBe(INVITATION_SUBJECT.ja);
    expect(mail.subject).not.toBe(REPORT_SUBJECT);
    expect(mail.text.startsWith("山田 太郎 様")).toBe(true);
    expect(mail.text).toContain("株式会社あおば商事 の 高橋 由美 様から");
    expect(mail.text).toContain(`\n${LINK}\n`);
    expect(mail.text).toContain("2026年12月1日(火) 10:00");
    expect(mail.text.indexOf("Dear 山田 太郎")).toBeGreaterThan(mail.text.indexOf("ご招待"));
    expect(mail.html).toContain(`<a href="${LINK}">`);
  });

  it("in English first for an English invitee", () => {
    const mail = composeInvitationMail({ ...base, locale: "en", kind: "link", link: LINK, expiresAt: new Date("2026-12-01T01:00:00Z") });
    expect(mail.subject).toBe(INVITATION_SUBJECT.en);
    expect(mail.text.startsWith("Dear 山田 太郎,")).toBe(true);
    expect(mail.html).toMatch(/^<!doctype html><html lang="en">/);
  });

  it("to an address that has an account: who tried, one account per address, and no link", () => {
    const mail = composeInvitationMail({ ...base, locale: "ja", kind: "taken" });
    expect(mail.subject).toBe(INVITATION_SUBJECT.ja);
    expect(mail.text).toContain("new@client.example.jp をお使いの方へ");
    expect(mail.text).toContain("株式会社あおば商事 の 高橋 由美 様が");
    expect(mail.text).toContain("すでにアカウントがあります");
    expect(mail.text).toContain("an address can belong to only one account");
    expect(mail.text).not.toContain("http");
    expect(mail.html).not.toContain("<a ");
    expect(mail.text).not.toContain("山田 太郎");
  });

  it("escapes what people typed in HTML", () => {
    const mail = composeInvitationMail({ ...base, locale: "ja", invitedBy: "<b>x</b>", kind: "taken" });
    expect(mail.html).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(mail.html).not.toContain("<b>x</b>");
  });
});
