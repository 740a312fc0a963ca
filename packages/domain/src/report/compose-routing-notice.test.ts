import { describe, expect, it } from "vitest";
import { REPORT_SUBJECT } from "../rules/r01-subject.ts";
import { composeRoutingNotice } from "./compose-routing-notice.ts";

const base = {
  noticeId: "0195f0c2-7d3a-7000-8000-000000000009",
  agencyDomain: "Agency.example.jp",
  ownerName: "山田 太郎",
  ownerAddress: "yamada@client.example.jp",
  changedBy: "高橋 由美",
  at: new Date("2026-11-24T01:05:00Z"),
  roster: [
    { name: "佐藤 花子", address: "sato@client.example.jp" },
    { name: "山田 太郎", address: "yamada@client.example.jp" },
  ],
};

describe("routing notice (R7, owner informed)", () => {
  it("goes to the owner with the fixed subject, names who changed what and the new top of the roster", () => {
    const mail = composeRoutingNotice({ ...base, change: "reordered" });
    expect(mail.to).toEqual(["yamada@client.example.jp"]);
    expect(mail.subject).toBe(REPORT_SUBJECT);
    expect(mail.from).toBe("notice@agency.example.jp");
    expect(mail.messageId).toBe("<notice.0195f0c2-7d3a-7000-8000-000000000009@agency.example.jp>");
    expect(mail.text).toContain("報告先の順番が変更されました");
    expect(mail.text).toContain("高橋 由美 様");
    expect(mail.text).toContain("■名指しのないお電話の報告先（名簿1番目）\n佐藤 花子 <sato@client.example.jp>");
    expect(mail.text).toContain("2026年11月24日(火) 10:05");
  });

  it("names the address added and escapes it in HTML", () => {
    const mail = composeRoutingNotice({ ...base, change: "added", member: { name: "<b>x</b>", address: "attacker@evil.example" } });
    expect(mail.text).toContain("■対象の報告先\n<b>x</b> <attacker@evil.example>");
    expect(mail.html).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(mail.html).not.toContain("<b>x</b>");
  });
});
