'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';
import styles from './history.module.css';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * A modal question on the native <dialog>: the browser traps focus inside it, closes it on Escape and makes the
 * page behind it inert; "Cancel" has the focus first.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // The safe choice has the focus, so Enter alone never destroys anything.
      cancelRef.current?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={dialogRef}
      className={styles.dialog}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      // Escape and the browser's own closing both end here, so the owner's state follows.
      onClose={onCancel}
    >
      <h2 id={titleId} className={styles.dialogTitle}>
        {title}
      </h2>
      <div id={bodyId}>{children}</div>
      <div className={styles.dialogActions}>
        <button type="button" className="button secondary" onClick={onCancel} ref={cancelRef}>
          Cancel
        </button>
        <button
          type="button"
          className="button danger"
          onClick={() => {
            // Closed first: the browser then hands focus back to what opened the dialog, and the owner can move it.
            dialogRef.current?.close();
            onConfirm();
          }}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
