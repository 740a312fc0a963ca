import { useSyncExternalStore } from "react";

/**
 * The server's time, as the browser can best know it. Ring timers and "open until" are about
 * the server's clock (it decided the call rang and whether the agency is open), so the page
 * keeps the offset between the two, measured on each desk query.
 */
let offsetMs = 0;
let tick = 0;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

export function setServerTime(serverIso: string, sentAt: number, receivedAt: number): void {
  offsetMs = Date.parse(serverIso) - (sentAt + receivedAt) / 2;
}

export function serverNow(): number {
  return Date.now() + offsetMs;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  timer ??= setInterval(() => {
    tick++;
    for (const l of listeners) l();
  }, 1000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** Re-renders once a second, all timers on the page in step; returns the server's now (ms). */
export function useServerNow(): number {
  useSyncExternalStore(subscribe, () => tick);
  return serverNow();
}

/** 0:42, 12:05, 1:02:03 */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}
