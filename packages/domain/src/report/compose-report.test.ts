import { describe, expect, it } from "vitest";
import { CALL_OUTCOMES } from "../vocabulary.ts";
import { outcomeLabels } from "../messages/labels.ts";
import { REPORT_SUBJECT, requestSubjectChange } from "../rules/r01-subject.ts";
import { expectFieldError, expectRefusal, jst } from "../testing/helpers.ts";
import {
  composeCallbackReminder,
  composeReport,
  reportFields,
  reportMessageId,
  type ReminderMailInput,
  type ReportMailInput,
  URGENT_LINE,
} from "./compose-report.ts";

const LABELS = ["受電日時", "誰から", "折り返し先", "ご指名", "ご用件", "折り返し希望", "対応者", "対応結果"];
const URGENT = "お電話の方が折り返しをお待ちです。至急ご連絡ください";

function input(overrides: Partial<ReportMailInput> = {}): ReportMailInput {
  return {
    reportId: "0195f0c2-7d3a-7000-8000-000000000001",
    agencyDomain: "agency.example.jp",
    operator: { displayName: "鈴木 美咲", mailbox: "suzuki" },
    receivedAt: new Date("2026-01-05T00:30:00Z"),
    caller: { company: "株式会社みらい建設", name: "高橋" },
    callbackNumber: "+81312345678",
    requestedPerson: "山田さん",
    routing: { recipientName: "山田 太郎", recipientAddress: "yamada@client.example.jp", reason: "named" },
    message: "見積書の件でお電話いただきました。",
    callbackRequested: false,
    outcome: "message",
    ...overrides,
  };
}

/** The positions of the labels as they appear in a text; -1 if missing. */
function positions(text: string, marks: string[]): number[] {
  return marks.map((m) => text.indexOf(m));
}

function expectInOrder(indices: number[]) {
  for (const i of indices) expect(i).toBeGreaterThanOrEqual(0);
  expect([...indices].sort((a, b) => a - b)).toEqual(indices);
}

describe("R1 — the subject is one fixed string", () => {
  it.each(CALL_OUTCOMES)("is the constant for outcome %s, with or without a callback", (outcome) => {
    for (const callbackRequested of [true, false]) {
      const mail = composeReport(input({ outcome, callbackRequested }));
      expect(mail.subject).toBe(REPORT_SUBJECT);
      expect(mail.subject).toBe("【受電報告】電話代行サービスからのご報告");
    }
  });

  it("refuses a request to change it, with the Q8 explanation in Japanese and English", () => {
    const error = expectRefusal(() => requestSubjectChange("【至急】お客様からのお電話"), "R1_SUBJECT_FIXED");
    expect(error.rule).toBe("R1");
    expect(error.text.ja).toContain("件名は変更できません");
    expect(error.text.en).toContain("subject");
    expect(error.toJSON()).toMatchObject({ code: "R1_SUBJECT_FIXED", rule: "R1", fields: [] });
    expectRefusal(() => requestSubjectChange(), "R1_SUBJECT_FIXED");
  });
});

