import { useEffect, useRef, type ReactNode } from "react";
import { useText } from "@uketsuke/web";
import { messages } from "../messages.ts";

/**
 * A modal on the platform's own <dialog>: it traps focus, closes on Escape, and on closing the
 * browser returns focus to where it was — so the keyboard never loses its place.
 */
export function Dialog({ open, onClose, labelledBy, className, children }: { open: boolean; onClose: () => void; labelledBy: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className={["dialog", className].filter(Boolean).join(" ")} aria-labelledby={labelledBy} onClose={onClose}>
      {open && children}
    </dialog>
  );
}

/** The one way out of an information dialog, focused on opening so Enter or Esc both close it. */
export function DialogClose({ onClose }: { onClose: () => void }) {
  const t = useText();
  return (
    <div className="dialog__actions">
      <button type="button" className="button button--primary" onClick={onClose} autoFocus>
        {t(messages.close)}
      </button>
    </div>
  );
}
