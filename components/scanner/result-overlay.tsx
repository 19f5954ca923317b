"use client";

import type { ScannerMessages } from "@/messages/sections/scanner.vi";
import { cx } from "@/components/ui/styles";
import type { Decision } from "./decide";
import { fill, formatWhen } from "./format";
import { IconAlert, IconCheck, IconCross, IconOffline } from "./icons";
import type { ResultLook, Tone } from "./result-kind";

const TONE: Record<Tone, string> = {
  green: "bg-green-700 text-white",
  amber: "bg-amber-400 text-stone-950",
  red: "bg-red-700 text-white",
  grey: "bg-slate-800 text-white",
};

const BUTTON: Record<Tone, string> = {
  green: "border-white text-white hover:bg-white/15",
  amber: "border-stone-950 text-stone-950 hover:bg-black/10",
  red: "border-white text-white hover:bg-white/15",
  grey: "border-white text-white hover:bg-white/15",
};

const ICONS = { check: IconCheck, alert: IconAlert, cross: IconCross, offline: IconOffline };

/**
 * The full-screen answer at the door. Tapping anywhere (or the next scan) closes it; the buttons
 * (undo for supervisors, retry after a network error) do not. The words are also announced by
 * the scanner's live region, so this screen itself is not a live region.
 */
export function ResultOverlay({
  decision, look, manual, checkpointName, t, onDismiss, onUndo, onRetry,
}: {
  decision: Decision;
  look: ResultLook;
  manual: boolean;
  checkpointName: (code: string) => string;
  t: ScannerMessages;
  onDismiss: () => void;
  onUndo: (() => void) | null;
  onRetry: (() => void) | null;
}) {
  const answer = decision.kind === "answer" ? decision.answer : null;
  const reg = answer?.registration ?? null;
  const first = answer?.result === "already_admitted" || answer?.result === "refused" ? answer.firstCheckin : undefined;
  const Icon = ICONS[look.icon];
  const band = reg?.colour ?? null;
  return (
    <div
      data-testid="scan-result"
      data-result={answer?.result ?? decision.kind}
      data-reason={answer?.reason ?? ""}
      data-offline={decision.kind === "answer" && decision.offline ? "true" : undefined}
      className={cx("fixed inset-0 z-50 flex cursor-pointer flex-col overflow-y-auto", TONE[look.tone])}
      onClick={onDismiss}
    >
      {band && <div className="h-5 shrink-0 border-b-2 border-white" style={{ backgroundColor: band }} aria-hidden="true" />}
      <div className="mx-auto flex w-full max-w-xl flex-1 flex-col gap-4 px-5 py-6">
        <div className="flex items-center gap-3">
          <Icon className="h-16 w-16 shrink-0" />
          <p className="text-4xl font-black leading-tight tracking-tight" data-testid="scan-result-word">{look.word}</p>
        </div>
        {manual && <p className="text-base font-semibold uppercase">{t.result.manual}</p>}

        {reg && (
          <div className="space-y-1">
            <p className="text-3xl font-bold leading-tight" data-testid="scan-result-name">{reg.name}</p>
            {reg.position && <p className="text-lg">{reg.position}</p>}
            {reg.organisation && <p className="text-lg">{reg.organisation}</p>}
            {reg.delegation && (
              <p className="text-lg">
                <span className="font-semibold">{t.result.delegation}:</span> {reg.delegation}
              </p>
            )}
            <p className="flex items-center gap-2 pt-1 text-lg">
              <span className="inline-block h-6 w-10 shrink-0 rounded border-2 border-current" style={{ backgroundColor: reg.colour }} aria-hidden="true" />
              <span>
                <span className="sr-only">{t.result.category}: </span>
                {reg.category}
              </span>
            </p>
          </div>
        )}

        {reg?.note && (
          <p className="rounded-lg border-4 border-stone-950 bg-yellow-200 px-4 py-3 text-2xl font-bold text-stone-950" data-testid="scan-result-note">
            <span className="mr-2">⚠ {t.result.note}:</span>
            {reg.note}
          </p>
        )}

        {first && (
          <p className="text-xl font-semibold" data-testid="scan-result-first">
            {`${fill(t.result.firstAt, { time: formatWhen(first.at) })} ${fill(t.result.firstWhere, { checkpoint: checkpointName(first.checkpoint) })}`}
            {first.device && `, ${fill(t.result.firstDevice, { device: first.device })}`}
            {first.by && <span className="block text-lg font-normal">{fill(t.result.firstBy, { name: first.by })}</span>}
          </p>
        )}

        {look.reason && <p className="text-2xl font-semibold" data-testid="scan-result-reason">{look.reason}</p>}
        {answer?.replayed && <p className="text-base">{t.result.replayed}</p>}
        {decision.kind === "answer" && decision.offline && <p className="text-base font-semibold" data-testid="scan-result-offline">{t.offline.decided}</p>}

        <div className="mt-auto flex flex-wrap gap-3 pt-4">
          {onRetry && (
            <button type="button" className={cx("min-h-12 rounded-lg border-2 px-5 text-lg font-bold", BUTTON[look.tone])} onClick={(e) => { e.stopPropagation(); onRetry(); }}>
              {t.result.retry}
            </button>
          )}
          {onUndo && (
            <button type="button" className={cx("min-h-12 rounded-lg border-2 px-5 text-lg font-bold", BUTTON[look.tone])} onClick={(e) => { e.stopPropagation(); onUndo(); }}>
              {t.result.undo}
            </button>
          )}
          <button type="button" className={cx("min-h-12 rounded-lg border-2 px-5 text-lg font-bold", BUTTON[look.tone])} onClick={(e) => { e.stopPropagation(); onDismiss(); }}>
            {t.result.dismiss}
          </button>
        </div>
        <p className="text-center text-sm opacity-90" aria-hidden="true">{t.result.tapToContinue}</p>
      </div>
      {band && <div className="h-5 shrink-0 border-t-2 border-white" style={{ backgroundColor: band }} aria-hidden="true" />}
    </div>
  );
}
