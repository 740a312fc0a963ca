import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";
import { contractInputSchema, fieldLabel, type LocalizedText } from "@uketsuke/domain";
import { FieldErrorText, useFieldErrors, useText, useTRPC, type AppError } from "@uketsuke/web";
import { deskMessages as m } from "../messages.ts";
import { clearOnInput, deskPath, FormRefusal, useDeskTitle } from "../ui.tsx";
import { R10Refusal, type OneNameField } from "./r10-refusal.tsx";

const FORM = "contract-new";

/** A new contract: one legal entity and one answer name (R10), its forwarded numbers, the script. */
export default function ContractNewPage() {
  const t = useText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const title = useDeskTitle(m.contractNewTitle);
  const errors = useFieldErrors(FORM);
  const [numbers, setNumbers] = useState<string[]>([""]);
  const [secondName, setSecondName] = useState<OneNameField | null>(null);
  const [refusal, setRefusal] = useState<AppError | null>(null);
  const create = useMutation(trpc.admin.contracts.create.mutationOptions());

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setRefusal(null);
    setSecondName(null);
    const input = errors.check(contractInputSchema, {
      legalEntityName: form.get("legalEntityName"),
      answerName: form.get("answerName"),
      script: form.get("script"),
      numbers: numbers.map((n) => n.trim()).filter(Boolean),
    });
    if (!input) return;
    try {
      const contract = await create.mutateAsync(input);
      await queryClient.invalidateQueries({ queryKey: trpc.admin.contracts.list.queryKey() });
      await navigate(`${deskPath(`contracts/${contract.id}`)}?created=1`);
    } catch (error) {
      setRefusal(errors.fromServer(error));
    }
  }

  const nameField = (field: OneNameField, addLabel: LocalizedText) => (
    <div className="field">
      <label htmlFor={`${FORM}-${field}`}>{t(fieldLabel(field))}</label>
      <div className="field-with-action">
        <input
          id={`${FORM}-${field}`}
          type="text"
          name={field}
          autoComplete="off"
          onChange={() => setSecondName((shown) => (shown === field ? null : shown))}
          {...errors.inputProps(field)}
          aria-describedby={secondName === field ? `${FORM}-${field}-r10` : errors.inputProps(field)["aria-describedby"]}
        />
        <button type="button" className="button" onClick={() => setSecondName(field)}>
          ＋ {t(addLabel)}
        </button>
      </div>
      <FieldErrorText form={FORM} path={field} errors={errors} />
      {secondName === field && <R10Refusal field={field} id={`${FORM}-${field}-r10`} />}
    </div>
  );

  return (
    <section aria-labelledby="contract-new-title" className="admin__narrow">
      <p>
        <Link to={deskPath("contracts")}>
          ← {t(m.contractsTitle)}
        </Link>
      </p>
      <h1 id="contract-new-title">{title}</h1>
      <form onSubmit={submit} onInput={clearOnInput(errors)} noValidate className="panel admin__form">
        {nameField("legalEntityName", m.addLegalEntity)}
        {nameField("answerName", m.addAnswerName)}
        <fieldset className="field-group">
          <legend>{t(fieldLabel("numbers"))}</legend>
          <p className="field-hint">{t(m.numbersHint)}</p>
          {numbers.map((number, index) => (
            <div className="field" key={index}>
              <label htmlFor={`${FORM}-number-${index}`} className="visually-hidden">
                {t(fieldLabel("number"))} {index + 1}
              </label>
              <div className="field-with-action">
                <input
                  id={`${FORM}-number-${index}`}
                  type="tel"
                  inputMode="tel"
                  autoComplete="off"
                  value={number}
                  data-path={`numbers.${index}`}
                  onChange={(e) => setNumbers((list) => list.map((n, i) => (i === index ? e.target.value : n)))}
                  {...errors.inputProps(`numbers.${index}`)}
                />
                {numbers.length > 1 && (
                  <button type="button" className="button button--quiet" onClick={() => setNumbers((list) => list.filter((_, i) => i !== index))}>
                    {t(m.numberRemove, { number: number || `${index + 1}` })}
                  </button>
                )}
              </div>
              <FieldErrorText form={FORM} path={`numbers.${index}`} errors={errors} />
            </div>
          ))}
          <FieldErrorText form={FORM} path="numbers" errors={errors} />
          <button type="button" className="button" onClick={() => setNumbers((list) => [...list, ""])}>
            ＋ {t(m.numberAdd)}
          </button>
        </fieldset>
        <div className="field">
          <label htmlFor={`${FORM}-script`}>{t(fieldLabel("script"))}</label>
          <p className="field-hint">{t(m.scriptHint)}</p>
          <textarea id={`${FORM}-script`} name="script" rows={4} {...errors.inputProps("script")} />
          <FieldErrorText form={FORM} path="script" errors={errors} />
        </div>
        <FormRefusal error={refusal} />
        {errors.problems.length > 0 && (
          <p className="field-error" role="alert">
            {t(m.checkFields)}
          </p>
        )}
        <div className="admin__actions">
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {t(create.isPending ? m.saving : m.contractCreate)}
          </button>
        </div>
      </form>
    </section>
  );
}
