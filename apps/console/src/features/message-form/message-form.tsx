import type { FormEvent, ReactNode } from "react";
import { enumOptions, fieldLabel, type CallOutcome, type LocalizedText } from "@uketsuke/domain";
import { FieldErrorText, RuleNotice, useText, type AppError, type FieldErrors } from "@uketsuke/web";
import { messages } from "../../messages.ts";
import { ShortcutKeys } from "../../ui/kbd.tsx";
import { keysOf, useShortcut, type ShortcutId } from "../../ui/shortcuts.ts";
import { OtherCompany, RegistryMatch } from "./assess-hints.tsx";
import type { Draft } from "./draft.ts";
import { RoutingPreview } from "./routing-preview.tsx";
import type { Assessment } from "./use-assess.ts";

export const FORM = "message";

const OUTCOME_KEYS: Record<CallOutcome, ShortcutId> = {
  message: "outcomeMessage",
  wrong_number: "outcomeWrongNumber",
  test_call: "outcomeTestCall",
  other_company: "outcomeOtherCompany",
};

export const fieldId = (name: string) => `call-${name}`;

function focusField(name: string) {
  const element = document.getElementById(fieldId(name));
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
    element.focus();
    if (element.type !== "checkbox") element.select();
  }
}

type RosterOption = { readonly id: string; readonly name: string; readonly nameKana: string | null; readonly romaji: string };

type Props = {
  draft: Draft;
  patch: (change: Partial<Draft>) => void;
  restored: boolean;
  answerName: string;
  roster: readonly RosterOption[];
  testCallGuidance: LocalizedText;
  assess: Assessment | undefined;
  assessing: boolean;
  errors: FieldErrors;
  refusal: AppError | "unreachable" | null;
  previewing: boolean;
  onPreview: () => void;
};

function Label({ name, shortcut, children }: { name: string; shortcut?: ShortcutId; children: ReactNode }) {
  return (
    <label htmlFor={fieldId(name)}>
      {children}
      {shortcut && <ShortcutKeys id={shortcut} />}
    </label>
  );
}

/**
 * The message as heard, in the order a caller usually gives it. Hints from the server (R6
 * look-alikes, R10 other company, R7 routing) appear beside the field they concern while the
 * operator types; every action has a key.
 */
