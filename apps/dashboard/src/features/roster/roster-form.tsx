import { useState, type FormEvent } from "react";
import { enumLabel, fieldLabel, rosterMemberInputSchema } from "@uketsuke/domain";
import { FieldErrorText, RuleNotice, useFieldErrors, useText } from "@uketsuke/web";
import { m } from "../../messages.ts";
import { FormActions, type Refusal, RefusalAlert } from "../../ui/refusal.tsx";
import { checkReportAddress } from "./report-address-check.ts";
import type { RosterMember } from "./use-roster.ts";

const FORM = "roster-form";

export type RosterFormValues = {
  name: string;
  nameKana: string;
  department: string;
  reportAddress: string;
  addressKind: "person" | "list";
  listPolicy: "open" | "members_only" | "";
};

function initialValues(member: RosterMember | null): RosterFormValues {
  return {
    name: member?.name ?? "",
    nameKana: member?.nameKana ?? "",
    department: member?.department ?? "",
    reportAddress: member?.reportAddress ?? "",
    addressKind: member?.addressKind ?? "person",
    listPolicy: member?.listPolicy ?? "",
  };
}

/**
 * One person (or mailing list) on the roster. The report address is checked against R3 while
 * typed; on save the same domain schema runs first, then the server's answer lands in the same
 * places.
 */
export function RosterForm({
  member,
  agencyDomain,
  onSave,
  onCancel,
}: {
  member: RosterMember | null;
  agencyDomain: string;
  onSave: (values: ReturnType<typeof rosterMemberInputSchema.parse>) => Promise<unknown>;
  onCancel: () => void;
}) {
  const t = useText();
  const errors = useFieldErrors(FORM);
  const [values, setValues] = useState<RosterFormValues>(() => initialValues(member));
  const [refusal, setRefusal] = useState<Refusal>(null);
  const [saving, setSaving] = useState(false);
  const verdict = checkReportAddress(values, agencyDomain);
  const set = <K extends keyof RosterFormValues>(key: K, value: RosterFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    errors.clear(key);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setRefusal(null);
    const input = errors.check(rosterMemberInputSchema, {
      name: values.name,
      nameKana: values.nameKana,
      department: values.department,
      reportAddress: values.reportAddress,
      addressKind: values.addressKind,
      listPolicy: values.addressKind === "list" ? values.listPolicy || undefined : undefined,
    });
    if (!input || verdict.kind === "refused") return;
    setSaving(true);
    try {
      await onSave(input);
    } catch (error) {
      const app = errors.fromServer(error);
      setRefusal(app ? (app.fields.length === 0 || app.rule ? app : null) : "unreachable");
    } finally {
      setSaving(false);
    }
  }

  const title = member ? m.editPersonTitle : m.addPersonTitle;
  return (
    <form className="panel roster-form" onSubmit={submit} noValidate aria-labelledby={`${FORM}-title`} data-testid="roster-form">
      <h2 id={`${FORM}-title`}>{t(title)}</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${FORM}-name`}>{t(fieldLabel("name"))}</label>
          <input id={`${FORM}-name`} type="text" value={values.name} onChange={(e) => set("name", e.target.value)} autoComplete="off" {...errors.inputProps("name")} />
          <FieldErrorText form={FORM} path="name" errors={errors} />
        </div>
        <div className="field">
          <label htmlFor={`${FORM}-kana`}>{t(fieldLabel("nameKana"))}</label>
          <input id={`${FORM}-kana`} type="text" value={values.nameKana} onChange={(e) => set("nameKana", e.target.value)} autoComplete="off" {...errors.inputProps("nameKana")} />
          <p className="field-hint">{t(m.kanaHint)}</p>
          <FieldErrorText form={FORM} path="nameKana" errors={errors} />
        </div>
        <div className="field">
          <label htmlFor={`${FORM}-department`}>{t(fieldLabel("department"))}</label>
          <input id={`${FORM}-department`} type="text" value={values.department} onChange={(e) => set("department", e.target.value)} autoComplete="off" {...errors.inputProps("department")} />
          <FieldErrorText form={FORM} path="department" errors={errors} />
        </div>
        <div className="field">
          <label htmlFor={`${FORM}-address`}>{t(fieldLabel("reportAddress"))}</label>
          <input
            id={`${FORM}-address`}
            type="email"
            inputMode="email"
            value={values.reportAddress}
            onChange={(e) => set("reportAddress", e.target.value)}
            autoComplete="off"
            {...errors.inputProps("reportAddress")}
            aria-invalid={Boolean(errors.of("reportAddress")) || (verdict.kind === "refused" && verdict.path === "reportAddress")}
            aria-describedby={`${FORM}-address-check ${FORM}-reportAddress-error`}
          />
          <FieldErrorText form={FORM} path="reportAddress" errors={errors} />
        </div>
      </div>
      <fieldset className="field choice">
        <legend className="field-label">{t(fieldLabel("addressKind"))}</legend>
        <label>
          <input type="radio" name="addressKind" value="person" checked={values.addressKind === "person"} onChange={() => set("addressKind", "person")} /> {t(enumLabel("addressKind", "person"))}
        </label>
        <label>
          <input type="radio" name="addressKind" value="list" checked={values.addressKind === "list"} onChange={() => set("addressKind", "list")} /> {t(enumLabel("addressKind", "list"))}
        </label>
      </fieldset>
      {values.addressKind === "list" && (
        <fieldset className="field choice" aria-describedby={`${FORM}-listPolicy-error`}>
          <legend className="field-label">{t(m.fieldListPolicy)}</legend>
          <label>
            <input type="radio" name="listPolicy" value="open" checked={values.listPolicy === "open"} onChange={() => set("listPolicy", "open")} /> {t(enumLabel("listPolicy", "open"))}
          </label>
          <label>
            <input type="radio" name="listPolicy" value="members_only" checked={values.listPolicy === "members_only"} onChange={() => set("listPolicy", "members_only")} /> {t(enumLabel("listPolicy", "members_only"))}
          </label>
          <FieldErrorText form={FORM} path="listPolicy" errors={errors} />
        </fieldset>
      )}
      <div id={`${FORM}-address-check`} aria-live="polite" data-testid="address-check">
        {verdict.kind === "refused" && <RuleNotice rule={verdict.rule} text={verdict.text} />}
        {verdict.kind === "open-list" && <RuleNotice rule="R3" tone="info" text={m.openListDeclaration} />}
      </div>
      <RefusalAlert refusal={refusal} />
      <FormActions saving={saving} onCancel={onCancel} />
    </form>
  );
}
