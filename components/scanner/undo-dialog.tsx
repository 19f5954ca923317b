"use client";

import { useEffect, useRef, useState } from "react";
import type { ScannerMessages } from "@/messages/sections/scanner.vi";
import { cx, ui } from "@/components/ui/styles";
import { api } from "./api";
import { fill, formatWhen } from "./format";

export type UndoTarget = { id: number; name: string; at: string };

/** Confirms and performs the undo of a scan (supervisors). A modal <dialog>: focus stays inside, Escape cancels. */
export function UndoDialog({
  target, t, locale, onClose, onDone,
}: {
  target: UndoTarget;
  t: ScannerMessages;
  locale: string;
  onClose: () => void;
  onDone: (target: UndoTarget) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  async function confirm() {
    setPending(true);
    setError(null);
    const res = await api<{ id: number; undoneAt: string }>(locale, `/api/v1/checkins/${target.id}/undo`, { method: "POST" });
    setPending(false);
    if (res.ok) onDone(target);
    else setError("problem" in res ? `${t.undo.failed}: ${res.problem.detail || res.problem.title}` : t.errors.network);
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby="undo-title"
      aria-describedby="undo-body"
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg bg-white p-5 text-ink shadow-xl backdrop:bg-black/60"
      onCancel={(e) => {
        e.preventDefault();
        if (!pending) onClose();
      }}
    >
      <h2 id="undo-title" className={ui.h2}>{t.undo.title}</h2>
      <p id="undo-body" className="mt-2">{fill(t.undo.body, { name: target.name, time: formatWhen(target.at) })}</p>
      {error && <p role="alert" className={ui.error}>{error}</p>}
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <button type="button" className={cx(ui.button, ui.secondary)} onClick={onClose} disabled={pending} autoFocus>
          {t.undo.cancel}
        </button>
        <button type="button" className={cx(ui.button, ui.danger)} onClick={() => void confirm()} disabled={pending}>
          {t.undo.confirm}
        </button>
      </div>
    </dialog>
  );
}
