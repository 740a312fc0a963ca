import { useText } from "@uketsuke/web";
import { messages } from "../../messages.ts";
import { formatDuration, useServerNow } from "../../ui/clock.ts";

/** How long the caller has waited, by the server's clock; long waits stand out (and say so in words). */
export function RingTimer({ ringAt }: { ringAt: string }) {
  const t = useText();
  const now = useServerNow();
  const waited = now - Date.parse(ringAt);
  const level = waited >= 60_000 ? "long" : waited >= 30_000 ? "medium" : "short";
  return (
    <span className={`ring-timer ring-timer--${level} tabular`} data-ring-timer>
      {level === "long" && <span aria-hidden="true">⚠ </span>}
      {t(messages.ringingFor, { time: formatDuration(waited) })}
    </span>
  );
}
