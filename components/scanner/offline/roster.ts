/**
 * The door's local roster (what GET /api/v1/checkins/roster sends), merged incrementally. Plain
 * TypeScript without the DOM, so the merge is unit-tested in Node.
 */
export type RosterRow = [id: number, serial: number, status: string, category: string, name: string, position: string, organisation: string, delegation: string | null, note: string | null, phoneHash: string];

export type RosterCheckpoint = { code: string; name: string; allowReentry: boolean; categories: string[]; windows: { opensAt: string; closesAt: string }[]; openNow: boolean };

/** The server's answer (see lib/checkin/roster.ts). */
export type RosterResponse = {
  eventId: number;
  publicKey: string;
  cursor: string;
  full: boolean;
  serverTime: string;
  checkpoint: RosterCheckpoint;
  categories: { code: string; name: string; colour: string }[];
  fields: readonly string[];
  rows: RosterRow[];
  presence: [number, string, boolean][];
  removed: number[];
};

/** Someone's entry at this checkpoint; `device` is set when this scanner admitted them itself. */
export type Presence = { firstAt: string; inside: boolean; device: string | null };

export type LocalRoster = {
  eventId: number;
  publicKey: string;
  cursor: string;
  /** device clock when the last sync answered */
  lastSyncAt: string;
  serverTime: string;
  checkpoint: RosterCheckpoint;
  categories: Record<string, { name: string; colour: string }>;
  rows: Map<number, RosterRow>;
  presence: Map<number, Presence>;
};

/** What changed in a merge, so the store writes only that. */
export type RosterChanges = { full: boolean; rows: RosterRow[]; presence: [number, Presence][]; removed: number[] };

/**
 * Merges a roster answer into the local roster (in place when incremental; a new one when the answer
 * is full, or is for another event or checkpoint). Idempotent: the same answer merged twice changes nothing.
 */
export function mergeRoster(local: LocalRoster | null, res: RosterResponse, syncedAt: Date): { roster: LocalRoster; changes: RosterChanges } {
  const meta = {
    eventId: res.eventId, publicKey: res.publicKey, cursor: res.cursor, lastSyncAt: syncedAt.toISOString(), serverTime: res.serverTime, checkpoint: res.checkpoint,
    categories: Object.fromEntries(res.categories.map((c) => [c.code, { name: c.name, colour: c.colour }])),
  };
  const presenceOf = (p: [number, string, boolean]): [number, Presence] => [p[0], { firstAt: p[1], inside: p[2], device: null }];
  if (!local || res.full || local.eventId !== res.eventId || local.checkpoint.code !== res.checkpoint.code) {
    const roster: LocalRoster = { ...meta, rows: new Map(res.rows.map((r) => [r[0], r])), presence: new Map(res.presence.map(presenceOf)) };
    return { roster, changes: { full: true, rows: res.rows, presence: [...roster.presence], removed: [] } };
  }
  Object.assign(local, meta);
  for (const r of res.rows) local.rows.set(r[0], r);
  const presence = res.presence.map(presenceOf);
  for (const [id, p] of presence) {
    // the server's time of the first entry wins; the device that made it is kept when it was this one
    const mine = local.presence.get(id);
    local.presence.set(id, { ...p, device: mine && mine.firstAt === p.firstAt ? mine.device : null });
  }
  for (const id of res.removed) local.presence.delete(id);
  return { roster: local, changes: { full: false, rows: res.rows, presence: presence.map(([id]) => [id, local.presence.get(id)!]), removed: res.removed } };
}

/** "Nguyễn Thị Ánh" → "nguyen thi anh". */
export function plainText(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase().replace(/\s+/g, " ").trim();
}

/** As lib/registration/schemas.ts: "+84 912 345 678" → "0912345678", or null. */
export function normalisePhone(raw: string): string | null {
  let p = raw.normalize("NFC").replace(/[\s.\-()]/g, "");
  if (p.startsWith("+84")) p = `0${p.slice(3)}`;
  else if (p.startsWith("84") && p.length === 11) p = `0${p.slice(2)}`;
  return /^0(3|5|7|8|9)\d{8}$/.test(p) ? p : null;
}

/** The roster's phone hash: the first 16 hex of SHA-256("<event>:<phone>"). */
export async function phoneHash(eventId: number, phone: string): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${eventId}:${phone}`)));
  return Array.from(d.slice(0, 8), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Offline search: every word of the name typed without diacritics, or a full phone number (by hash). */
export async function searchRoster(roster: LocalRoster, query: string, limit = 20): Promise<RosterRow[]> {
  const phone = normalisePhone(query);
  if (phone) {
    const h = await phoneHash(roster.eventId, phone);
    return [...roster.rows.values()].filter((r) => r[9] === h).slice(0, limit);
  }
  const words = plainText(query).split(" ").filter(Boolean);
  if (words.length === 0) return [];
  const out: RosterRow[] = [];
  for (const r of roster.rows.values()) {
    const name = plainText(r[4]);
    if (words.every((w) => name.includes(w))) out.push(r);
    if (out.length >= limit) break;
  }
  return out;
}
