"use client";

import { useState, type FormEvent } from "react";
import type { ScannerMessages } from "@/messages/sections/scanner.vi";
import { cx, ui } from "@/components/ui/styles";
import { fill } from "./format";
import type { Direction, ScannerCheckpoint, ScannerSettings } from "./types";

/** Choose the checkpoint, direction and device name, then start (the tap also unlocks sound). */
export function SetupForm({
  t, checkpoints, loadError, initial, needsEnrolment = false, enrolled = null, notice = null, onStart,
}: {
  t: ScannerMessages;
  checkpoints: ScannerCheckpoint[];
  loadError: string | null;
  initial: Partial<ScannerSettings>;
  /** no device id is stored: the name is required and the device is enrolled on start */
  needsEnrolment?: boolean;
  /** the name this device was enrolled with */
  enrolled?: string | null;
  notice?: string | null;
  onStart: (s: ScannerSettings) => void | Promise<void>;
}) {
  const known = checkpoints.some((c) => c.code === initial.checkpoint);
  const [checkpoint, setCheckpoint] = useState(known ? initial.checkpoint! : checkpoints.length === 1 ? checkpoints[0]!.code : "");
  const [direction, setDirection] = useState<Direction>(initial.direction ?? "in");
  const [device, setDevice] = useState(initial.device ?? "");
  const [error, setError] = useState<string | null>(null);
  const [deviceError, setDeviceError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!checkpoint) {
      setError(t.setup.chooseFirst);
      document.getElementById("checkpoint-0")?.focus();
      return;
    }
    const name = device.trim().slice(0, 80);
    if (needsEnrolment && !name) {
      setDeviceError(t.setup.deviceRequired);
      document.getElementById("scanner-device")?.focus();
      return;
    }
    setBusy(true);
    void Promise.resolve(onStart({ checkpoint, direction, device: name })).finally(() => setBusy(false));
  }

  return (
    <form onSubmit={submit} noValidate className="mx-auto w-full max-w-xl space-y-5 px-4 py-5" aria-labelledby="setup-title">
      <div>
        <h1 id="setup-title" className={ui.h1}>{t.setup.title}</h1>
        <p className="mt-1 text-sm text-muted">{t.setup.intro}</p>
      </div>

      <fieldset aria-describedby={error ? "checkpoint-error" : undefined}>
        <legend className={ui.label}>{t.setup.checkpoint}</legend>
        {loadError && <p role="alert" className={ui.error}>{loadError}</p>}
        {!loadError && checkpoints.length === 0 && <p className="mt-2 text-sm">{t.setup.noCheckpoints}</p>}
        <div className="mt-2 space-y-2">
          {checkpoints.map((c, i) => (
            <label
              key={c.code}
              className={cx(
                "flex min-h-14 cursor-pointer items-start gap-3 rounded-lg border-2 bg-white px-3 py-2 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-blue-700",
                checkpoint === c.code ? "border-brand" : "border-stone-300",
              )}
            >
              <input
                id={`checkpoint-${i}`}
                type="radio"
                name="checkpoint"
                value={c.code}
                checked={checkpoint === c.code}
                onChange={() => {
                  setCheckpoint(c.code);
                  setError(null);
                }}
                className="mt-1 h-5 w-5 accent-brand"
              />
              <span className="min-w-0">
                <span className="block font-semibold">{c.name}</span>
                <span className="block text-sm text-muted">
                  {c.openNow ? t.setup.openNow : t.setup.closedNow} · {fill(t.setup.insideNow, { count: c.insideNow })}
                </span>
              </span>
            </label>
          ))}
        </div>
        {error && <p id="checkpoint-error" role="alert" className={ui.error}>{error}</p>}
      </fieldset>

      <fieldset>
        <legend className={ui.label}>{t.setup.direction}</legend>
        <div className="mt-2 grid grid-cols-2 gap-2">
          {(["in", "out"] as const).map((d) => (
            <label
              key={d}
              className={cx(
                "flex min-h-14 cursor-pointer items-start gap-3 rounded-lg border-2 bg-white px-3 py-2 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-blue-700",
                direction === d ? "border-brand" : "border-stone-300",
              )}
            >
              <input type="radio" name="direction" value={d} checked={direction === d} onChange={() => setDirection(d)} className="mt-1 h-5 w-5 accent-brand" />
              <span>
                <span className="block font-semibold">{d === "in" ? t.setup.in : t.setup.out}</span>
                <span className="block text-sm text-muted">{d === "in" ? t.setup.inHint : t.setup.outHint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <div>
        <label htmlFor="scanner-device" className={ui.label}>{t.setup.device}</label>
        <input
          id="scanner-device"
          className={cx(ui.input, "mt-1")}
          value={device}
          maxLength={80}
          autoComplete="off"
          placeholder={t.setup.devicePlaceholder}
          aria-describedby={deviceError ? "scanner-device-hint scanner-device-error" : "scanner-device-hint"}
          aria-invalid={deviceError ? true : undefined}
          onChange={(e) => {
            setDevice(e.target.value);
            setDeviceError(null);
          }}
        />
        <p id="scanner-device-hint" className={ui.hint}>{t.setup.deviceHint}</p>
        {enrolled && <p className="mt-1 text-sm text-muted" data-testid="device-enrolled">{fill(t.setup.enrolled, { name: enrolled })}</p>}
        {deviceError && <p id="scanner-device-error" role="alert" className={ui.error}>{deviceError}</p>}
      </div>

      {notice && <p role="status" className="text-sm">{notice}</p>}
      <button type="submit" className={cx(ui.button, ui.primary, "min-h-14 w-full text-lg")} disabled={checkpoints.length === 0 || busy}>
        {t.setup.start}
      </button>
    </form>
  );
}
