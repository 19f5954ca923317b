import type { QueuedScan } from "./queue";
import type { LocalRoster, Presence, RosterChanges, RosterRow } from "./roster";

/**
 * The scanner's IndexedDB (plain IndexedDB, no wrapper): the enrolled device, the roster of one
 * checkpoint (meta, rows, presence) and the queue of scans decided offline. Survives reloads and
 * restarts; wiped on sign-out and when the server says the device is revoked.
 */
const DB_NAME = "ocop-scanner";
const VERSION = 1;
const KV = "kv";
const ROWS = "rows";
const PRESENCE = "presence";
const QUEUE = "queue";
const ALL = [KV, ROWS, PRESENCE, QUEUE];

export type StoredDevice = { id: string; name: string };
type RosterMeta = Omit<LocalRoster, "rows" | "presence">;

let dbPromise: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  if (!dbPromise) {
    dbPromise = new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, VERSION);
      req.onupgradeneeded = () => {
        const db = req.result;
        for (const name of [KV, ROWS, PRESENCE]) if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
        if (!db.objectStoreNames.contains(QUEUE)) db.createObjectStore(QUEUE, { keyPath: "nonce" });
      };
      req.onsuccess = () => {
        const db = req.result;
        db.onversionchange = () => {
          db.close();
          dbPromise = null;
        };
        resolve(db);
      };
      req.onerror = () => reject(req.error);
    });
    dbPromise.catch(() => {
      dbPromise = null;
    });
  }
  return dbPromise;
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error("aborted"));
  });
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export type Loaded = { device: StoredDevice | null; roster: LocalRoster | null; queue: QueuedScan[] };

export async function loadAll(): Promise<Loaded> {
  const db = await open();
  const tx = db.transaction(ALL, "readonly");
  const [device, meta, rows, presKeys, pres, queue] = await Promise.all([
    request(tx.objectStore(KV).get("device")) as Promise<StoredDevice | undefined>,
    request(tx.objectStore(KV).get("roster")) as Promise<RosterMeta | undefined>,
    request(tx.objectStore(ROWS).getAll()) as Promise<RosterRow[]>,
    request(tx.objectStore(PRESENCE).getAllKeys()),
    request(tx.objectStore(PRESENCE).getAll()) as Promise<Presence[]>,
    request(tx.objectStore(QUEUE).getAll()) as Promise<QueuedScan[]>,
  ]);
  const roster: LocalRoster | null = meta
    ? { ...meta, rows: new Map(rows.map((r) => [r[0], r])), presence: new Map(presKeys.map((k, i) => [Number(k), pres[i]!])) }
    : null;
  return { device: device ?? null, roster, queue };
}

export async function saveDevice(device: StoredDevice): Promise<void> {
  const db = await open();
  const tx = db.transaction(KV, "readwrite");
  tx.objectStore(KV).put(device, "device");
  await done(tx);
}

/** Writes what a merge changed (everything after a full answer) in one transaction. */
export async function saveRoster(roster: LocalRoster, changes: RosterChanges): Promise<void> {
  const db = await open();
  const tx = db.transaction([KV, ROWS, PRESENCE], "readwrite");
  const { rows: _rows, presence: _presence, ...meta } = roster;
  void _rows;
  void _presence;
  tx.objectStore(KV).put(meta, "roster");
  const rows = tx.objectStore(ROWS);
  const presence = tx.objectStore(PRESENCE);
  if (changes.full) {
    rows.clear();
    presence.clear();
  }
  for (const r of changes.rows) rows.put(r, r[0]);
  for (const [id, p] of changes.presence) presence.put(p, id);
  for (const id of changes.removed) presence.delete(id);
  await done(tx);
}

/** Stores an offline scan (and the presence it leaves) BEFORE its result is shown. */
export async function enqueue(scan: QueuedScan, presence: [number, Presence] | null): Promise<void> {
  const db = await open();
  const tx = db.transaction([QUEUE, PRESENCE], "readwrite");
  tx.objectStore(QUEUE).put(scan);
  if (presence) tx.objectStore(PRESENCE).put(presence[1], presence[0]);
  await done(tx);
}

export async function savePresence(id: number, p: Presence): Promise<void> {
  const db = await open();
  const tx = db.transaction(PRESENCE, "readwrite");
  tx.objectStore(PRESENCE).put(p, id);
  await done(tx);
}

export async function dequeue(nonces: string[]): Promise<void> {
  if (nonces.length === 0) return;
  const db = await open();
  const tx = db.transaction(QUEUE, "readwrite");
  const q = tx.objectStore(QUEUE);
  for (const n of nonces) q.delete(n);
  await done(tx);
}

/** Forgets everything: device, roster, queue (sign-out, revoked device). */
export async function wipe(): Promise<void> {
  const db = await open();
  const tx = db.transaction(ALL, "readwrite");
  for (const name of ALL) tx.objectStore(name).clear();
  await done(tx);
}
