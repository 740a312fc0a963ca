import { describe, expect, it } from "vitest";
import { fromWhom, withSama } from "./r08-caller.ts";

describe("R8 — 誰から (from whom)", () => {
  it("writes company + name when both were given", () => {
    expect(fromWhom({ company: "株式会社みらい建設", name: "高橋" })).toEqual({
      ja: "株式会社みらい建設 高橋 様",
      en: "高橋 (株式会社みらい建設)",
    });
  });

  it("writes the name alone when no company was given", () => {
    expect(fromWhom({ name: "高橋" })).toEqual({ ja: "高橋 様", en: "高橋" });
    expect(fromWhom({ company: "  ", name: "高橋 一郎" })).toEqual({ ja: "高橋 一郎 様", en: "高橋 一郎" });
    expect(fromWhom({ company: null, name: "Smith" })).toEqual({ ja: "Smith 様", en: "Smith" });
  });

  it("writes the company alone when no name was given", () => {
    expect(fromWhom({ company: "株式会社みらい建設" })).toEqual({ ja: "株式会社みらい建設 様", en: "株式会社みらい建設" });
    expect(fromWhom({ company: "みらい建設", name: "   " })).toEqual({ ja: "みらい建設 様", en: "みらい建設" });
  });

  it("says 名乗りなし when the caller gave neither", () => {
    const none = { ja: "名乗りなし", en: "Unknown (no name given)" };
    expect(fromWhom({})).toEqual(none);
    expect(fromWhom({ company: null, name: null })).toEqual(none);
    expect(fromWhom({ company: " ", name: "　" })).toEqual(none);
  });

  it.each(["高橋様", "高橋さん", "高橋さま", "高橋殿", "高橋 様", "高橋　さん", " 高橋様 "])("does not double the honorific of %j", (name) => {
    expect(fromWhom({ name })).toEqual({ ja: "高橋 様", en: "高橋" });
    expect(fromWhom({ company: "みらい建設", name })).toEqual({ ja: "みらい建設 高橋 様", en: "高橋 (みらい建設)" });
  });

  it("does not double the honorific an operator typed after a company", () => {
    expect(fromWhom({ company: "みらい建設様" })).toEqual({ ja: "みらい建設 様", en: "みらい建設" });
    expect(fromWhom({ company: "みらい建設さん", name: "高橋さん" })).toEqual({ ja: "みらい建設 高橋 様", en: "高橋 (みらい建設)" });
  });

  it("withSama puts exactly one 様 after a name", () => {
    expect(withSama("山田 太郎")).toBe("山田 太郎 様");
    expect(withSama("やまださん")).toBe("やまだ 様");
    expect(withSama(" 山田様 ")).toBe("山田 様");
  });
});