describe("the report mail", () => {
  it("lists every field in the fixed order, in text and HTML", () => {
    const mail = composeReport(input());
    expect(reportFields(input()).map((f) => f.label)).toEqual(LABELS);
    expectInOrder(positions(mail.text, LABELS.map((l) => `■${l}\n`)));
    expectInOrder(positions(mail.html, LABELS.map((l) => `>${l}</th>`)));
    // Each label exactly once.
    for (const label of LABELS) expect(mail.text.split(`■${label}\n`)).toHaveLength(2);
  });

  it("writes 受電日時 in Japan time, whatever the machine's zone (00:30Z is 09:30 JST)", () => {
    const mail = composeReport(input({ receivedAt: new Date("2026-01-05T00:30:00Z") }));
    expect(mail.text).toContain("■受電日時\n2026年1月5日(月) 09:30\n");
    // 15:10Z is already the next day in Japan.
    const late = composeReport(input({ receivedAt: new Date("2026-01-05T15:10:00Z") }));
    expect(late.text).toContain("■受電日時\n2026年1月6日(火) 00:10\n");
  });

  it("fills each field from the call", () => {
    const mail = composeReport(input());
    expect(mail.text).toContain("■誰から\n株式会社みらい建設 高橋 様\n");
    expect(mail.text).toContain("■折り返し先\n03-1234-5678\n");
    expect(mail.text).toContain("■ご指名\n山田 様（山田 太郎 様 へご報告）\n");
    expect(mail.text).toContain("■ご用件\n見積書の件でお電話いただきました。\n");
    expect(mail.text).toContain("■折り返し希望\nなし\n");
    expect(mail.text).toContain("■対応者\n鈴木 美咲\n");
    expect(mail.text).toContain("■対応結果\nご伝言\n");
    expect(mail.text.startsWith("山田 太郎 様\n")).toBe(true);
    expect(mail.to).toEqual(["yamada@client.example.jp"]);
  });

  it.each(CALL_OUTCOMES)("labels outcome %s in Japanese", (outcome) => {
    const mail = composeReport(input({ outcome }));
    expect(mail.text).toContain(`■対応結果\n${outcomeLabels[outcome].ja}\n`);
  });

  it("says what happened when fields are missing", () => {
    const mail = composeReport(input({ callbackNumber: null, message: "   ", caller: {} }));
    expect(mail.text).toContain("■折り返し先\nお伺いできませんでした\n");
    expect(mail.text).toContain("■ご用件\n（ご用件なし）\n");
    expect(mail.text).toContain("■誰から\n名乗りなし\n");
  });

  it("explains the routing (R7) in the ご指名 line", () => {
    const line = (routing: ReportMailInput["routing"], requestedPerson?: string) =>
      reportFields(input({ routing, requestedPerson })).find((f) => f.label === "ご指名")!.value;
    const top = { recipientName: "佐藤 花子", recipientAddress: "sato@client.example.jp" };
    expect(line({ ...top, reason: "not_named" })).toBe("ご指名なし（名簿最上位の 佐藤 花子 様 へご報告）");
    expect(line({ ...top, reason: "not_found" }, "田中さん")).toBe("田中 様（名簿にご登録がないため、名簿最上位の 佐藤 花子 様 へご報告）");
    expect(line({ recipientName: "山田 太郎", recipientAddress: "y@c.jp", reason: "ambiguous" }, "山田様")).toBe(
      "山田 様（同じお名前の方が複数のため、名簿上位の 山田 太郎 様 へご報告）",
    );
  });

  it("escapes HTML in everything the caller or operator typed", () => {
    const mail = composeReport(
      input({ message: '<script>alert("x")</script>', caller: { company: "A&B <商事>", name: "高橋" } }),
    );
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(mail.html).toContain("A&amp;B &lt;商事&gt; 高橋 様");
    // The plain text keeps it as typed: it is not markup.
    expect(mail.text).toContain('<script>alert("x")</script>');
  });

  it("has a Message-ID that is stable per report id and differs across ids", () => {
    const a1 = composeReport(input());
    const a2 = composeReport(input({ message: "別の内容", receivedAt: new Date("2026-02-01T01:00:00Z") }));
    const b = composeReport(input({ reportId: "0195f0c2-7d3a-7000-8000-000000000002" }));
    expect(a1.messageId).toBe(a2.messageId);
    expect(a1.messageId).not.toBe(b.messageId);
    expect(a1.messageId).toBe("<report.0195f0c2-7d3a-7000-8000-000000000001@agency.example.jp>");
    expect(reportMessageId("r1", "Agency.Example.JP")).toBe("<report.r1@agency.example.jp>");
  });

  it("comes from <operator mailbox>@<agency domain> (R2)", () => {
    expect(composeReport(input()).from).toBe("suzuki@agency.example.jp");
    expect(composeReport(input({ operator: { displayName: "伊藤", mailbox: "ito.k" } })).from).toBe("ito.k@agency.example.jp");
    expect(composeReport(input({ agencyDomain: "Agency.Example.JP" })).from).toBe("suzuki@agency.example.jp");
    expectFieldError(() => composeReport(input({ operator: { displayName: "x", mailbox: "Suzuki" } })), "", "R2_MAILBOX_INVALID");
  });

  it("tells clients to filter on the domain, not on the sender", () => {
    const mail = composeReport(input());
    expect(mail.text).toContain("「@agency.example.jp」");
    expect(mail.text).toContain("件名は固定です");
  });

  it("shows the urgent line when the caller waits for a callback (R5)", () => {
    const waiting = composeReport(input({ callbackRequested: true }));
    expect(waiting.text).toContain(`■折り返し希望\nあり（${URGENT}）\n`);
    expect(waiting.html).toContain(URGENT);
    const not = composeReport(input({ callbackRequested: false }));
    expect(not.text).not.toContain(URGENT);
    expect(not.html).not.toContain(URGENT);
  });

  it("marks an urgent report (至急) at the very top of the body, in text and HTML, and never in the subject (R1)", () => {
    const urgent = composeReport(input({ urgent: true }));
    expect(urgent.text.split("\n")[0]).toBe(URGENT_LINE);
    expect(urgent.html.indexOf(URGENT_LINE)).toBeLessThan(urgent.html.indexOf("山田 太郎"));
    expect(urgent.html.indexOf("<body")).toBeLessThan(urgent.html.indexOf(URGENT_LINE));
    expect(urgent.subject).toBe(REPORT_SUBJECT);
    // The rest of the layout is unchanged: the urgent line only comes before it.
    expect(urgent.text.split("\n").slice(2).join("\n")).toBe(composeReport(input()).text);
    for (const plain of [composeReport(input()), composeReport(input({ urgent: false }))]) {
      expect(plain.text).not.toContain("【至急】");
      expect(plain.html).not.toContain("【至急】");
    }
  });

  it("is a whole HTML document in Japanese", () => {
    const { html } = composeReport(input());
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html.endsWith("</html>")).toBe(true);
  });
});

