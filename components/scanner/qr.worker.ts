import { prepareZXingModule, readBarcodes, type ReaderOptions } from "zxing-wasm/reader";

/**
 * Decodes QR codes off the main thread. Input: a downscaled RGBA camera frame (its buffer is
 * transferred, not copied).
 *
 * Engine: ZXing-C++ compiled to WebAssembly (zxing-wasm), 1–5 ms a frame and steady on busy
 * scenes, where jsQR's finder-pattern search can take hundreds of milliseconds. The .wasm is a
 * build asset served from our own origin (never the package's default CDN). If WebAssembly cannot
 * be used, jsQR (pure JavaScript, loaded only then) takes over.
 *
 * This worker is loaded from /_next/static, whose responses carry no CSP, so compiling the module
 * needs no 'wasm-unsafe-eval' in the pages' policy.
 */
type DecodeRequest = { id: number; width: number; height: number; buffer: ArrayBuffer };
export type DecodeAnswer = { id: number; text: string | null; ms: number; engine: "zxing-wasm" | "jsqr" };

const WASM_URL = new URL("../../node_modules/zxing-wasm/dist/reader/zxing_reader.wasm", import.meta.url).href;

const READER: ReaderOptions = { formats: ["QRCode"], tryHarder: true, tryInvert: false, tryRotate: false, tryDownscale: true, maxNumberOfSymbols: 1 };

type Engine = { name: DecodeAnswer["engine"]; decode: (img: ImageData) => Promise<string | null> | string | null };

async function loadEngine(): Promise<Engine> {
  try {
    await prepareZXingModule({ overrides: { locateFile: (path: string, prefix: string) => (path.endsWith(".wasm") ? WASM_URL : prefix + path) }, fireImmediately: true });
    return { name: "zxing-wasm", decode: async (img) => (await readBarcodes(img, READER))[0]?.text ?? null };
  } catch {
    const { default: jsQR } = await import("jsqr");
    return { name: "jsqr", decode: (img) => jsQR(img.data, img.width, img.height, { inversionAttempts: "dontInvert" })?.data ?? null };
  }
}

const engine = loadEngine();

self.onmessage = async (e: MessageEvent<DecodeRequest>) => {
  const { id, width, height, buffer } = e.data;
  const { name, decode } = await engine;
  const started = performance.now();
  let text: string | null = null;
  try {
    text = await decode(new ImageData(new Uint8ClampedArray(buffer), width, height));
  } catch {
    text = null;
  }
  const answer: DecodeAnswer = { id, text: text || null, ms: performance.now() - started, engine: name };
  self.postMessage(answer);
};
