/**
 * Sound and vibration per result, so staff can keep their eyes on the delegate. Tones are
 * synthesised with WebAudio (no audio files); the context is created on the tap that starts
 * scanning, because browsers only let a page play sound after a user gesture.
 */
export type FeedbackKind = "admitted" | "already" | "refused" | "error";

type Tone = { freq: number; start: number; duration: number; type: OscillatorType };

const TONES: Record<FeedbackKind, Tone[]> = {
  // two short rising beeps
  admitted: [{ freq: 880, start: 0, duration: 0.08, type: "sine" }, { freq: 1320, start: 0.1, duration: 0.12, type: "sine" }],
  // two equal mid beeps
  already: [{ freq: 660, start: 0, duration: 0.14, type: "triangle" }, { freq: 660, start: 0.22, duration: 0.14, type: "triangle" }],
  // a long low buzz
  refused: [{ freq: 196, start: 0, duration: 0.45, type: "square" }],
  // three quick low beeps
  error: [0, 0.15, 0.3].map((start) => ({ freq: 330, start, duration: 0.09, type: "square" as const })),
};

const VIBRATION: Record<FeedbackKind, number[]> = {
  admitted: [60],
  already: [120, 80, 120],
  refused: [350, 120, 350],
  error: [80, 60, 80, 60, 80],
};

let audio: AudioContext | null = null;

/** Call from a user gesture (the start button): creates or resumes the audio context. */
export function unlockAudio(): void {
  try {
    if (!audio) {
      const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
      if (!Ctor) return;
      audio = new Ctor();
    }
    if (audio.state === "suspended") void audio.resume().catch(() => undefined);
  } catch {
    audio = null;
  }
}

export function feedback(kind: FeedbackKind): void {
  try {
    if (typeof navigator.vibrate === "function") navigator.vibrate(VIBRATION[kind]);
  } catch {
    // some browsers throw when vibration is blocked; the screen and sound still tell
  }
  const ctx = audio;
  if (!ctx || ctx.state !== "running") return;
  const t0 = ctx.currentTime + 0.01;
  for (const tone of TONES[kind]) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = tone.type;
    osc.frequency.value = tone.freq;
    // short ramps avoid clicks
    gain.gain.setValueAtTime(0, t0 + tone.start);
    gain.gain.linearRampToValueAtTime(0.25, t0 + tone.start + 0.01);
    gain.gain.setValueAtTime(0.25, t0 + tone.start + tone.duration - 0.02);
    gain.gain.linearRampToValueAtTime(0, t0 + tone.start + tone.duration);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t0 + tone.start);
    osc.stop(t0 + tone.start + tone.duration + 0.02);
  }
}
