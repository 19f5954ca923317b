import jsQR from "jsqr";
import { PNG } from "pngjs";

/** Decodes the QR code in a PNG (what a phone camera would read). */
export function decodePngQr(png: Buffer): string | null {
  const img = PNG.sync.read(png);
  const res = jsQR(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.byteLength), img.width, img.height);
  return res?.data ?? null;
}
