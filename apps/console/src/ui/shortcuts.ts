import { useEffect, useRef } from "react";
import type { LocalizedText } from "@uketsuke/domain";

/**
 * Every action of a call has a key. Alt + a letter works while typing in a field (operators
 * type through the whole call), and avoids the letters browsers keep for themselves
 * (Alt+D, Alt+E, Alt+F). Keys are matched by physical position (`event.code`), so a Japanese
 * IME or a Mac's Option characters do not get in the way.
 */
export const SHORTCUTS = {
  answerOldest: { code: "KeyA", label: { ja: "一番古い着信に応答（次の通話）", en: "Answer the oldest call (next call)" } },
  openManual: { code: "KeyO", label: { ja: "通話を手動で開く", en: "Open a call by hand" } },
  focusCompany: { code: "KeyK", label: { ja: "会社名へ", en: "Go to the caller's company" } },
  focusName: { code: "KeyN", label: { ja: "お名前へ", en: "Go to the caller's name" } },
  focusCallback: { code: "KeyB", label: { ja: "折り返し先へ", en: "Go to the callback number" } },
  focusPerson: { code: "KeyT", label: { ja: "ご指名へ", en: "Go to the person asked for" } },
  focusMessage: { code: "KeyM", label: { ja: "ご用件へ", en: "Go to the message" } },
  toggleCallback: { code: "KeyR", label: { ja: "折り返し希望 オン／オフ", en: "Callback requested on/off" } },
  toggleUrgent: { code: "KeyU", label: { ja: "至急 オン／オフ", en: "Urgent on/off" } },
  outcomeMessage: { code: "Digit1", label: { ja: "対応結果：ご伝言", en: "Outcome: message" } },
  outcomeWrongNumber: { code: "Digit2", label: { ja: "対応結果：間違い電話", en: "Outcome: wrong number" } },
  outcomeTestCall: { code: "Digit3", label: { ja: "対応結果：テスト着信", en: "Outcome: test call" } },
  outcomeOtherCompany: { code: "Digit4", label: { ja: "対応結果：他社宛", en: "Outcome: other company" } },
  wrongNumber: { code: "KeyW", label: { ja: "一致した間違い電話先で「間違い電話」にする", en: "Mark as wrong number (matched entry)" } },
  preview: { code: "KeyP", label: { ja: "プレビュー", en: "Preview" } },
  save: { code: "KeyS", label: { ja: "保存して送信（プレビュー中）", en: "Save and send (in the preview)" } },
  endCall: { code: "KeyQ", label: { ja: "終話", en: "End call" } },
  rules: { code: "KeyL", label: { ja: "ルール早見", en: "Rules at hand" } },
  help: { code: "KeyH", label: { ja: "この一覧（? でも開きます）", en: "This list (also ?)" } },
} as const satisfies Record<string, { code: string; label: LocalizedText }>;

export type ShortcutId = keyof typeof SHORTCUTS;

/** "Alt+A" for `aria-keyshortcuts` and for showing. */
export function keysOf(id: ShortcutId): string {
  const code: string = SHORTCUTS[id].code;
  return `Alt+${code.replace(/^Key|^Digit/, "")}`;
}

type Handler = { current: () => void };
const active = new Map<ShortcutId, Handler[]>();

/** Binds a shortcut while the component is mounted (and `enabled`); the newest binding wins. */
export function useShortcut(id: ShortcutId, handler: () => void, enabled = true): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    if (!enabled) return;
    const list = active.get(id) ?? [];
    list.push(ref);
    active.set(id, list);
    return () => {
      const remaining = (active.get(id) ?? []).filter((h) => h !== ref);
      active.set(id, remaining);
    };
  }, [id, enabled]);
}

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit"].includes(target.type));
}

const byCode = new Map(Object.entries(SHORTCUTS).map(([id, s]) => [s.code as string, id as ShortcutId]));

/** The one listener, installed by the shell. `?` opens the help when not typing. */
export function useShortcutListener(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.isComposing || event.ctrlKey || event.metaKey) return;
      let id: ShortcutId | undefined;
      if (event.altKey && !event.shiftKey) id = byCode.get(event.code);
      else if (!event.altKey && event.key === "?" && !isTextEntry(event.target)) id = "help";
      if (!id) return;
      const handler = active.get(id)?.at(-1);
      if (!handler) return;
      event.preventDefault();
      event.stopPropagation();
      handler.current();
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, []);
}
