import { z } from "zod";
import { describe, expect, it } from "vitest";
import * as domain from "../index.ts";
import { JAPANESE, schemaFieldNames, walkSchema } from "../testing/helpers.ts";
import { VOCABULARIES, type VocabularyName } from "../vocabulary.ts";
import { enumLabel, enumLabels, enumOptions, fieldLabel, fieldLabelForPath, fieldLabels, isFieldName, outcomeLabels } from "./labels.ts";

const EXPORTED_SCHEMAS = Object.entries(domain as Record<string, unknown>).flatMap(([name, value]) =>
  value instanceof z.ZodType ? [[name, value] as const] : [],
);
const VOCABULARY_NAMES = Object.keys(VOCABULARIES) as VocabularyName[];

function expectLabel(label: { ja: string; en: string } | undefined, what: string) {
  expect(label, what).toBeDefined();
  expect(label!.ja, what).toMatch(JAPANESE);
  expect(label!.ja.trim(), what).toBe(label!.ja);
  expect(label!.en, what).toMatch(/^[A-Z]/);
  expect(label!.en.trim(), what).toBe(label!.en);
}

describe("field labels", () => {
  it.each(EXPORTED_SCHEMAS)("labels every field of %s", (name, schema) => {
    for (const field of schemaFieldNames(schema)) {
      expect(isFieldName(field), `${name}.${field} has no label in fieldLabels`).toBe(true);
      if (isFieldName(field)) expectLabel(fieldLabel(field, name), `${name}.${field}`);
    }
  });

  it("covers the forms the apps build", () => {
    expect(schemaFieldNames(domain.rosterMemberInputSchema).sort()).toEqual(["addressKind", "department", "listPolicy", "name", "nameKana", "reportAddress"]);
    expect(fieldLabel("reportAddress")).toEqual({ ja: "報告先メールアドレス", en: "Report address" });
    expect(fieldLabel("callerCompany").ja).toBe("お電話の方の会社名");
  });

  it("has no label that no schema uses", () => {
    const used = new Set(EXPORTED_SCHEMAS.flatMap(([, schema]) => schemaFieldNames(schema)));
    expect(Object.keys(fieldLabels).filter((name) => !used.has(name))).toEqual([]);
  });

  it("words a field by the input it belongs to where the name means something else there", () => {
    expect(fieldLabel("from").ja).toBe("発信元番号");
    expect(fieldLabel("from", "manualCallInputSchema").ja).toBe("発信元番号");
    expect(fieldLabel("from", "reportFilterSchema")).toEqual({ ja: "期間（開始）", en: "From (date and time)" });
    expect(fieldLabel("to", "statsInputSchema").ja).toBe("期間（終了）");
    expect(fieldLabel("outcome", "reportFilterSchema")).toEqual(fieldLabels.outcome);
    expect(fieldLabel("from", "toString")).toEqual(fieldLabels.from);
    // 至急 on a message is the operator's mark; in the report filter it means "callback requested".
    expect(fieldLabel("urgent", "messageInputSchema")).toEqual({ ja: "至急", en: "Urgent" });
    expect(fieldLabel("urgent", "reportFilterSchema")).toEqual(fieldLabels.urgent);
  });

  it("labels the paths that field errors carry", () => {
    expect(fieldLabelForPath("numbers.0")).toEqual(fieldLabels.numbers);
    expect(fieldLabelForPath("orderedIds.12")).toEqual(fieldLabels.orderedIds);
    expect(fieldLabelForPath("reportAddress")).toEqual(fieldLabels.reportAddress);
    expect(fieldLabelForPath("from", "reportFilterSchema")?.ja).toBe("期間（開始）");
    expect(fieldLabelForPath("")).toBeUndefined();
    expect(fieldLabelForPath("0")).toBeUndefined();
    expect(fieldLabelForPath("constructor")).toBeUndefined();
  });
});

describe("enum labels", () => {
  it.each(VOCABULARY_NAMES)("labels every value of %s, and nothing else", (name) => {
    expect(Object.keys(enumLabels[name]).sort()).toEqual([...VOCABULARIES[name]].sort());
    for (const value of VOCABULARIES[name]) expectLabel(enumLabel(name, value as never), `${name}.${value}`);
    // Two values with one label could not be told apart in a list.
    const labels = Object.values(enumLabels[name]) as Array<{ ja: string; en: string }>;
    expect(new Set(labels.map((l) => l.ja)).size, name).toBe(labels.length);
    expect(new Set(labels.map((l) => l.en)).size, name).toBe(labels.length);
  });

  it("has a vocabulary, and so labels, for every enum an exported schema accepts", () => {
    for (const [name, schema] of EXPORTED_SCHEMAS) {
      walkSchema(schema, (node, field) => {
        const def = node._zod!.def!;
        if (def.type !== "enum") return;
        const values = Object.values(def.entries as Record<string, string>);
        // A schema may accept part of a vocabulary (staff roles are two of the three roles).
        const home = Object.values(VOCABULARIES).find((vocabulary) => values.every((v) => (vocabulary as readonly string[]).includes(v)));
        expect(home, `${name}.${field ?? ""}: [${values}]`).toBeDefined();
      });
    }
  });

  it("reads a value's label", () => {
    expect(enumLabel("outcome", "wrong_number")).toEqual({ ja: "間違い電話（先方にお伝え済み）", en: "Wrong number (caller told)" });
    expect(enumLabel("callbackStatus", "open").ja).toBe("折り返し待ち");
    expect(enumLabel("routingReason", "not_named").en).toBe("No one named (top of the roster)");
    expect(outcomeLabels).toBe(enumLabels.outcome);
  });

  it("lists the options of a vocabulary in its order", () => {
    expect(enumOptions("outcome").map((o) => o.value)).toEqual(["message", "wrong_number", "test_call", "other_company"]);
    expect(enumOptions("clientRole")).toEqual([
      { value: "owner", label: enumLabels.clientRole.owner },
      { value: "member", label: enumLabels.clientRole.member },
    ]);
  });
});
