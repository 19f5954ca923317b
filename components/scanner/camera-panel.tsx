"use client";

import { useEffect, useRef, useState } from "react";
import type { ScannerMessages } from "@/messages/sections/scanner.vi";
import { cx } from "@/components/ui/styles";
import { FrameDecoder, type FrameTiming } from "./frame-decoder";
import { useCamera, useWakeLock, type Facing } from "./use-camera";

const CONTROL = "inline-flex min-h-11 items-center justify-center rounded-full bg-black/65 px-4 text-sm font-semibold text-white hover:bg-black/80 disabled:opacity-50";

/**
 * The camera square: live preview, a viewfinder frame, camera switch, torch, on/off. Decodes
 * continuously while running and hands every decoded text to onCode (the caller filters repeats).
 */
export function CameraPanel({ t, onCode }: { t: ScannerMessages; onCode: (text: string, timing: FrameTiming) => void }) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [enabled, setEnabled] = useState(true);
  const [facing, setFacing] = useState<Facing>("environment");
  const [decoderFailed, setDecoderFailed] = useState(false);
  const camera = useCamera(videoRef, enabled, facing);
  const awake = useWakeLock(camera.state === "running");
  const onCodeRef = useRef(onCode);
  useEffect(() => {
    onCodeRef.current = onCode;
  }, [onCode]);

  const decoderRef = useRef<FrameDecoder | null>(null);
  useEffect(() => {
    const decoder = new FrameDecoder((text, timing) => onCodeRef.current(text, timing), () => setDecoderFailed(true));
    decoder.warmUp();
    decoderRef.current = decoder;
    return () => {
      decoder.dispose();
      decoderRef.current = null;
    };
  }, []);
  useEffect(() => {
    const video = videoRef.current;
    const decoder = decoderRef.current;
    if (!video || !decoder) return;
    if (camera.state === "running") decoder.start(video);
    else decoder.stop();
  }, [camera.state]);

  const status =
    camera.state === "starting" ? t.camera.starting
    : camera.state === "running" ? t.camera.running
    : camera.state === "denied" ? t.camera.denied
    : camera.state === "unavailable" ? t.camera.unavailable
    : camera.state === "insecure" ? t.camera.insecure
    : t.camera.paused;
  const problem = camera.state === "denied" || camera.state === "unavailable" || camera.state === "insecure" || decoderFailed;

  return (
    <section aria-label={t.camera.label} className="relative aspect-square w-full overflow-hidden bg-stone-900 sm:rounded-lg">
      <video
        ref={videoRef}
        muted
        playsInline
        autoPlay
        aria-hidden="true"
        data-testid="scanner-video"
        className={cx("absolute inset-0 h-full w-full object-cover", facing === "user" && "-scale-x-100", camera.state !== "running" && "invisible")}
      />
      {/* a guide for aiming; the decoder reads the whole frame */}
      <div aria-hidden="true" className="pointer-events-none absolute inset-[12%] rounded-xl border-4 border-white/85 shadow-[0_0_0_9999px_rgba(0,0,0,0.25)]" />
      <p
        role="status"
        data-testid="camera-status"
        data-state={camera.state}
        className={cx("absolute inset-x-2 top-2 rounded px-3 py-2 text-center text-sm font-semibold", problem ? "bg-red-50 text-red-900" : "bg-black/60 text-white")}
      >
        {decoderFailed ? t.camera.unavailable : status}
        {awake && <span className="sr-only"> · {t.camera.awake}</span>}
      </p>
      <div className="absolute inset-x-2 bottom-2 flex flex-wrap justify-center gap-2">
        {(camera.state === "denied" || camera.state === "unavailable") && (
          <button type="button" className={CONTROL} onClick={camera.retry}>{t.camera.retry}</button>
        )}
        {camera.state === "running" && (
          <button type="button" className={CONTROL} onClick={() => setFacing((f) => (f === "environment" ? "user" : "environment"))}>
            {facing === "environment" ? t.camera.switchToFront : t.camera.switchToBack}
          </button>
        )}
        {camera.state === "running" && camera.torchSupported && (
          <button type="button" className={CONTROL} aria-pressed={camera.torchOn} onClick={() => void camera.toggleTorch()}>
            {camera.torchOn ? t.camera.torchOff : t.camera.torchOn}
          </button>
        )}
        <button type="button" className={CONTROL} onClick={() => setEnabled((v) => !v)}>
          {enabled ? t.camera.stop : t.camera.start}
        </button>
      </div>
    </section>
  );
}
