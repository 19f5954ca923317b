"use client";

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type FormEvent } from "react";
import type { ScannerMessages } from "@/messages/sections/scanner.vi";
import { cx, ui } from "@/components/ui/styles";
import { api } from "./api";
import { CameraPanel } from "./camera-panel";
import { hybridDecider, manualCheckin, newNonce, onlineDecider, type Decision, type ScanRequest } from "./decide";
import { feedback, unlockAudio } from "./feedback";
import { fill } from "./format";
import type { FrameTiming } from "./frame-decoder";
import { RecentScans } from "./recent-scans";
import { resultDuration, resultLook, type ResultLook } from "./result-kind";
import { ResultOverlay } from "./result-overlay";
import { SearchPanel } from "./search-panel";
import { saveSettings, useStoredSettings } from "./settings";
import { SetupForm } from "./setup-form";
import { OfflineBanner } from "./offline-banner";
import type { OfflineEngine, OfflineSnapshot } from "./offline/engine";
import { useOffline, useScannerServiceWorker, useVerifyBench } from "./offline/use-offline";
import { markPainted, recordTiming, type ScanTiming } from "./timings";
import type { ScannerCheckpoint, ScannerSettings, SearchItem } from "./types";
import { UndoDialog, type UndoTarget } from "./undo-dialog";

/** The same code seen again within this time is ignored (a badge held in front of the camera scans once). */
const REPEAT_WINDOW_MS = 3000;

/** One decision request: sending it again reuses its nonce, so the server never records it twice. */
type Attempt = { send: () => Promise<Decision>; source: ScanTiming["source"]; badge: string; manual: boolean };

type Shown = {
  seq: number;
  decision: Decision;
  look: ResultLook;
  manual: boolean;
  /** what to send again (same nonce) after a network or server error */
  retry: Attempt | null;
  timing: ScanTiming;
};

/**
 * The door scanner: choose a checkpoint, then scan with the camera or a keyboard-wedge scanner,
 * or find a delegate by name. Every code goes through one decider (online today) and its answer
 * fills the screen with colour, icon, word, sound and vibration.
 */
export function ScannerApp({
  t, locale, supervisor, initialCheckpoints,
}: {
  t: ScannerMessages;
  locale: string;
  supervisor: boolean;
  initialCheckpoints: ScannerCheckpoint[] | null;
}) {
  const stored = useStoredSettings();
  const { engine, snap } = useOffline(locale);
  useScannerServiceWorker();
  useVerifyBench(engine);
  const [enrolNotice, setEnrolNotice] = useState<string | null>(null);
  const [settings, setSettings] = useState<ScannerSettings | null>(null);
  const [checkpoints, setCheckpoints] = useState<ScannerCheckpoint[] | null>(initialCheckpoints);
  const [loadError, setLoadError] = useState<string | null>(null);

  // The setup screen shows fresh "open now" / "inside now" figures each time it is shown again
  // (the first time, the page's server-rendered list is fresh).
  const fresh = useRef(initialCheckpoints !== null);
  useEffect(() => {
    if (settings) return;
    if (fresh.current) {
      fresh.current = false;
      return;
    }
    const ctrl = new AbortController();
    api<{ items: ScannerCheckpoint[] }>(locale, "/api/v1/checkpoints", { signal: ctrl.signal })
      .then((res) => {
        if (res.ok) {
          setCheckpoints(res.data.items.map((c) => ({ code: c.code, name: c.name, openNow: c.openNow, insideNow: c.insideNow })));
          setLoadError(null);
        } else {
          setLoadError("problem" in res ? `${t.setup.loadError} ${res.problem.detail || res.problem.title}` : `${t.setup.loadError} ${t.errors.network}`);
        }
      })
      .catch(() => undefined);
    return () => ctrl.abort();
  }, [settings, locale, t]);

  if (snap.revoked) {
    return (
      <div className="mx-auto w-full max-w-xl px-4 py-5" role="alert" data-testid="device-revoked">
        <h1 className={ui.h1}>{t.offline.revokedTitle}</h1>
        <p className="mt-2">{t.offline.revokedBody}</p>
      </div>
    );
  }

  if (!settings) {
    if (checkpoints === null || stored === null) {
      return (
        <div className="mx-auto w-full max-w-xl px-4 py-5" aria-busy="true">
          <h1 className={ui.h1}>{t.setup.title}</h1>
          {loadError ? <p role="alert" className={ui.error}>{loadError}</p> : <p className="mt-2 text-sm text-muted">{t.recent.loading}</p>}
        </div>
      );
    }
    return (
      <SetupForm
        key={JSON.stringify(stored)}
        t={t}
        checkpoints={checkpoints}
        loadError={loadError}
        initial={stored}
        needsEnrolment={snap.ready && !snap.device && engine !== null}
        enrolled={snap.device?.name ?? null}
        notice={enrolNotice}
        onStart={async (s) => {
          unlockAudio();
          if (engine && snap.ready && !snap.device) {
            setEnrolNotice(t.setup.enrolling);
            const ok = await engine.enrol(s.device, s.checkpoint);
            setEnrolNotice(ok ? null : t.setup.enrolFailed);
          }
          saveSettings(s);
          setSettings(s);
        }}
      />
    );
  }

  const checkpointName = (code: string) => checkpoints?.find((c) => c.code === code)?.name ?? code;
  return (
    <ScanScreen
      t={t} locale={locale} supervisor={supervisor} settings={settings} checkpointName={checkpointName} onChange={() => setSettings(null)}
      engine={engine} snap={snap} notice={enrolNotice}
    />
  );
}

