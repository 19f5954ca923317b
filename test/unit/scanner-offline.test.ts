import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { encodeBadgeCode, generateBadgeKeyPair, privateKeyFromPkcs8 } from "@/lib/badges/code";
import { SCAN_REASONS } from "@/lib/checkin/types";
import { parseBadgeCode } from "@/components/scanner/offline/code";
import { answeredNonces, batchBodies, BATCH_MAX, orderQueue, type BatchResult, type QueuedScan } from "@/components/scanner/offline/queue";
import { mergeRoster, phoneHash, plainText, searchRoster, type LocalRoster, type RosterResponse, type RosterRow } from "@/components/scanner/offline/roster";
import { decideLocally, type LocalScan, type Verified } from "@/components/scanner/offline/rules";
import { badgeVerifier } from "@/components/scanner/offline/verify";

const EVENT = 7;
const pair = generateBadgeKeyPair();
const priv = privateKeyFromPkcs8(pair.privateKey);
const serverPhoneHash = (phone: string) => crypto.createHash("sha256").update(`${EVENT}:${phone}`).digest("hex").slice(0, 16);

const row = (id: number, over: Partial<{ serial: number; status: string; category: string; name: string; phone: string }> = {}): RosterRow => [
  id, over.serial ?? 1, over.status ?? "confirmed", over.category ?? "lanh-dao", over.name ?? `Ông Nguyễn Văn ${id}`, "Giám đốc", "Sở NN&PTNT", "Đoàn tỉnh Quảng Ninh", null,
  serverPhoneHash(over.phone ?? `09123400${String(id).padStart(2, "0")}`),
];

function response(over: Partial<RosterResponse> = {}): RosterResponse {
  return {
    eventId: EVENT, publicKey: pair.publicKey, cursor: "100", full: true, serverTime: "2020-12-16T01:00:00.000Z",
    checkpoint: { code: "hoi-truong", name: "Hội trường", allowReentry: true, categories: ["lanh-dao", "so-nnptnt"], windows: [], openNow: true },
    categories: [{ code: "lanh-dao", name: "Lãnh đạo", colour: "#b71c1c" }, { code: "so-nnptnt", name: "Sở NN&PTNT", colour: "#1565c0" }, { code: "chu-the-ocop", name: "Chủ thể OCOP", colour: "#2e7d32" }],
    fields: ["id", "serial", "status", "category", "name", "position", "organisation", "delegation", "note", "phoneHash"],
    rows: [row(1), row(2, { name: "Bà Nguyễn Thị Ánh Tuyết", phone: "0987654321" }), row(3)],
    presence: [], removed: [], ...over,
  };
}

describe("roster merge", () => {
  it("a full answer replaces, an incremental one merges by id, idempotently", () => {
    const { roster: a, changes } = mergeRoster(null, response({ presence: [[3, "2020-12-16T01:00:00.000Z", true]] }), new Date("2020-12-16T01:00:01Z"));
    expect(changes.full).toBe(true);
    expect(a.rows.size).toBe(3);
    expect(a.presence.get(3)).toEqual({ firstAt: "2020-12-16T01:00:00.000Z", inside: true, device: null });
    const inc = response({ full: false, cursor: "120", rows: [row(2, { serial: 2 }), row(4)], presence: [[1, "2020-12-16T01:05:00.000Z", true]], removed: [3] });
    const { roster: b, changes: c2 } = mergeRoster(a, inc, new Date("2020-12-16T01:05:01Z"));
    expect(c2.full).toBe(false);
    expect(b.cursor).toBe("120");
    expect([...b.rows.keys()].sort()).toEqual([1, 2, 3, 4]);
    expect(b.rows.get(2)![1]).toBe(2);
    expect(b.presence.has(3)).toBe(false);
    expect(b.presence.get(1)!.inside).toBe(true);
    const snapshot = JSON.stringify([[...b.rows], [...b.presence]]);
    mergeRoster(b, inc, new Date("2020-12-16T01:05:02Z"));
    expect(JSON.stringify([[...b.rows], [...b.presence]])).toBe(snapshot);
  });

  it("another checkpoint or event starts over", () => {
    const { roster: a } = mergeRoster(null, response({ presence: [[1, "2020-12-16T01:00:00.000Z", true]] }), new Date());
    const other = response({ full: false, checkpoint: { ...response().checkpoint, code: "trien-lam" }, rows: [row(9)] });
    const { roster: b, changes } = mergeRoster(a, other, new Date());
    expect(changes.full).toBe(true);
    expect([...b.rows.keys()]).toEqual([9]);
    expect(b.presence.size).toBe(0);
  });

  it("keeps this device's name on an entry the server confirms", () => {
    const { roster } = mergeRoster(null, response(), new Date());
    roster.presence.set(1, { firstAt: "2020-12-16T01:02:00.000Z", inside: true, device: "Cửa 2" });
    mergeRoster(roster, response({ full: false, rows: [], presence: [[1, "2020-12-16T01:02:00.000Z", true]] }), new Date());
    expect(roster.presence.get(1)!.device).toBe("Cửa 2");
  });
});

