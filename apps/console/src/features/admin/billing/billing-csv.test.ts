import { describe, expect, it } from "vitest";
import { billingCsv } from "./billing-csv.ts";

describe("billingCsv", () => {
  const rows = [
    { legalEntityName: "株式会社みらい建設", answerName: "みらい建設", calls: 12, answered: 10, missed: 1, closed: 1 },
    { legalEntityName: 'ひかり法律事務所, "東京"', answerName: "ひかり法律", calls: 3, answered: 3, missed: 0, closed: 0 },
  ];
  const csv = billingCsv("2026-11", rows, ["対象月", "契約法人名", "名乗り", "着信", "応答", "不在", "時間外"], "合計");

  it("starts with a UTF-8 byte-order mark, for Excel", () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it("has a heading, a line per contract and a total, CRLF-separated, quoting what needs it", () => {
    expect(csv.slice(1).split("\r\n")).toEqual([
      "対象月,契約法人名,名乗り,着信,応答,不在,時間外",
      "2026-11,株式会社みらい建設,みらい建設,12,10,1,1",
      '2026-11,"ひかり法律事務所, ""東京""",ひかり法律,3,3,0,0',
      "2026-11,合計,,15,13,1,1",
      "",
    ]);
  });
});
