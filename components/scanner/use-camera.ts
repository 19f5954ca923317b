"use client";

import { useCallback, useEffect, useRef, useState, type RefObject } from "react";

export type Facing = "environment" | "user";
export type CameraState = "off" | "starting" | "running" | "denied" | "unavailable" | "insecure";

type TorchCapabilities = MediaTrackCapabilities & { torch?: boolean };
type TorchConstraint = MediaTrackConstraintSet & { torch?: boolean };

/**
 * The camera stream of a <video>: back camera preferred, front/back switch, torch where the
 * track offers it. Stops the tracks when turned off, when the facing changes and on unmount.
 */
export function useCamera(videoRef: RefObject<HTMLVideoElement | null>, enabled: boolean, facing: Facing) {
  const [attempt, setAttempt] = useState(0);
  // Results are tagged with the request they answer, so a new request reads as "starting" at once.
  const key = `${facing}:${attempt}`;
  const [result, setResult] = useState<{ key: string; state: CameraState; torch: boolean }>({ key: "", state: "off", torch: false });
  const [torch, setTorch] = useState<{ key: string; on: boolean }>({ key: "", on: false });
  const trackRef = useRef<MediaStreamTrack | null>(null);

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    const report = (state: CameraState, torchSupported = false) => {
      if (!cancelled) setResult({ key, state, torch: torchSupported });
    };
    if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) {
      queueMicrotask(() => report(window.isSecureContext ? "unavailable" : "insecure"));
      return () => {
        cancelled = true;
      };
    }
    const video = videoRef.current;
    let stream: MediaStream | null = null;
    navigator.mediaDevices
      .getUserMedia({ audio: false, video: { facingMode: { ideal: facing }, width: { ideal: 1280 }, height: { ideal: 720 } } })
      .then(async (s) => {
        stream = s;
        if (cancelled) {
          for (const t of s.getTracks()) t.stop();
          return;
        }
        const track = s.getVideoTracks()[0] ?? null;
        trackRef.current = track;
        const caps = (track?.getCapabilities?.() ?? {}) as TorchCapabilities;
        if (video) {
          video.srcObject = s;
          await video.play().catch(() => undefined);
        }
        report("running", caps.torch === true);
      })
      .catch((e: unknown) => {
        const name = e instanceof DOMException ? e.name : "";
        report(name === "NotAllowedError" || name === "SecurityError" ? "denied" : "unavailable");
      });
    return () => {
      cancelled = true;
      for (const t of stream?.getTracks() ?? []) t.stop();
      trackRef.current = null;
      if (video) video.srcObject = null;
    };
  }, [enabled, facing, key, videoRef]);

  const current = enabled && result.key === key;
  const state: CameraState = !enabled ? "off" : current ? result.state : "starting";
  const torchSupported = current && result.torch;
  const torchOn = torchSupported && torch.key === key && torch.on;

  const toggleTorch = useCallback(async () => {
    const track = trackRef.current;
    if (!track) return;
    const next = !torchOn;
    try {
      await track.applyConstraints({ advanced: [{ torch: next } as TorchConstraint] });
      setTorch({ key, on: next });
    } catch {
      setResult((r) => ({ ...r, torch: false }));
    }
  }, [torchOn, key]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  return { state, torchSupported, torchOn, toggleTorch, retry };
}

/** Keeps the screen on while scanning (Screen Wake Lock API where supported), re-acquired when the page is shown again. */
export function useWakeLock(active: boolean): boolean {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    type Sentinel = { release: () => Promise<void>; addEventListener: (t: "release", cb: () => void) => void };
    const wl = (navigator as Navigator & { wakeLock?: { request: (type: "screen") => Promise<Sentinel> } }).wakeLock;
    if (!active || !wl) return;
    let sentinel: Sentinel | null = null;
    let stopped = false;
    const acquire = () => {
      if (document.visibilityState !== "visible" || sentinel) return;
      wl.request("screen")
        .then((s) => {
          if (stopped) {
            void s.release().catch(() => undefined);
            return;
          }
          sentinel = s;
          setHeld(true);
          s.addEventListener("release", () => {
            sentinel = null;
            setHeld(false);
          });
        })
        .catch(() => setHeld(false));
    };
    acquire();
    document.addEventListener("visibilitychange", acquire);
    return () => {
      stopped = true;
      document.removeEventListener("visibilitychange", acquire);
      void sentinel?.release().catch(() => undefined);
      sentinel = null;
      setHeld(false);
    };
  }, [active]);
  return held;
}
