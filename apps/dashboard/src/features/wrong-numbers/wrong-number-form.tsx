import { useState, type FormEvent } from "react";
import { fieldLabel, wrongNumberInputSchema, type WrongNumberInput } from "@uketsuke/domain";
import { FieldErrorText, useFieldErrors, useText } from "@uketsuke/web";
import { m } from "../../messages.ts";
import { FormActions, type Refusal, RefusalAlert } from "../../ui/refusal.tsx";
import type { WrongNumber } from "./use-wrong-numbers.ts";

const FORM = "wrong-number-form";

/**
 * R6: the company callers confuse this client with — its name (and reading), its numbers, and
 * the calls that usually arrive by mistake. Numbers one per line, in any common writing.
 */
export function WrongNumberForm({ entry, onSave, onCancel }: { entry: WrongNumber | null; onSave: (input: WrongNumberInput) => Promise<unknown>; onCancel: () => void }) {
  const t = useText();
  const errors = useFieldErrors(FORM);
  const [companyName, setCompanyName] = useState(entry?.companyName ?? "");
  const [companyNameKana, setCompanyNameKana] = useState(entry?.companyNameKana ?? "");
  const [numbers, setNumbers] = useState((entry?.numbers ?? []).join("\n"));
  const [typicalCalls, setTypicalCalls] = useState(entry?.typicalCalls ?? "");
  const [refusal, setRefusal] = useState<Refusal>(null);
  const [saving, setSaving] = useState(false);
  const numberLines = numbers.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  // A bad number is reported as `numbers.<i>`: the message names the line the person typed.
  const numberProblems = errors.problems.filter((p) => p.path.startsWith("numbers"));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setRefusal(null);
    const input = errors.check(wrongNumberInputSchema, { companyName, companyNameKana, numbers: numberLines, typicalCalls });
    if (!input) return;
    setSaving(true);
    try {
      await onSave(input);
    } catch (error) {
      const app = errors.fromServer(error);
      setRefusal(app ? (app.fields.length === 0 ? app : null) : "unreachable");
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby={`${FORM}-title`} data-testid="wrong-number-form">
      <h2 id={`${FORM}-title`}>{t(entry ? m.editWrongNumber : m.addWrongNumber)}</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${FORM}-company`}>{t(fieldLabel("companyName"))}</label>
          <input id={`${FORM}-company`} type="text" value={companyName} onChange={(e) => setCompanyName(e.target.value)} {...errors.inputProps("companyName")} />
          <FieldErrorText form={FORM} path="companyName" errors={errors} />
        </div>
        <div className="field">
          <label htmlFor={`${FORM}-kana`}>{t(fieldLabel("companyNameKana"))}</label>
          <input id={`${FORM}-kana`} type="text" value={companyNameKana} onChange={(e) => setCompanyNameKana(e.target.value)} {...errors.inputProps("companyNameKana")} />
          <FieldErrorText form={FORM} path="companyNameKana" errors={errors} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${FORM}-numbers`}>{t(fieldLabel("numbers"))}</label>
        <textarea
          id={`${FORM}-numbers`}
          rows={3}
          value={numbers}
          onChange={(e) => setNumbers(e.target.value)}
          aria-invalid={numberProblems.length > 0}
          aria-describedby={`${FORM}-numbers-hint ${FORM}-numbers-errors`}
          inputMode="tel"
        />
        <p className="field-hint" id={`${FORM}-numbers-hint`}>
          {t(m.numbersHint)}
        </p>
        <div id={`${FORM}-numbers-errors`}>
          {numberProblems.map((problem) => {
            const line = Number(problem.path.split(".")[1]);
            return (
              <p key={problem.path} className="field-error" data-field-error={problem.path}>
                {Number.isInteger(line) ? `${numberLines[line] ?? ""}: ` : ""}
                {t(problem.text)}
              </p>
            );
          })}
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${FORM}-calls`}>{t(fieldLabel("typicalCalls"))}</label>
        <textarea id={`${FORM}-calls`} rows={3} value={typicalCalls} onChange={(e) => setTypicalCalls(e.target.value)} {...errors.inputProps("typicalCalls")} />
        <p className="field-hint">{t(m.typicalCallsHint)}</p>
        <FieldErrorText form={FORM} path="typicalCalls" errors={errors} />
      </div>
      <RefusalAlert refusal={refusal} />
      <FormActions saving={saving} onCancel={onCancel} />
    </form>
  );
}
