import { appErrorOf, RuleNotice, useText, type AppError } from "@uketsuke/web";
import { m } from "../messages.ts";

/** What came back when a change was refused: the API's error, or no answer at all. */
export type Refusal = AppError | "unreachable" | null;

export function refusalOf(error: unknown): Exclude<Refusal, null> {
  return appErrorOf(error) ?? "unreachable";
}

/** A refusal in the catalogue's words (with its rule), announced as it appears. */
export function RefusalAlert({ refusal }: { refusal: Refusal }) {
  const t = useText();
  return (
    <div role="alert" className="form-alert">
      {refusal === "unreachable" && <p>{t(m.unreachable)}</p>}
      {refusal && refusal !== "unreachable" && <RuleNotice rule={refusal.rule} text={refusal.text} />}
    </div>
  );
}

/** Save and cancel, with room for a thumb. */
export function FormActions({ saving, onCancel }: { saving: boolean; onCancel: () => void }) {
  const t = useText();
  return (
    <div className="form-actions">
      <button type="submit" className="button button--primary" disabled={saving}>
        {t(saving ? m.saving : m.save)}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {t(m.cancel)}
      </button>
    </div>
  );
}