describe("offline search", () => {
  it("finds names typed without diacritics and phones by hash", async () => {
    const { roster } = mergeRoster(null, response(), new Date());
    expect(plainText("Bà Nguyễn Thị Ánh Tuyết – Đoàn")).toBe("ba nguyen thi anh tuyet – doan");
    expect((await searchRoster(roster, "nguyen thi anh")).map((r) => r[0])).toEqual([2]);
    expect((await searchRoster(roster, "+84 987 654 321")).map((r) => r[0])).toEqual([2]);
    expect(await phoneHash(EVENT, "0987654321")).toBe(serverPhoneHash("0987654321"));
  });
});

describe("offline rules", () => {
  const at = new Date("2020-12-16T02:00:00Z");
  const scan = (over: Partial<LocalScan> = {}): LocalScan => ({ checkpoint: "hoi-truong", direction: "in", at, device: "Cửa 1", ...over });
  const ok = (badgeId: number, serial = 1): Verified => ({ ok: true, badgeId, serial });
  const rosterWith = (over: Partial<RosterResponse> = {}): LocalRoster => mergeRoster(null, response({
    rows: [row(1), row(2, { status: "cancelled" }), row(3, { status: "rejected" }), row(4, { status: "pending" }), row(5, { category: "chu-the-ocop" }), row(6, { serial: 2 })],
    ...over,
  }), new Date()).roster;

  it("decides every reason in the server's order", () => {
    const r = rosterWith();
    const reason = (v: Verified, s = scan(), roster = r) => {
      const a = decideLocally(roster, v, s).answer;
      return `${a.result}/${a.reason ?? ""}`;
    };
    const seen = new Set<string>();
    const expectReason = (got: string, want: string) => {
      expect(got).toBe(want);
      seen.add(want.split("/")[1]!);
    };
    expectReason(reason({ ok: false, reason: "format" }), "invalid/format");
    expectReason(reason({ ok: false, reason: "signature" }), "invalid/signature");
    expectReason(reason(ok(99)), "invalid/unknown");
    expectReason(reason(ok(6, 1)), "refused/revoked");
    expectReason(reason(ok(2)), "refused/cancelled");
    expectReason(reason(ok(3)), "refused/rejected");
    expectReason(reason(ok(4)), "refused/not_confirmed");
    expectReason(reason(ok(5)), "refused/not_allowed");
    const closed = rosterWith({ checkpoint: { ...response().checkpoint, windows: [{ opensAt: "2020-12-16T03:00:00Z", closesAt: "2020-12-16T05:00:00Z" }] } });
    expectReason(reason(ok(1), scan(), closed), "refused/closed");
    expectReason(reason(ok(1), scan({ direction: "out" })), "refused/not_inside");
    const noReentry = rosterWith({ checkpoint: { ...response().checkpoint, allowReentry: false }, presence: [[1, "2020-12-16T01:00:00.000Z", false]] });
    expectReason(reason(ok(1), scan(), noReentry), "refused/no_reentry");
    expect(decideLocally(noReentry, ok(1), scan()).answer.firstCheckin?.at).toBe("2020-12-16T01:00:00.000Z");
    expect([...seen].sort()).toEqual([...SCAN_REASONS].sort());
    // a serial newer than the roster's (re-issued since the last sync) is refused too, never admitted
    expect(reason(ok(1, 2))).toBe("refused/revoked");
  });

  it("admits, then says already admitted (this device's own scan), lets out and back in", () => {
    const r = rosterWith();
    const first = decideLocally(r, ok(1), scan());
    expect(first.answer).toMatchObject({ result: "admitted", direction: "in", registration: { id: 1, category: "Lãnh đạo", colour: "#b71c1c" } });
    expect(first.presence).toEqual([1, { firstAt: at.toISOString(), inside: true, device: "Cửa 1" }]);
    r.presence.set(...first.presence!);
    const again = decideLocally(r, ok(1), scan({ at: new Date(at.getTime() + 60_000) }));
    expect(again.answer).toMatchObject({ result: "already_admitted", firstCheckin: { at: at.toISOString(), checkpoint: "hoi-truong", device: "Cửa 1" } });
    expect(again.presence).toBeNull();
    const out = decideLocally(r, ok(1), scan({ direction: "out" }));
    expect(out.answer.result).toBe("admitted");
    r.presence.set(...out.presence!);
    expect(r.presence.get(1)!.inside).toBe(false);
    const back = decideLocally(r, ok(1), scan());
    expect(back.answer.result).toBe("admitted");
    expect(back.presence![1]).toMatchObject({ firstAt: at.toISOString(), inside: true });
  });

  it("already admitted from the roster's presence (another device, synced)", () => {
    const r = rosterWith({ presence: [[1, "2020-12-16T01:30:00.000Z", true]] });
    expect(decideLocally(r, ok(1), scan()).answer).toMatchObject({ result: "already_admitted", firstCheckin: { at: "2020-12-16T01:30:00.000Z", device: null } });
  });
});

