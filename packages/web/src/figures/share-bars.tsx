import type { ReactNode } from "react";

export type ShareBar = { key: string; label: ReactNode; /** 0–1 of the track. */ share: number; amount: ReactNode; data?: Record<`data-${string}`, string> };

/** Parts of a whole as labelled bars: the bar is a picture only; the amount beside it is written out. */
export function ShareBars({ bars, empty }: { bars: readonly ShareBar[]; empty?: ReactNode }) {
  return (
    <ul className="share-bars">
      {bars.map((bar) => (
        <li key={bar.key} {...bar.data}>
          <span className="share-bars__label">{bar.label}</span>
          <span className="share-bars__track" aria-hidden="true">
            <span className="share-bars__bar" style={{ width: `${bar.share * 100}%` }} />
          </span>
          <span className="share-bars__n tabular">{bar.amount}</span>
        </li>
      ))}
      {bars.length === 0 && empty !== undefined && <li className="muted">{empty}</li>}
    </ul>
  );
}
