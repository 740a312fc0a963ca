import { describe, expect, it } from "vitest";
import { parseInput } from "../messages/validate.ts";
import { contractInputSchema, contractUpdateSchema } from "../schemas/contract.ts";
import { expectFieldError, expectRefusal } from "../testing/helpers.ts";
import { answerPhrase, companyAskedFor, requestAdditionalLegalEntity, requestAlternativeAnswerName } from "./r10-one-entity.ts";

const CONTRACT = { legalEntityName: "株式会社山田商事", answerName: "山田商事" };

describe("R10 — one contract, one legal entity, one answer name", () => {
  it("answers in the contract's one name", () => {
    const phrase = answerPhrase("山田商事");
    expect(phrase.ja).toBe("お電話ありがとうございます。山田商事でございます。");
    expect(phrase.en).toBe("Thank you for calling 山田商事.");
  });

  it("refuses another legal entity and another answer name", () => {
    const entity = expectRefusal(() => requestAdditionalLegalEntity({ legalEntityName: "株式会社山田物流" }), "R10_ONE_LEGAL_ENTITY");
    expect(entity.rule).toBe("R10");
    expect(entity.text.ja).toContain("また貸し");
    const name = expectRefusal(() => requestAlternativeAnswerName("山田物流"), "R10_ONE_ANSWER_NAME");
    expect(name.rule).toBe("R10");
  });

  it("refuses a list where the contract takes one name, with R10's own explanation", () => {
    const answer = expectFieldError(
      () => parseInput(contractInputSchema, { legalEntityName: "株式会社山田商事", answerName: ["山田商事", "山田物流"] }),
      "answerName",
      "R10_ONE_ANSWER_NAME",
    );
    expect(answer.text.ja).toContain("名乗り");
    const entity = expectFieldError(
      () => parseInput(contractInputSchema, { legalEntityName: ["株式会社山田商事", "株式会社山田物流"], answerName: "山田商事" }),
      "legalEntityName",
      "R10_ONE_LEGAL_ENTITY",
    );
    expect(entity.text.en).toContain("one legal entity");
    // A list of one is still a list.
    expectFieldError(() => parseInput(contractUpdateSchema, { answerName: ["山田商事"] }), "answerName", "R10_ONE_ANSWER_NAME");
  });

  it("accepts one name of each", () => {
    expect(parseInput(contractInputSchema, { legalEntityName: " 株式会社山田商事 ", answerName: "山田商事" })).toEqual({
      legalEntityName: "株式会社山田商事",
      answerName: "山田商事",
      script: "",
      numbers: [],
    });
  });

  it.each(["山田商事", "山田商事さんですか", "株式会社山田商事", "(株)山田商事", "㈱ 山田商事 様", "山田商事の営業部"])(
    "%s is this company",
    (heard) => {
      expect(companyAskedFor(CONTRACT, heard)).toBe("this_company");
    },
  );

  it.each(["山田物流", "株式会社山田ロジスティクス", "ABC商事", "山田"])("%s is another company (not relayed)", (heard) => {
    expect(companyAskedFor(CONTRACT, heard)).toBe("other_company");
  });

  it.each([undefined, null, "", "  ", "株式会社", "（株）"])("%j is unknown", (heard) => {
    expect(companyAskedFor(CONTRACT, heard)).toBe("unknown");
  });

  it("compares with the answer name as well as the legal entity", () => {
    const contract = { legalEntityName: "株式会社ヤマダホールディングス", answerName: "山田商事" };
    expect(companyAskedFor(contract, "ヤマダホールディングスさん")).toBe("this_company");
    expect(companyAskedFor(contract, "山田商事さん")).toBe("this_company");
  });
});
