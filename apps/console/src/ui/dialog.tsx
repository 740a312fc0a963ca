import { useEffect, useRef, type ReactNode } from "react";

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
