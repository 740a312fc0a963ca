import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams, useSearchParams } from "react-router";
import type { RouterOutputs } from "@uketsuke/api";
import { contractNumberSchema, contractUpdateSchema, enumOptions, fieldLabel, formatPhoneNumber } from "@uketsuke/domain";
import { FieldErrorText, useFieldErrors, useText, useTRPC, type AppError } from "@uketsuke/web";
import { deskMessages as m } from "../messages.ts";
import { clearOnInput, deskPath, Done, FormRefusal, LoadFailed, Loading, useDeskTitle } from "../ui.tsx";
import { ClientUsers } from "./client-users.tsx";

type Contract = RouterOutputs["admin"]["contracts"]["get"];

const STATUS_MEANING = { active: m.statusActive, suspended: m.statusSuspended, ended: m.statusEnded } as const;

/** One contract: its answer name, script and status, its numbers, and who of the client may sign in. */
export default function ContractPage() {
  const t = useText();
  const trpc = useTRPC();
  const { id = "" } = useParams();
  const [search] = useSearchParams();
  const contract = useQuery(trpc.admin.contracts.get.queryOptions({ id }));
  useDeskTitle(m.contractEditTitle, { name: contract.data?.legalEntityName ?? "…" });
  if (contract.isPending) return <Loading />;
  if (contract.isError) return <LoadFailed retry={() => void contract.refetch()} />;
  const c = contract.data;
  return (
    <section aria-labelledby="contract-title" className="admin__narrow">
      <p>
        <Link to={deskPath("contracts")}>← {t(m.contractsTitle)}</Link>
      </p>
      <h1 id="contract-title">{t(m.contractEditTitle, { name: c.legalEntityName })}</h1>
      {search.get("created") && <Done>{t(m.contractCreated)}</Done>}
      <DetailsForm contract={c} />
      <Numbers contract={c} />
      <ClientUsers contractId={c.id} invitingOwner={search.get("created") !== null} />
    </section>
  );
}

function useRefreshContract(id: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.admin.contracts.get.queryKey({ id }) }),
      queryClient.invalidateQueries({ queryKey: trpc.admin.contracts.list.queryKey() }),
    ]);
}

const DETAILS = "contract-details";

function DetailsForm({ contract }: { contract: Contract }) {
  const t = useText();
  const trpc = useTRPC();
  const refresh = useRefreshContract(contract.id);
  const errors = useFieldErrors(DETAILS);
  const [refusal, setRefusal] = useState<AppError | null>(null);
  const [done, setDone] = useState(false);
  const update = useMutation(trpc.admin.contracts.update.mutationOptions());

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setRefusal(null);
    setDone(false);
    const input = errors.check(contractUpdateSchema, { answerName: form.get("answerName"), script: form.get("script"), status: form.get("status") });
    if (!input) return;
    try {
      await update.mutateAsync({ id: contract.id, ...input });
      await refresh();
      setDone(true);
    } catch (error) {
      setRefusal(errors.fromServer(error));
    }
  }

  return (
    <form onSubmit={submit} onInput={clearOnInput(errors)} noValidate className="panel admin__form" aria-labelledby={`${DETAILS}-title`}>
      <h2 id={`${DETAILS}-title`}>{t(fieldLabel("legalEntityName"))}: {contract.legalEntityName}</h2>
      <div className="field">
        <label htmlFor={`${DETAILS}-answerName`}>{t(fieldLabel("answerName"))}</label>
        <input id={`${DETAILS}-answerName`} type="text" name="answerName" defaultValue={contract.answerName} autoComplete="off" {...errors.inputProps("answerName")} />
        <FieldErrorText form={DETAILS} path="answerName" errors={errors} />
      </div>
      <div className="field">
        <label htmlFor={`${DETAILS}-script`}>{t(fieldLabel("script"))}</label>
        <textarea id={`${DETAILS}-script`} name="script" rows={4} defaultValue={contract.script} {...errors.inputProps("script")} />
        <FieldErrorText form={DETAILS} path="script" errors={errors} />
      </div>
      <fieldset className="field-group status-choice">
        <legend>{t(fieldLabel("status"))}</legend>
        <p className="field-hint">{t(m.statusMeaning)}</p>
        {enumOptions("contractStatus").map((option) => (
          <label key={option.value} className="status-choice__option">
            <input type="radio" name="status" value={option.value} defaultChecked={contract.status === option.value} />
            <span>
              <strong>{t(option.label)}</strong> — <span className="muted">{t(STATUS_MEANING[option.value])}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <FormRefusal error={refusal} />
      {done && <Done>{t(m.saved)}</Done>}
      <div className="admin__actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {t(update.isPending ? m.saving : m.save)}
        </button>
      </div>
    </form>
  );
}

const NUMBERS = "contract-numbers";

function Numbers({ contract }: { contract: Contract }) {
  const t = useText();
  const trpc = useTRPC();
  const refresh = useRefreshContract(contract.id);
  const errors = useFieldErrors(NUMBERS);
  const [refusal, setRefusal] = useState<AppError | null>(null);
  const add = useMutation(trpc.admin.contracts.addNumber.mutationOptions());
  const remove = useMutation(trpc.admin.contracts.removeNumber.mutationOptions());

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    setRefusal(null);
    const input = errors.check(contractNumberSchema, { number: new FormData(element).get("number") });
    if (!input) return;
    try {
      await add.mutateAsync({ id: contract.id, ...input });
      element.reset();
      await refresh();
    } catch (error) {
      setRefusal(errors.fromServer(error));
    }
  }

  return (
    <section className="panel" aria-labelledby={`${NUMBERS}-title`}>
      <h2 id={`${NUMBERS}-title`}>{t(fieldLabel("numbers"))}</h2>
      <p className="field-hint">{t(m.numbersHint)}</p>
      <ul className="admin__list">
        {contract.numbers.map((number) => (
          <li key={number}>
            <span className="tabular">{formatPhoneNumber(number)}</span>
            <button
              type="button"
              className="button button--quiet"
              disabled={remove.isPending}
              onClick={() => void remove.mutateAsync({ id: contract.id, number }).then(refresh, (error: unknown) => setRefusal(errors.fromServer(error)))}
            >
              {t(m.numberRemove, { number: formatPhoneNumber(number) })}
            </button>
          </li>
        ))}
        {contract.numbers.length === 0 && <li className="muted">{t(m.none)}</li>}
      </ul>
      <form onSubmit={submit} onInput={clearOnInput(errors)} noValidate className="inline-form">
        <div className="field">
          <label htmlFor={`${NUMBERS}-number`}>{t(fieldLabel("number"))}</label>
          <input id={`${NUMBERS}-number`} name="number" type="tel" inputMode="tel" autoComplete="off" {...errors.inputProps("number")} />
          <FieldErrorText form={NUMBERS} path="number" errors={errors} />
        </div>
        <button type="submit" className="button" disabled={add.isPending}>
          ＋ {t(m.numberAdd)}
        </button>
      </form>
      <FormRefusal error={refusal} />
    </section>
  );
}
