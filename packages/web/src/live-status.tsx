import { useEffect, useState } from "react";
import type { TRPCSubscriptionStatus } from "@trpc/tanstack-react-query";
import { useText } from "./locale.tsx";
import { webMessages } from "./messages.ts";

export type LiveStatus = "connecting" | "live" | "reconnecting" | "down";

/**
 * What a live view's subscription means to the person: first connecting, then live; after a
 * drop "reconnecting" (the SSE client retries with its last event id), "down" on a hard error.
 */
export function useLiveStatus(subscription: { status: TRPCSubscriptionStatus }): LiveStatus {
  const status = subscription.status;
  const [wasLive, setWasLive] = useState(false);
  if (status === "pending" && !wasLive) setWasLive(true);
  switch (status) {
    case "pending":
      return "live";
    case "error":
      return "down";
    case "idle":
    case "connecting":
      return wasLive ? "reconnecting" : "connecting";
  }
}

/** True once the status has been other than `live` for `graceMs` — so a blink does not flash a banner. */
export function useLiveTrouble(status: LiveStatus, graceMs = 1500): boolean {
  const [lasting, setLasting] = useState<LiveStatus | null>(null);
  // Back up: the next drop gets its grace period again.
  if (status === "live" && lasting !== null) setLasting(null);
  useEffect(() => {
    if (status === "live") return;
    const timer = setTimeout(() => setLasting(status), graceMs);
    return () => clearTimeout(timer);
  }, [status, graceMs]);
  return status !== "live" && lasting === status;
}

/** A small always-visible indicator: a word and a shape, never colour alone. */
export function LiveIndicator({ status }: { status: LiveStatus }) {
  const t = useText();
  const text =
    status === "live" ? webMessages.liveUp
    : status === "connecting" ? webMessages.liveConnecting
    : status === "reconnecting" ? webMessages.liveReconnecting
    : webMessages.liveDown;
  return (
    <span className={`live-indicator live-indicator--${status}`} data-live={status}>
      <span aria-hidden="true" className="live-indicator__dot">
        {status === "live" ? "●" : "○"}
      </span>
      {t(text)}
    </span>
  );
}

/** A plain banner while the live connection is not up, announced politely to screen readers. */
export function LiveBanner({ status }: { status: LiveStatus }) {
  const t = useText();
  const trouble = useLiveTrouble(status);
  return (
    <div role="status" aria-live="polite" className="live-banner-region">
      {trouble && status !== "live" && (
        <p className={`live-banner live-banner--${status}`} data-live-banner={status}>
          {t(status === "down" ? webMessages.liveDown : webMessages.liveReconnecting)}
        </p>
      )}
    </div>
  );
}
