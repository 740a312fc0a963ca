import { describe, expect, it } from "vitest";
import { matchesMember, romajiOf } from "./roster-search.ts";

const yamada = { name: "山田 太郎", nameKana: "ヤマダ タロウ" };
const takahashi = { name: "高橋 由美", nameKana: "タカハシ ユミ" };
const sales = { name: "営業部", nameKana: null };

describe("roster search", () => {
  it("finds a member by kanji, by kana in either script and width, and by romaji", () => {
    for (const query of ["山田", "田太", "やまだ", "ヤマダ", "ﾔﾏﾀﾞ", "yamada", "Yamada Tarō", "taro", "TAROU"]) {
      expect(matchesMember(yamada, query), query).toBe(true);
    }
  });

  it("does not find someone else", () => {
    expect(matchesMember(takahashi, "yamada")).toBe(false);
    expect(matchesMember(takahashi, "山田")).toBe(false);
    expect(matchesMember(sales, "yamada")).toBe(false);
  });

  it("shows every member for an empty search, and romaji of the reading", () => {
    expect(matchesMember(sales, "  ")).toBe(true);
    expect(romajiOf(yamada)).toBe("yamada tarou");
    expect(romajiOf(sales)).toBe("");
  });
});
