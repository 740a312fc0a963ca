import { enumLabel, type RoutingReason } from "@uketsuke/domain";
import { useText } from "@uketsuke/web";
import { messages } from "../../messages.ts";

type Routing = { readonly name: string; readonly reason: RoutingReason } | null | undefined;

/**
 * Where the report will go as things stand (R7): "→ 山田 太郎 · ご指名の方へ", or a plain warning
 * when the person asked for is not on the roster and the report falls back to position 1.
 */
export function RoutingPreview({ routing, asked, pending }: { routing: Routing; asked: string; pending: boolean }) {
  const t = useText();
  return (
    <div className="routing-preview" aria-live="polite" data-routing={routing?.reason ?? "none"}>
      {!routing ? (
        pending && <span className="muted">{t(messages.routingPending)}</span>
      ) : routing.reason === "not_found" ? (
        <p className="routing-preview__warning">
          <span aria-hidden="true">⚠ </span>
          {t(messages.routingNotOnRoster, { asked: asked.trim(), name: routing.name })}
        </p>
      ) : (
        <p>
          <span className="muted">{t(messages.routingTo)}</span> <span aria-hidden="true">→</span> <strong data-routed-to>{routing.name}</strong>
          <span className="routing-preview__reason"> · {t(enumLabel("routingReason", routing.reason))}</span>
        </p>
      )}
    </div>
  );
}
