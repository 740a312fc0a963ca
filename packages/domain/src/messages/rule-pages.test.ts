import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { JAPANESE } from "../testing/helpers.ts";
import { catalogueEntries, RULE_IDS } from "./catalogue.ts";
import { isRuleId, ruleInfo, rulePages } from "./rule-pages.ts";

/**
 * The agency's published Q&A page, kept beside the tests as published (the design's
 * ../shared/seeds/ file), so the passages can be checked word for word on any machine.
 */
const QA = readFileSync(fileURLToPath(new URL("./fixtures/qa-page-5.txt", import.meta.url)), "utf8");
const SEEDS = fileURLToPath(new URL("../../../../../shared/seeds/", import.meta.url));

/** The text of each answer, by its question (Q1 …). */
const answers = new Map(
  [...QA.matchAll(/\((Q\d+)\) \|\n([\s\S]*?)(?=\n\(Q\d+\) \||$)/g)].map((m) => [m[1]!, m[2]!]),
);

describe("rule pages", () => {
  it("reads the Q&A page's ten answers", () => {
    expect([...answers.keys()]).toEqual(["Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8", "Q9", "Q10"]);
  });

  it.skipIf(!existsSync(SEEDS))("keeps the Q&A page exactly as published", () => {
    const published = readdirSync(SEEDS).filter((name) => name.startsWith("000_"));
    expect(published).toHaveLength(1);
    expect(readFileSync(`${SEEDS}${published[0]}`, "utf8")).toBe(QA);
  });

  it.each(RULE_IDS)("%s has a title, a summary and its Q&A passages in both languages", (rule) => {
    const page = ruleInfo(rule);
    expect(page.rule).toBe(rule);
    for (const text of [page.title, page.summary]) {
      expect(text.ja).toMatch(JAPANESE);
      expect(text.en).toMatch(/[A-Za-z]{3,} [A-Za-z]{2,}/);
    }
    expect(page.passages.length).toBeGreaterThan(0);
    for (const passage of page.passages) {
      expect(passage.ja.trim().length).toBeGreaterThan(0);
      // Quoted as published, from the answer it names.
      expect(answers.get(passage.question), `${rule} ${passage.question}`).toContain(passage.ja);
      expect(passage.en).toMatch(/[A-Za-z]{3,} [A-Za-z]{2,}/);
      // One English paragraph for each Japanese one.
      expect(passage.en.split("\n")).toHaveLength(passage.ja.split("\n").length);
    }
  });

  it("lists on each page the codes that cite its rule, and every such code is on its page", () => {
    const cited = catalogueEntries().filter((entry) => entry.rule !== undefined);
    expect(rulePages().flatMap((page) => page.codes).sort()).toEqual(cited.map((entry) => entry.code).sort());
    expect(ruleInfo("R3").codes).toEqual(["R3_AGENCY_DOMAIN_ADDRESS", "R3_MEMBERS_ONLY_LIST", "R3_INTERNAL_TRAFFIC", "FIELD_LIST_POLICY_REQUIRED"]);
    expect(ruleInfo("R8").codes).toEqual([]);
  });

  it("gives a rule page for a refusal's rule", () => {
    expect(ruleInfo("R3").title.ja).toBe("メーリングリストは非メンバーが投稿できるものだけ");
    expect(ruleInfo("R7").passages[0]!.ja).toContain("名簿最上位");
    expect(rulePages().map((page) => page.rule)).toEqual([...RULE_IDS]);
    expect(isRuleId("R10")).toBe(true);
    for (const other of ["R11", "r1", "", "toString"]) expect(isRuleId(other)).toBe(false);
  });
});
