import type { ScanAnswer } from "@/lib/checkin/types";
import { api } from "../api";
import { answeredNonces, batchBodies, type BatchResult, type QueuedScan } from "./queue";
import { mergeRoster, type LocalRoster, type RosterResponse } from "./roster";
import { decideLocally } from "./rules";
import * as store from "./store";
import { badgeVerifier } from "./verify";

/** Incremental roster sync while online; faster probes while offline, to notice the network is back. */
export const SYNC_EVERY_MS = 30_000;
const PROBE_OFFLINE_MS = 5_000;

export type OfflineSnapshot = {
  ready: boolean;
  device: store.StoredDevice | null;
  checkpoint: string | null;
  /** no contact with the server at the last attempt, or the browser says it is offline */
  offline: boolean;
  queueLength: number;
  lastSyncAt: string | null;
  rosterSize: number;
  revoked: boolean;
  /** a batch the server refused (not a network error): the queue is kept, supervisors are told */
  uploadError: string | null;
};

type OfflineScanRequest = { code: string; checkpoint: string; direction: "in" | "out"; nonce: string; device: string | null };

let seqCounter = 0;

/**
 * The scanner's offline state and its sync with the server: one per page. Holds the roster and
 * the queue in memory, mirrored in IndexedDB; syncs every 30 s and at once when the browser comes
 * back online; uploads the queue (in order, chunks of ≤ 500, removed only once answered) before
 * each roster sync; wipes itself on 410 (revoked device).
 */
export class OfflineEngine {
  private roster: LocalRoster | null = null;
  private queue: QueuedScan[] = [];
  private snap: OfflineSnapshot = { ready: false, device: null, checkpoint: null, offline: false, queueLength: 0, lastSyncAt: null, rosterSize: 0, revoked: false, uploadError: null };
  private listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private failedContact = false;

  constructor(private locale: string) {}

  subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  getSnapshot = () => this.snap;

  private emit(patch: Partial<OfflineSnapshot> = {}) {
    const browserOffline = typeof navigator !== "undefined" && navigator.onLine === false;
    this.snap = {
      ...this.snap, ...patch,
      offline: browserOffline || this.failedContact,
      queueLength: this.queue.length,
      lastSyncAt: this.roster?.lastSyncAt ?? null,
      rosterSize: this.roster?.rows.size ?? 0,
    };
    for (const fn of this.listeners) fn();
  }

  async start(): Promise<void> {
    try {
      const loaded = await store.loadAll();
      this.roster = loaded.roster;
      this.queue = loaded.queue;
      seqCounter = Math.max(seqCounter, ...loaded.queue.map((q) => q.seq));
      this.emit({ ready: true, device: loaded.device });
    } catch {
      this.emit({ ready: true });
    }
    window.addEventListener("online", this.onOnline);
    window.addEventListener("offline", this.onOffline);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    window.removeEventListener("online", this.onOnline);
    window.removeEventListener("offline", this.onOffline);
  }

  private onOnline = () => void this.syncNow();
  private onOffline = () => this.emit();

  /** Enrols this phone as a named scanner (POST /api/v1/checkins/devices). */
  async enrol(name: string, checkpoint: string): Promise<boolean> {
    const res = await api<{ id: string; name: string }>(this.locale, "/api/v1/checkins/devices", {
      method: "POST",
      body: { name, checkpoint, userAgent: navigator.userAgent.slice(0, 300) },
    });
    if (!res.ok) return false;
    const device = { id: res.data.id, name: res.data.name };
    await store.saveDevice(device);
    this.emit({ device, revoked: false });
    return true;
  }

  /** The door this scanner works at: its roster is synced (a full download when it changed). */
  setCheckpoint(code: string): void {
    if (this.snap.checkpoint === code) return;
    this.emit({ checkpoint: code });
    void this.syncNow();
  }

  shouldDecideOffline(): boolean {
    return this.snap.offline && this.canDecide();
  }

  canDecide(): boolean {
    return !!this.roster && !!this.snap.device && !this.snap.revoked && this.roster.checkpoint.code === this.snap.checkpoint;
  }

  /** The online attempt failed: decide locally from now on until a sync gets through. */
  markOffline(): void {
    this.failedContact = true;
    this.emit();
    this.schedule(PROBE_OFFLINE_MS);
  }

