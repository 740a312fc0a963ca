import { useState, type FormEvent } from "react";
import { useQuery } from "@tanstack/react-query";
import { billingInputSchema, fieldLabel, tokyoMonth } from "@uketsuke/domain";
import { FieldErrorText, useFieldErrors, useText, useTRPC } from "@uketsuke/web";
import { serverNow } from "../../../ui/clock.ts";
import { deskMessages as m } from "../messages.ts";
import { clearOnInput, QueryView, useDeskTitle, useNumberFormat } from "../ui.tsx";
import { billingCsv, billingFileName } from "./billing-csv.ts";

const FORM = "billing";

/** Calls per contract in a Tokyo month (the service bills per call), with a CSV for Excel. */
export default function BillingPage() {
  const t = useText();
  const trpc = useTRPC();
  const title = useDeskTitle(m.billingTitle);
  const number = useNumberFormat();
  const errors = useFieldErrors(FORM);
  const [month, setMonth] = useState(() => tokyoMonth(new Date(serverNow())));
  const billing = useQuery(trpc.admin.figures.billing.queryOptions({ month }));
  const headings = [t(fieldLabel("legalEntityName")), t(fieldLabel("answerName")), t(m.totalCalls), t(m.billedCalls), t(m.missedShort), t(m.closed)];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = errors.check(billingInputSchema, { month: new FormData(event.currentTarget).get("month") });
    if (input) setMonth(input.month);
  }

  function download() {
    if (!billing.data) return;
    const csv = billingCsv(billing.data.month, billing.data.contracts, [t(m.billingMonth), ...headings], t(m.billingTotal));
    const blob = new Blob([csv], { type: "text/csv;charset=utf-8" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = billingFileName(billing.data.month);
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1_000);
  }

  const rows = billing.data?.contracts ?? [];
  const total = (key: "calls" | "answered" | "missed" | "closed") => rows.reduce((sum, row) => sum + row[key], 0);
  return (
    <section aria-labelledby="billing-title">
      <h1 id="billing-title">{title}</h1>
      <p className="muted">{t(m.billingHint)}</p>
      <form onSubmit={submit} onInput={clearOnInput(errors)} noValidate className="inline-form">
        <div className="field">
          <label htmlFor={`${FORM}-month`}>{t(m.billingMonth)}</label>
          <input id={`${FORM}-month`} name="month" type="month" defaultValue={month} {...errors.inputProps("month")} />
          <FieldErrorText form={FORM} path="month" errors={errors} />
        </div>
        <button type="submit" className="button">
          {t(m.billingShow)}
        </button>
        <button type="button" className="button button--primary" onClick={download} disabled={!billing.data}>
          {t(m.downloadCsv)}
        </button>
      </form>
      <QueryView query={billing}>
        {(data) => (
          <table className="data-table billing-table">
            <caption className="visually-hidden">
              {t(m.billingTitle)} {data.month}
            </caption>
            <thead>
              <tr>
                {headings.map((heading, index) => (
                  <th scope="col" key={heading} className={index >= 2 ? "tabular" : undefined}>
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.contractId} data-contract-id={row.contractId}>
                  <th scope="row">{row.legalEntityName}</th>
                  <td>{row.answerName}</td>
                  <td className="tabular">{number(row.calls)}</td>
                  <td className="tabular billing-table__billed">{number(row.answered)}</td>
                  <td className="tabular">{number(row.missed)}</td>
                  <td className="tabular">{number(row.closed)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {t(m.billingTotal)}
                </th>
                <td className="tabular">{number(total("calls"))}</td>
                <td className="tabular billing-table__billed">{number(total("answered"))}</td>
                <td className="tabular">{number(total("missed"))}</td>
                <td className="tabular">{number(total("closed"))}</td>
              </tr>
            </tfoot>
          </table>
        )}
      </QueryView>
    </section>
  );
}
