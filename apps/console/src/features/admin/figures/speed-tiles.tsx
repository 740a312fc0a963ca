import type { RouterOutputs } from "@uketsuke/api";
import { useLocale, useText } from "@uketsuke/web";
import { deskMessages as m } from "../messages.ts";

type Speed = RouterOutputs["admin"]["figures"]["get"]["speed"];

export function percent(share: number, locale: "ja" | "en"): string {
  return new Intl.NumberFormat(locale === "ja" ? "ja-JP" : "en-GB", { style: "percent", maximumFractionDigits: 1 }).format(share);
}

export function Tile({ label, value, note, id }: { label: string; value: string; note?: string | undefined; id: string }) {
  return (
    <div className="figure-tile" aria-labelledby={`${id}-label`} role="group" data-tile={id}>
      <p id={`${id}-label`} className="figure-tile__label">
        {label}
      </p>
      <p className="figure-tile__value tabular">{value}</p>
      {note && <p className="figure-tile__note">{note}</p>}
    </div>
  );
}

/** The figure call centres are judged by: the share within 20 s against the 80 % target, and p50/p90. */
export function SpeedTiles({ speed }: { speed: Speed }) {
  const t = useText();
  const { locale } = useLocale();
  const seconds = (n: number | null) => (n === null ? t(m.noAnswerYet) : t(m.seconds, { n }));
  const meets = speed.share !== null && speed.share >= 0.8;
  return (
    <>
      <Tile
        id="tile-speed-share"
        label={t(m.speedShare, { target: speed.targetSeconds })}
        value={speed.share === null ? "—" : percent(speed.share, locale)}
        note={speed.share === null ? t(m.speedTarget) : `${t(m.speedTarget)} — ${t(meets ? m.speedMeets : m.speedBelow)}`}
      />
      <Tile id="tile-speed-p50" label={t(m.speedP50)} value={seconds(speed.p50Seconds)} />
      <Tile id="tile-speed-p90" label={t(m.speedP90)} value={seconds(speed.p90Seconds)} />
    </>
  );
}