  /** Decides on the device and queues the scan (stored before the answer is returned). Null without a roster. */
  async decideOffline(req: OfflineScanRequest): Promise<ScanAnswer | null> {
    const roster = this.roster;
    if (!roster || !this.canDecide() || roster.checkpoint.code !== req.checkpoint) return null;
    const verifier = await badgeVerifier(roster.eventId, roster.publicKey);
    const verified = await verifier.verify(req.code);
    const decision = decideLocally(roster, verified, { checkpoint: req.checkpoint, direction: req.direction, at: new Date(), device: req.device });
    const scan: QueuedScan = {
      nonce: req.nonce, seq: ++seqCounter, code: req.code.trim().slice(0, 2000), checkpoint: req.checkpoint, direction: req.direction,
      scannedAt: decision.answer.scannedAt, localResult: decision.answer.result,
    };
    await store.enqueue(scan, decision.presence);
    this.queue.push(scan);
    if (decision.presence) roster.presence.set(decision.presence[0], decision.presence[1]);
    this.emit();
    return decision.answer;
  }

  /** An online answer updates the local presence, so an outage a second later still knows who is inside. */
  noteOnlineAnswer(a: ScanAnswer): void {
    this.failedContact = false;
    const roster = this.roster;
    const reg = a.registration;
    if (!roster || !reg || a.result !== "admitted" || roster.checkpoint.code !== a.checkpoint) {
      this.emit();
      return;
    }
    const prev = roster.presence.get(reg.id);
    const p = a.direction === "in"
      ? { firstAt: prev?.firstAt ?? a.firstCheckin?.at ?? a.scannedAt, inside: true, device: prev?.device ?? null }
      : { firstAt: prev?.firstAt ?? a.firstCheckin?.at ?? a.scannedAt, inside: false, device: prev?.device ?? null };
    roster.presence.set(reg.id, p);
    void store.savePresence(reg.id, p).catch(() => undefined);
    this.emit();
  }

  /** The local roster, for offline search. */
  localRoster(): LocalRoster | null {
    return this.roster;
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.syncNow(), ms);
  }

  /** Uploads the queue, then fetches the roster's changes. One at a time; a call during a run waits for it. */
  syncNow(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.sync().finally(() => {
      this.running = null;
      this.schedule(this.snap.offline ? PROBE_OFFLINE_MS : SYNC_EVERY_MS);
    });
    return this.running;
  }

  private async battery(): Promise<number | undefined> {
    const nav = navigator as Navigator & { getBattery?: () => Promise<{ level: number }> };
    try {
      return nav.getBattery ? (await nav.getBattery()).level : undefined;
    } catch {
      return undefined;
    }
  }

  private async sync(): Promise<void> {
    const device = this.snap.device;
    const checkpoint = this.snap.checkpoint;
    if (!device || !checkpoint || this.snap.revoked || this.stopped) return;
    const battery = await this.battery();
    if (!(await this.drain(device.id, battery))) return;
    const same = this.roster && this.roster.checkpoint.code === checkpoint;
    const q = new URLSearchParams({ checkpoint, device: device.id, queue: String(this.queue.length) });
    if (same) q.set("since", this.roster!.cursor);
    if (battery !== undefined) q.set("battery", String(battery));
    const res = await api<RosterResponse>(this.locale, `/api/v1/checkins/roster?${q}`);
    if (!res.ok) {
      if ("problem" in res && res.problem.status === 410) return this.revoke();
      if (!("problem" in res) || res.problem.status >= 500) this.failedContact = true;
      this.emit();
      return;
    }
    this.failedContact = false;
    const { roster, changes } = mergeRoster(same ? this.roster : null, res.data, new Date());
    this.roster = roster;
    try {
      await store.saveRoster(roster, changes);
    } catch {
      // storage full or unavailable: the roster still works from memory for this visit
    }
    this.emit();
  }

  /** Uploads the queue in order; true when it is empty afterwards. */
  private async drain(deviceId: string, battery: number | undefined): Promise<boolean> {
    if (this.queue.length === 0) return true;
    for (const body of batchBodies(this.queue, deviceId, battery)) {
      const res = await api<{ results: BatchResult[] }>(this.locale, "/api/v1/checkins/batch", { method: "POST", body });
      if (!res.ok) {
        if ("problem" in res && res.problem.status === 410) {
          await this.revoke();
          return false;
        }
        if ("problem" in res && res.problem.status < 500) this.emit({ uploadError: res.problem.detail || res.problem.title });
        else {
          this.failedContact = true;
          this.emit();
        }
        return false;
      }
      const answered = new Set(answeredNonces(body, res.data.results));
      await store.dequeue([...answered]);
      this.queue = this.queue.filter((q) => !answered.has(q.nonce));
      this.failedContact = false;
      this.emit({ uploadError: null });
    }
    return this.queue.length === 0;
  }

  private async revoke(): Promise<void> {
    this.roster = null;
    this.queue = [];
    await store.wipe().catch(() => undefined);
    this.emit({ revoked: true, device: null });
    this.stop();
  }
}

/** Forgets this device's offline data and the cached scanner pages (on sign-out). */
export async function wipeOfflineData(): Promise<void> {
  await store.wipe().catch(() => undefined);
  if (typeof caches !== "undefined") await caches.delete("ocop-scanner-pages").catch(() => false);
}
