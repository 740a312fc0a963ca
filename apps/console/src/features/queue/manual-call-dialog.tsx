import { useState, type FormEvent } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { fieldLabel, manualCallInputSchema } from "@uketsuke/domain";
import { FieldErrorText, RuleNotice, useFieldErrors, useText, useTRPC, type AppError } from "@uketsuke/web";
import { messages } from "../../messages.ts";
import { Dialog } from "../../ui/dialog.tsx";

const FORM = "manual-call";

/** A call that did not come through telephony: the operator opens it, already answered by them. */
export default function ManualCallDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useText();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const errors = useFieldErrors(FORM);
  const [refusal, setRefusal] = useState<AppError | null>(null);
  const contracts = useQuery({ ...trpc.calls.contracts.queryOptions(), enabled: open });
  const openManual = useMutation(trpc.calls.openManual.mutationOptions());

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = errors.check(manualCallInputSchema, { contractId: form.get("contractId") || undefined, from: form.get("from") });
    setRefusal(null);
    if (!input) return;
    try {
      const call = await openManual.mutateAsync(input);
      onClose();
      await navigate(`/calls/${call.id}`);
    } catch (error) {
      const app = errors.fromServer(error);
      if (app && app.fields.length === 0) setRefusal(app);
    }
  }

  return (
    <Dialog open={open} onClose={onClose} labelledBy="manual-call-title">
      <form onSubmit={submit} noValidate className="dialog__body">
        <h2 id="manual-call-title">{t(messages.manualTitle)}</h2>
        <p className="muted">{t(messages.manualHint)}</p>
        <div className="field">
          <label htmlFor="manual-contract">{t(fieldLabel("contractId"))}</label>
          <select id="manual-contract" name="contractId" defaultValue="" autoFocus {...errors.inputProps("contractId")}>
            <option value="" disabled>
              {t(messages.chooseContract)}
            </option>
            {contracts.data?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.answerName}
              </option>
            ))}
          </select>
          <FieldErrorText form={FORM} path="contractId" errors={errors} />
        </div>
        <div className="field">
          <label htmlFor="manual-from">{t(fieldLabel("from"))}</label>
          <input id="manual-from" name="from" type="tel" inputMode="tel" autoComplete="off" {...errors.inputProps("from")} />
          <FieldErrorText form={FORM} path="from" errors={errors} />
        </div>
        <div role="alert">{refusal && <RuleNotice rule={refusal.rule} text={refusal.text} />}</div>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t(messages.cancel)}
          </button>
          <button type="submit" className="button button--primary" disabled={openManual.isPending}>
            {t(messages.manualOpen)}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
