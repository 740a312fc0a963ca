import { useText } from "@uketsuke/web";
import { deskMessages as m } from "../messages.ts";

/** Monday first, as the agency's week runs; the domain counts 0 = Sunday. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];
/** Five steps, each with a text colour that keeps AA contrast on it; the number is always written. */
const LEVELS = ["heat-0", "heat-1", "heat-2", "heat-3", "heat-4"] as const;

/** Calls by Tokyo weekday and hour: a table whose cells are shaded by count and say the count. */
export function HeatMap({ heatmap }: { heatmap: readonly (readonly number[])[] }) {
  const t = useText();
  const names = t(m.weekdays).split(",");
  const max = Math.max(1, ...heatmap.flat());
  const level = (n: number) => (n === 0 ? LEVELS[0] : LEVELS[Math.min(4, 1 + Math.floor((n / max) * 3.999))]);
  return (
    <div className="heat-map" tabIndex={0} role="region" aria-label={t(m.heatmapTitle)}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t(m.weekday)}</th>
            {Array.from({ length: 24 }, (_, hour) => (
              <th scope="col" key={hour} abbr={t(m.hourShort, { h: hour })}>
                {hour}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {WEEK_ORDER.map((weekday) => (
            <tr key={weekday}>
              <th scope="row">{names[weekday]}</th>
              {(heatmap[weekday] ?? []).map((n, hour) => (
                <td key={hour} className={`tabular ${level(n)}`}>
                  {n || ""}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