export function MessageForm({ draft, patch, restored, answerName, roster, testCallGuidance, assess, assessing, errors, refusal, previewing, onPreview }: Props) {
  const t = useText();
  const matches = assess?.wrongNumber.matches ?? [];
  const otherCompany = assess?.otherCompanyExplanation ?? null;

  const chooseWrongNumber = (entryId: string | undefined) => patch({ outcome: "wrong_number", wrongNumberEntryId: entryId ?? draft.wrongNumberEntryId });
  const setOutcome = (outcome: CallOutcome) =>
    outcome === "wrong_number" ? chooseWrongNumber(draft.wrongNumberEntryId ?? matches[0]?.entryId) : patch({ outcome });

  useShortcut("focusCompany", () => focusField("callerCompany"));
  useShortcut("focusName", () => focusField("callerName"));
  useShortcut("focusCallback", () => focusField("callbackNumber"));
  useShortcut("focusPerson", () => focusField("requestedPerson"));
  useShortcut("focusMessage", () => focusField("message"));
  useShortcut("toggleCallback", () => patch({ callbackRequested: !draft.callbackRequested }));
  useShortcut("toggleUrgent", () => patch({ urgent: !draft.urgent }));
  useShortcut("outcomeMessage", () => setOutcome("message"));
  useShortcut("outcomeWrongNumber", () => setOutcome("wrong_number"));
  useShortcut("outcomeTestCall", () => setOutcome("test_call"));
  useShortcut("outcomeOtherCompany", () => setOutcome("other_company"));
  useShortcut("wrongNumber", () => chooseWrongNumber(matches[0]?.entryId), matches.length > 0);
  useShortcut("preview", onPreview);

  const text = (name: "callerCompany" | "callerName" | "companyHeard" | "callbackNumber" | "requestedPerson") => ({
    id: fieldId(name),
    name,
    value: draft[name],
    autoComplete: "off",
    onChange: (event: { target: { value: string } }) => {
      patch({ [name]: event.target.value });
      errors.clear(name);
    },
    ...errors.inputProps(name),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    onPreview();
  }

  return (
    <form className="message-form" onSubmit={submit} noValidate aria-labelledby="message-form-title">
      <h2 id="message-form-title">{t(messages.formTitle)}</h2>
      {restored && (
        <p className="notice" role="status">
          {t(messages.draftRestored)}
        </p>
      )}

      <fieldset className="field-group">
        <legend>{t(messages.whoFrom)}</legend>
        <div className="field-row">
          <div className="field">
            <Label name="callerCompany" shortcut="focusCompany">
              {t(fieldLabel("callerCompany"))}
            </Label>
            <input type="text" {...text("callerCompany")} autoFocus />
            <FieldErrorText form={FORM} path="callerCompany" errors={errors} />
          </div>
          <div className="field">
            <Label name="callerName" shortcut="focusName">
              {t(fieldLabel("callerName"))}
            </Label>
            <input type="text" {...text("callerName")} />
            <FieldErrorText form={FORM} path="callerName" errors={errors} />
          </div>
        </div>
      </fieldset>

      <div className="field">
        <Label name="companyHeard">{t(fieldLabel("company"))}</Label>
        <input type="text" {...text("companyHeard")} aria-describedby="companyHeard-hint" />
        <p id="companyHeard-hint" className="field-hint">
          {t(messages.companyHeardHint)}
        </p>
      </div>
      <RegistryMatch matches={matches} chosen={draft.outcome === "wrong_number" ? draft.wrongNumberEntryId : null} answerName={answerName} onChoose={chooseWrongNumber} />
      {otherCompany && <OtherCompany explanation={otherCompany} chosen={draft.outcome === "other_company"} onChoose={() => setOutcome("other_company")} />}

      <div className="field-row">
        <div className="field">
          <Label name="callbackNumber" shortcut="focusCallback">
            {t(fieldLabel("callbackNumber"))}
          </Label>
          <input type="tel" inputMode="tel" {...text("callbackNumber")} />
          <FieldErrorText form={FORM} path="callbackNumber" errors={errors} />
        </div>
        <div className="field">
          <Label name="requestedPerson" shortcut="focusPerson">
            {t(fieldLabel("requestedPerson"))}
          </Label>
          <input type="text" list="roster-options" {...text("requestedPerson")} />
          <datalist id="roster-options">
            {roster.map((m) => (
              <option key={m.id} value={m.name} label={[m.nameKana, m.romaji].filter(Boolean).join(" ")} />
            ))}
          </datalist>
          <FieldErrorText form={FORM} path="requestedPerson" errors={errors} />
          <RoutingPreview routing={assess?.routing} asked={draft.requestedPerson} pending={assessing} />
        </div>
      </div>

      <div className="field">
        <Label name="message" shortcut="focusMessage">
          {t(fieldLabel("message"))}
        </Label>
        <textarea
          id={fieldId("message")}
          name="message"
          rows={4}
          value={draft.message}
          onChange={(event) => {
            patch({ message: event.target.value });
            errors.clear("message");
          }}
          {...errors.inputProps("message")}
        />
        <FieldErrorText form={FORM} path="message" errors={errors} />
      </div>

      <div className="checks">
        <label className="check">
          <input
            type="checkbox"
            id={fieldId("callbackRequested")}
            checked={draft.callbackRequested}
            aria-keyshortcuts={keysOf("toggleCallback")}
            onChange={(event) => patch({ callbackRequested: event.target.checked })}
          />
          <span>
            <strong>{t(fieldLabel("callbackRequested"))}</strong> <ShortcutKeys id="toggleCallback" />
            <span className="field-hint">{t(messages.callbackHint)}</span>
          </span>
        </label>
        <label className="check check--urgent">
          <input type="checkbox" id={fieldId("urgent")} checked={draft.urgent} aria-keyshortcuts={keysOf("toggleUrgent")} onChange={(event) => patch({ urgent: event.target.checked })} />
          <span>
            <strong>{t(fieldLabel("urgent", "messageInputSchema"))}</strong> <ShortcutKeys id="toggleUrgent" />
            <span className="field-hint">{t(messages.urgentHint)}</span>
          </span>
        </label>
      </div>

      <fieldset className="outcomes">
        <legend>{t(messages.outcomeLegend)}</legend>
        {enumOptions("outcome").map(({ value, label }) => (
          <label key={value} className={draft.outcome === value ? "outcome outcome--chosen" : "outcome"}>
            <input type="radio" name="outcome" value={value} checked={draft.outcome === value} aria-keyshortcuts={keysOf(OUTCOME_KEYS[value])} onChange={() => setOutcome(value)} />
            <span>{t(label)}</span> <ShortcutKeys id={OUTCOME_KEYS[value]} />
          </label>
        ))}
      </fieldset>
      <FieldErrorText form={FORM} path="outcome" errors={errors} />
      {draft.outcome === "test_call" && <RuleNotice rule="R9" tone="info" title={messages.testCall} text={testCallGuidance} bothLanguages />}

      <div role="alert" className="form-alert">
        {errors.problems.length > 0 && <p>{t(messages.fixFields)}</p>}
        {refusal === "unreachable" && <p>{t(messages.unreachable)}</p>}
        {refusal && refusal !== "unreachable" && <RuleNotice rule={refusal.rule} text={refusal.text} />}
      </div>

      <div className="form-actions">
        <button type="submit" id="preview-button" className="button button--primary" aria-keyshortcuts={keysOf("preview")} disabled={previewing}>
          {t(previewing ? messages.previewing : messages.preview)} <ShortcutKeys id="preview" />
        </button>
      </div>
    </form>
  );
}