describe("R5 — the callback reminder mail", () => {
  const reminder = (overrides: Partial<ReminderMailInput> = {}): ReminderMailInput => ({
    callbackId: "cb-1",
    reminderNumber: 2,
    agencyDomain: "agency.example.jp",
    operatorMailbox: "suzuki",
    recipientName: "山田 太郎",
    recipientAddress: "yamada@client.example.jp",
    requestedAt: jst("2026-01-05T09:00"),
    now: jst("2026-01-05T11:15"),
    caller: { company: "みらい建設", name: "高橋様" },
    callbackNumber: "09012345678",
    message: "<b>至急</b>",
    ...overrides,
  });

  it("keeps the fixed subject and the operator's sender, and says it is a reminder", () => {
    const mail = composeCallbackReminder(reminder());
    expect(mail.subject).toBe(REPORT_SUBJECT);
    expect(mail.from).toBe("suzuki@agency.example.jp");
    expect(mail.to).toEqual(["yamada@client.example.jp"]);
    expect(mail.text).toContain("【折り返しのお願い（2回目）】お電話の方が折り返しをお待ちです。至急ご連絡");
    expect(mail.text).toContain("■経過時間\n2時間15分\n");
    expect(mail.text).toContain("■受電日時\n2026年1月5日(月) 09:00\n");
    expect(mail.text).toContain("■誰から\nみらい建設 高橋 様\n");
    expect(mail.text).toContain("■折り返し先\n090-1234-5678\n");
    expect(mail.html).toContain("&lt;b&gt;至急&lt;/b&gt;");
    expect(mail.html).not.toContain("<b>至急");
  });

  it("has one Message-ID per reminder, stable across retries", () => {
    expect(composeCallbackReminder(reminder()).messageId).toBe("<reminder.cb-1.2@agency.example.jp>");
    expect(composeCallbackReminder(reminder()).messageId).toBe(composeCallbackReminder(reminder()).messageId);
    expect(composeCallbackReminder(reminder({ reminderNumber: 3 })).messageId).not.toBe(
      composeCallbackReminder(reminder()).messageId,
    );
  });
});
