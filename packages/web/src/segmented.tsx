import type { ReactNode } from "react";

export type SegmentedOption<T extends string> = { value: T; label: ReactNode };

/**
 * One choice among a few shown side by side (a period, a status filter): real radio buttons in a
 * fieldset, so the keyboard and screen readers treat it as one group; the chosen one is marked
 * `segmented__on` besides being checked.
 */
export function Segmented<T extends string>({
  legend,
  hideLegend = false,
  name,
  value,
  options,
  onChange,
}: {
  legend: string;
  hideLegend?: boolean;
  name: string;
  value: T;
  options: readonly SegmentedOption<T>[];
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="segmented">
      <legend className={hideLegend ? "visually-hidden" : undefined}>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className={value === option.value ? "segmented__on" : ""}>
          <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} /> {option.label}
        </label>
      ))}
    </fieldset>
  );
}
