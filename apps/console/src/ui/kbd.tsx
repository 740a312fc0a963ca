import { keysOf, type ShortcutId } from "./shortcuts.ts";

/** The key of a shortcut as the interface shows it: Alt + A. Hidden from screen readers, which read `aria-keyshortcuts`. */
export function ShortcutKeys({ id }: { id: ShortcutId }) {
  const [modifier, key] = keysOf(id).split("+") as [string, string];
  return (
    <span className="shortcut-keys" aria-hidden="true">
      <kbd>{modifier}</kbd>+<kbd>{key}</kbd>
    </span>
  );
}