describe("badge signatures on the device", () => {
  const code = encodeBadgeCode({ eventId: EVENT, badgeId: 1234, serial: 2 }, priv);
  it.each([false, true])("verify with WebCrypto or the pure-JS fallback (fallback: %s)", async (forceFallback) => {
    const v = await badgeVerifier(EVENT, pair.publicKey, { forceFallback });
    expect(v.engine).toBe(forceFallback ? "noble" : "webcrypto");
    expect(await v.verify(code)).toEqual({ ok: true, badgeId: 1234, serial: 2 });
    const tampered = `${code.slice(0, 14)}3${code.slice(15)}`; // serial 2 → 3
    expect(await v.verify(tampered)).toEqual({ ok: false, reason: "signature" });
    expect(await v.verify("12345")).toEqual({ ok: false, reason: "format" });
    const otherEvent = await badgeVerifier(EVENT + 1, pair.publicKey, { forceFallback });
    expect((await otherEvent.verify(code)).ok).toBe(false);
  });

  it("parses id, serial and the 64-byte signature", () => {
    const p = parseBadgeCode(code);
    expect(p.ok && [p.badgeId, p.serial, p.signature.length]).toEqual([1234, 2, 64]);
  });
});

describe("offline queue", () => {
  const q = (seq: number, at: string, nonce = `n-${seq}`): QueuedScan => ({ nonce, seq, code: `c${seq}`, checkpoint: "hoi-truong", direction: "in", scannedAt: at, localResult: "admitted" });

  it("uploads in scan order (time, then sequence) in chunks of at most 500", () => {
    const queue = [q(3, "2020-12-16T02:00:02Z"), q(1, "2020-12-16T02:00:01Z"), q(2, "2020-12-16T02:00:01Z")];
    expect(orderQueue(queue).map((s) => s.seq)).toEqual([1, 2, 3]);
    const many = Array.from({ length: 1200 }, (_, i) => q(i + 1, new Date(Date.UTC(2020, 11, 16, 2, 0, 0, 1200 - i)).toISOString()));
    const bodies = batchBodies(many, "dev-1", 0.5);
    expect(bodies.map((b) => b.scans.length)).toEqual([BATCH_MAX, BATCH_MAX, 200]);
    expect(bodies.map((b) => b.queueLength)).toEqual([1200, 700, 200]);
    expect(bodies[0]!.battery).toBe(0.5);
    expect(bodies[0]!.scans[0]!.nonce).toBe("n-1200"); // the earliest scan first
    const times = bodies.flatMap((b) => b.scans.map((s) => Date.parse(s.scannedAt)));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("a retried upload reuses every nonce; only answered scans leave the queue", () => {
    const queue = [q(1, "2020-12-16T02:00:01Z"), q(2, "2020-12-16T02:00:02Z"), q(3, "2020-12-16T02:00:03Z")];
    const first = batchBodies(queue, "dev-1");
    const retry = batchBodies(queue, "dev-1");
    expect(retry).toEqual(first);
    expect(retry[0]!.scans.map((s) => s.nonce)).toEqual(["n-1", "n-2", "n-3"]);
    const answer = (nonce: string): BatchResult => ({ nonce, result: "admitted", direction: "in", scanId: 1, scannedAt: "", checkpoint: "hoi-truong" });
    expect(answeredNonces(first[0]!, [answer("n-1"), answer("n-2"), answer("other")])).toEqual(["n-1", "n-2"]);
  });
});
