import type { DecodeAnswer } from "./qr.worker";
import { decoderStats, pushDecodeMs } from "./timings";

/**
 * Longest side of the frame handed to the decoder. The whole frame is decoded (a badge need not be
 * centred); a 1280×720 camera frame is halved, where a version-5 badge QR at arm's length still has
 * several pixels per module.
 */
const DECODE_MAX = 800;

export type FrameTiming = { frameAt: number; grabbedAt: number; decodedAt: number; decodeMs: number };

type VideoWithRvfc = HTMLVideoElement & {
  requestVideoFrameCallback?: (cb: (now: number, meta: { captureTime?: number; presentationTime?: number; presentedFrames?: number }) => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
};

/**
 * Continuous QR decoding of a <video>: on every new camera frame (requestVideoFrameCallback,
 * else animation frames) the frame is copied, downscaled, and sent to the decoding worker
 * (qr.worker.ts). One frame in flight at a time: frames arriving while the worker is busy are
 * skipped, so a slow phone decodes less often but never queues up stale frames.
 */
export class FrameDecoder {
  private worker: Worker | null = null;
  private canvas: HTMLCanvasElement | null = null;
  private ctx2d: CanvasRenderingContext2D | null = null;
  private video: VideoWithRvfc | null = null;
  private handle = 0;
  private usesRvfc = false;
  private busy = false;
  private nextId = 1;
  private inFlight: { id: number; frameAt: number; grabbedAt: number } | null = null;
  private running = false;

  constructor(private readonly onCode: (text: string, timing: FrameTiming) => void, private readonly onError: () => void) {}

  /** Starts the worker (and its decoder download) ahead of the camera. */
  warmUp(): void {
    if (this.worker) return;
    try {
      this.worker = new Worker(new URL("./qr.worker.ts", import.meta.url));
    } catch {
      this.onError();
      return;
    }
    this.worker.onmessage = (e: MessageEvent<DecodeAnswer>) => this.onAnswer(e.data);
    this.worker.onerror = () => {
      this.busy = false;
      this.onError();
    };
  }

  start(video: HTMLVideoElement): void {
    this.stop();
    this.warmUp();
    if (!this.worker) return;
    this.video = video as VideoWithRvfc;
    this.running = true;
    this.usesRvfc = typeof this.video.requestVideoFrameCallback === "function";
    this.schedule();
  }

  stop(): void {
    this.running = false;
    if (this.video && this.handle) {
      if (this.usesRvfc) this.video.cancelVideoFrameCallback?.(this.handle);
      else cancelAnimationFrame(this.handle);
    }
    this.handle = 0;
    this.video = null;
    this.busy = false;
    this.inFlight = null;
  }

  dispose(): void {
    this.stop();
    this.worker?.terminate();
    this.worker = null;
  }

  private schedule(): void {
    const video = this.video;
    if (!this.running || !video) return;
    if (this.usesRvfc) {
      this.handle = video.requestVideoFrameCallback!((now, meta) => {
        decoderStats().presented += 1;
        this.onFrame(meta.captureTime ?? meta.presentationTime ?? now);
        this.schedule();
      });
    } else {
      this.handle = requestAnimationFrame((now) => {
        this.onFrame(now);
        this.schedule();
      });
    }
  }

  private onFrame(frameAt: number): void {
    const video = this.video;
    if (this.busy || !video || !this.worker || document.hidden) return;
    const vw = video.videoWidth;
    const vh = video.videoHeight;
    if (!vw || !vh || video.readyState < 2) return;
    const scale = Math.min(1, DECODE_MAX / Math.max(vw, vh));
    const width = Math.round(vw * scale);
    const height = Math.round(vh * scale);
    if (!this.canvas) {
      this.canvas = document.createElement("canvas");
      this.ctx2d = this.canvas.getContext("2d", { willReadFrequently: true, alpha: false });
    }
    const canvas = this.canvas;
    const ctx = this.ctx2d;
    if (!ctx) return;
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    const grabbedAt = performance.now();
    ctx.drawImage(video, 0, 0, width, height);
    const image = ctx.getImageData(0, 0, width, height);
    const id = this.nextId++;
    this.busy = true;
    this.inFlight = { id, frameAt, grabbedAt };
    decoderStats().grabbed += 1;
    this.worker.postMessage({ id, width, height, buffer: image.data.buffer }, [image.data.buffer]);
  }

  private onAnswer(answer: DecodeAnswer): void {
    const sent = this.inFlight;
    this.busy = false;
    this.inFlight = null;
    if (!sent || sent.id !== answer.id || !this.running) return;
    pushDecodeMs(answer.ms);
    decoderStats().engine = answer.engine;
    if (!answer.text) return;
    decoderStats().decoded += 1;
    this.onCode(answer.text, { frameAt: sent.frameAt, grabbedAt: sent.grabbedAt, decodedAt: performance.now(), decodeMs: answer.ms });
  }
}