function ScanScreen({
  t, locale, supervisor, settings, checkpointName, onChange, engine, snap, notice,
}: {
  t: ScannerMessages;
  locale: string;
  supervisor: boolean;
  settings: ScannerSettings;
  checkpointName: (code: string) => string;
  onChange: () => void;
  engine: OfflineEngine | null;
  snap: OfflineSnapshot;
  notice: string | null;
}) {
  const decide = useMemo(() => (engine ? hybridDecider(locale, engine) : onlineDecider(locale)), [locale, engine]);
  // the roster of this door is kept on the device (and synced) while scanning here
  useEffect(() => {
    if (engine && snap.device) engine.setCheckpoint(settings.checkpoint);
  }, [engine, snap.device, settings.checkpoint]);
  const lastSeen = useRef(new Map<string, number>());
  const seqRef = useRef(0);
  const shownSeqRef = useRef(0);
  const [shown, setShown] = useState<Shown | null>(null);
  const [pending, setPending] = useState(0);
  const [refreshKey, setRefreshKey] = useState(0);
  const [undoTarget, setUndoTarget] = useState<UndoTarget | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [wedgeValue, setWedgeValue] = useState("");
  const wedgeRef = useRef<HTMLInputElement>(null);
  const device = settings.device || null;

  const focusWedge = useCallback(() => {
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) wedgeRef.current?.focus({ preventScroll: true });
  }, []);

  /** Sends one decision request and shows its answer, unless a newer answer is already on screen. */
  const run = useCallback(
    async (attempt: Attempt, timing: ScanTiming) => {
      const seq = ++seqRef.current;
      timing.seq = seq;
      setPending((n) => n + 1);
      const decision = await attempt.send();
      timing.answeredAt = performance.now();
      setPending((n) => n - 1);
      if (seq < shownSeqRef.current) return;
      shownSeqRef.current = seq;
      timing.result = decision.kind === "answer" ? decision.answer.result : decision.kind;
      const look = resultLook(decision, t);
      const canRetry = decision.kind === "network" || (decision.kind === "problem" && decision.problem.status >= 500);
      setShown({ seq, decision, look, manual: attempt.manual, retry: canRetry ? attempt : null, timing });
      feedback(look.feedback);
      const reg = decision.kind === "answer" ? decision.answer.registration : undefined;
      setAnnouncement([look.word, reg?.name, look.reason, reg?.note].filter(Boolean).join(". "));
      if (decision.kind === "answer") setRefreshKey((k) => k + 1);
    },
    [t],
  );

  const retry = useCallback(
    (attempt: Attempt) => void run(attempt, recordTiming({ seq: 0, source: attempt.source, badge: attempt.badge, sentAt: performance.now() })),
    [run],
  );

  const handleCode = useCallback(
    (raw: string, source: "camera" | "wedge", frame?: FrameTiming) => {
      const code = raw.trim();
      if (!code) return;
      const now = performance.now();
      const seen = lastSeen.current;
      const prev = seen.get(code);
      seen.set(code, now);
      if (prev !== undefined && now - prev < REPEAT_WINDOW_MS) return;
      if (seen.size > 200) for (const [k, at] of seen) if (now - at > REPEAT_WINDOW_MS) seen.delete(k);
      const req: ScanRequest = { code, checkpoint: settings.checkpoint, direction: settings.direction, device, nonce: newNonce() };
      const timing = recordTiming({ seq: 0, source, badge: code.slice(0, 15), ...frame, sentAt: performance.now() });
      void run({ send: () => decide(req), source, badge: timing.badge, manual: false }, timing);
    },
    [settings, device, decide, run],
  );

  const onCameraCode = useCallback((text: string, frame: FrameTiming) => handleCode(text, "camera", frame), [handleCode]);

  const onManual = useCallback(
    (item: SearchItem) => {
      const req = { registrationId: item.id, checkpoint: settings.checkpoint, direction: settings.direction, device, nonce: newNonce() };
      const timing = recordTiming({ seq: 0, source: "manual", badge: `#${item.id}`, sentAt: performance.now() });
      void run({ send: () => manualCheckin(locale, req), source: "manual", badge: timing.badge, manual: true }, timing);
    },
    [settings, device, locale, run],
  );

  const dismiss = useCallback(() => {
    setShown(null);
    // focus moves back to the wedge field once the overlay (and a focused button in it) is gone
    setTimeout(focusWedge, 0);
  }, [focusWedge]);

  // Mark when the result screen is painted (latency instrumentation), then close it after a while.
  useLayoutEffect(() => {
    if (shown) markPainted(shown.timing);
  }, [shown]);
  useEffect(() => {
    if (!shown || undoTarget) return;
    const id = setTimeout(dismiss, resultDuration(shown.decision));
    return () => clearTimeout(id);
  }, [shown, undoTarget, dismiss]);

  // Keep the keyboard-wedge field focused whenever nothing else is: a handheld scanner types into
  // whatever has focus, and a key pressed with nothing focused goes to the field.
  useEffect(() => {
    wedgeRef.current?.focus({ preventScroll: true });
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !undoTarget) {
        dismiss();
        return;
      }
      const active = document.activeElement;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if ((!active || active === document.body) && (e.key.length === 1 || e.key === "Enter")) wedgeRef.current?.focus({ preventScroll: true });
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [undoTarget, dismiss]);

  function submitWedge(e: FormEvent) {
    e.preventDefault();
    const value = wedgeValue;
    setWedgeValue("");
    handleCode(value, "wedge");
  }

  const answer = shown?.decision.kind === "answer" ? shown.decision.answer : null;
  const offlineAnswer = shown?.decision.kind === "answer" && shown.decision.offline === true;
  const undoable = supervisor && answer?.result === "admitted" && !answer.replayed && !offlineAnswer ? answer : null;

  return (
    <div className="mx-auto w-full max-w-5xl pb-10 lg:grid lg:grid-cols-2 lg:gap-6 lg:px-4 lg:pt-4">
      <p className="sr-only" aria-live="assertive" aria-atomic="true" data-testid="scan-announcement">{announcement}</p>
      <div>
        <div className="flex items-center gap-2 border-b border-stone-200 bg-white px-4 py-2 lg:rounded-t-lg">
          <div className="min-w-0 flex-1">
            <h1 className="truncate text-base font-bold text-brand-dark" data-testid="scanner-checkpoint">
              <span className="sr-only">{t.bar.at} </span>
              {checkpointName(settings.checkpoint)}
            </h1>
            <p className="text-sm">
              <span
                className={cx("rounded px-2 py-0.5 text-xs font-bold", settings.direction === "in" ? "bg-green-100 text-green-900" : "bg-blue-100 text-blue-900")}
                data-testid="scanner-direction"
              >
                {settings.direction === "in" ? t.bar.directionIn : t.bar.directionOut}
              </span>
              {device && <span className="ml-2 text-muted">{device}</span>}
              <span className={cx("ml-2 text-muted", pending === 0 && "invisible")} aria-hidden={pending === 0}>{t.bar.checking}</span>
            </p>
          </div>
          <button type="button" className={cx(ui.button, ui.secondary, "shrink-0")} onClick={onChange}>{t.bar.change}</button>
        </div>

        {engine && <OfflineBanner t={t} snap={snap} onSync={() => void engine.syncNow()} />}
        {notice && <p role="status" className="bg-amber-100 px-4 py-2 text-sm text-stone-950">{notice}</p>}

        <CameraPanel t={t} onCode={onCameraCode} />

        <form onSubmit={submitWedge} className="bg-white px-4 py-3 lg:rounded-b-lg">
          <label htmlFor="scanner-wedge" className={ui.label}>{t.wedge.label}</label>
          <div className="mt-1 flex gap-2">
            <input
              ref={wedgeRef}
              id="scanner-wedge"
              name="code"
              className={cx(ui.input, "font-mono")}
              inputMode="none"
              autoComplete="off"
              autoCorrect="off"
              autoCapitalize="off"
              spellCheck={false}
              enterKeyHint="go"
              maxLength={400}
              value={wedgeValue}
              aria-describedby="scanner-wedge-hint"
              onChange={(e) => setWedgeValue(e.target.value)}
            />
            <button type="submit" className={cx(ui.button, ui.primary, "shrink-0")}>{t.wedge.submit}</button>
          </div>
          <p id="scanner-wedge-hint" className={ui.hint}>{t.wedge.hint}</p>
        </form>
      </div>

      <div className="mt-6 space-y-8 px-4 lg:mt-0 lg:px-0">
        <SearchPanel
          t={t} locale={locale} checkpoint={settings.checkpoint} supervisor={supervisor} refreshKey={refreshKey} onManual={onManual}
          offline={snap.offline && engine?.canDecide() ? engine : null}
        />
        {supervisor && <RecentScans t={t} locale={locale} checkpoint={settings.checkpoint} refreshKey={refreshKey} onUndo={setUndoTarget} />}
      </div>

      {shown && (
        <ResultOverlay
          key={shown.seq}
          decision={shown.decision}
          look={shown.look}
          manual={shown.manual}
          checkpointName={checkpointName}
          t={t}
          onDismiss={dismiss}
          onRetry={shown.retry ? () => retry(shown.retry!) : null}
          onUndo={undoable ? () => setUndoTarget({ id: undoable.scanId, name: undoable.registration?.name ?? t.recent.unknownPerson, at: undoable.scannedAt }) : null}
        />
      )}

      {undoTarget && (
        <UndoDialog
          target={undoTarget}
          t={t}
          locale={locale}
          onClose={() => {
            setUndoTarget(null);
            setTimeout(focusWedge, 0);
          }}
          onDone={(target) => {
            setUndoTarget(null);
            setShown((s) => (s?.decision.kind === "answer" && s.decision.answer.scanId === target.id ? null : s));
            // the undone badge may be scanned again at once
            lastSeen.current.clear();
            setRefreshKey((k) => k + 1);
            setAnnouncement(fill(t.undo.done, { name: target.name }));
            setTimeout(focusWedge, 0);
          }}
        />
      )}
    </div>
  );
}
