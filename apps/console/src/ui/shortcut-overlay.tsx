import { useText } from "@uketsuke/web";
import { messages } from "../messages.ts";
import { Dialog, DialogClose } from "./dialog.tsx";
import { ShortcutKeys } from "./kbd.tsx";
import { SHORTCUTS, type ShortcutId } from "./shortcuts.ts";

/** Every shortcut, in the order of a call; opened with `?` or Alt+H. */
export function ShortcutOverlay({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useText();
  return (
    <Dialog open={open} onClose={onClose} labelledBy="shortcuts-title" className="dialog--wide">
      <div className="dialog__body">
        <h2 id="shortcuts-title">{t(messages.shortcuts)}</h2>
        <table className="shortcut-table">
          <tbody>
            {(Object.keys(SHORTCUTS) as ShortcutId[]).map((id) => (
              <tr key={id}>
                <td>
                  <ShortcutKeys id={id} />
                </td>
                <td>{t(SHORTCUTS[id].label)}</td>
              </tr>
            ))}
            <tr>
              <td>
                <kbd>Esc</kbd>
              </td>
              <td>{t(messages.escHelp)}</td>
            </tr>
          </tbody>
        </table>
        <DialogClose onClose={onClose} />
      </div>
    </Dialog>
  );
}
