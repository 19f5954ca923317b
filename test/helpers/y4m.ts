import fs from "node:fs";
import QRCode from "qrcode";

/**
 * Writes a YUV4MPEG2 (y4m) video for Chromium's fake camera (--use-file-for-fake-video-capture):
 * a header line, then per frame "FRAME\n" + the Y plane + the U and V planes at quarter size
 * (4:2:0). Badges are drawn into the Y plane from the `qrcode` package's module matrix — the
 * same QR the badge page prints (error correction M, numeric mode for the 170 digits) — black
 * modules on a white card with a 4-module quiet zone, on a grey background. No ffmpeg needed.
 *
 * A marker square in the top-left corner is black on frames that show a badge and white on
 * blank ones, so a test watching the video can tell which frame first showed a badge.
 * Chromium loops the file.
 */
export type Y4mScene = { seconds: number; code?: string };
export type Y4mOptions = { width?: number; height?: number; fps?: number; moduleSize?: number };
export type Y4mTimeline = { fps: number; frames: number; width: number; height: number; scenes: { code: string | null; firstFrame: number; lastFrame: number }[] };

export const MARKER_SIZE = 24;
const BLACK = 16;
const WHITE = 235;

function blankFrame(width: number, height: number): Buffer {
  const y = Buffer.alloc(width * height);
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      // a faint fixed texture, like a real scene, so the decoder works on something
      y[row * width + col] = 112 + ((row * 7 + col * 13) % 23);
    }
  }
  for (let row = 0; row < MARKER_SIZE; row++) y.fill(WHITE, row * width, row * width + MARKER_SIZE);
  return y;
}

function badgeFrame(width: number, height: number, code: string, moduleSize: number): Buffer {
  const y = blankFrame(width, height);
  const qr = QRCode.create(code, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const quiet = 4;
  const side = (n + 2 * quiet) * moduleSize;
  if (side > Math.min(width, height)) throw new Error(`QR of ${side}px does not fit a ${width}x${height} frame`);
  const x0 = Math.floor((width - side) / 2);
  const y0 = Math.floor((height - side) / 2);
  for (let row = 0; row < side; row++) {
    const my = Math.floor(row / moduleSize) - quiet;
    for (let col = 0; col < side; col++) {
      const mx = Math.floor(col / moduleSize) - quiet;
      const dark = mx >= 0 && my >= 0 && mx < n && my < n && qr.modules.data[my * n + mx] === 1;
      y[(y0 + row) * width + x0 + col] = dark ? BLACK : WHITE;
    }
  }
  for (let row = 0; row < MARKER_SIZE; row++) y.fill(BLACK, row * width, row * width + MARKER_SIZE);
  return y;
}

export function writeBadgeVideo(file: string, scenes: Y4mScene[], opts: Y4mOptions = {}): Y4mTimeline {
  const width = opts.width ?? 640;
  const height = opts.height ?? 480;
  const fps = opts.fps ?? 30;
  const moduleSize = opts.moduleSize ?? 6;
  if (width % 2 || height % 2) throw new Error("4:2:0 needs even dimensions");
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128); // U and V: no colour
  const frameHeader = Buffer.from("FRAME\n");
  const cache = new Map<string, Buffer>();
  const frameOf = (code: string | null) => {
    const key = code ?? "";
    let f = cache.get(key);
    if (!f) {
      f = Buffer.concat([frameHeader, code ? badgeFrame(width, height, code, moduleSize) : blankFrame(width, height), chroma]);
      cache.set(key, f);
    }
    return f;
  };
  const fd = fs.openSync(file, "w");
  const timeline: Y4mTimeline = { fps, frames: 0, width, height, scenes: [] };
  try {
    fs.writeSync(fd, `YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
    for (const scene of scenes) {
      const count = Math.max(1, Math.round(scene.seconds * fps));
      const frame = frameOf(scene.code ?? null);
      // batches of frames per write keep the syscalls few
      const batch = Buffer.concat(Array.from({ length: Math.min(count, 15) }, () => frame));
      let left = count;
      while (left > 0) {
        const k = Math.min(left, 15);
        fs.writeSync(fd, batch, 0, k * frame.length);
        left -= k;
      }
      timeline.scenes.push({ code: scene.code ?? null, firstFrame: timeline.frames, lastFrame: timeline.frames + count - 1 });
      timeline.frames += count;
    }
  } finally {
    fs.closeSync(fd);
  }
  return timeline;
}
