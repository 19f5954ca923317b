import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { overrideDbForTests } from "@/db/client";
import { ENDPOINT_LIST, ENDPOINTS } from "@/lib/api/endpoints";
import { ROLE_PERMISSIONS, ROLES, type Role } from "@/lib/auth/permissions";
import type { UserActor } from "@/lib/context";
import { accessList, type EndpointDef } from "@/lib/http/endpoint";
import { enrolDevice } from "@/lib/checkin";
import { inviteDelegates } from "@/lib/registration/invitations";
import { registerDelegate } from "@/lib/registration/register";
import type { RegistrationInput } from "@/lib/registration/schemas";
import { createToken } from "@/lib/tokens/tokens";
import { ctxFor, seedRoleUsers } from "../helpers/actors";
import { createTestDatabase, type TestDatabase } from "../helpers/databases";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const ROOT = path.resolve(__dirname, "../..");
const API_DIR = path.join(ROOT, "app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route file under app/api/v1, as [method, OpenAPI path, handler]. */
async function routeHandlers(): Promise<{ method: string; path: string; handler: Handler }[]> {
  const out: { method: string; path: string; handler: Handler }[] = [];
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : d.name === "route.ts" ? [path.join(dir, d.name)] : []));
  for (const file of walk(API_DIR)) {
    const rel = path.relative(path.join(ROOT, "app"), path.dirname(file)).split(path.sep).map((seg) => seg.replace(/^\[(.+)\]$/, "{$1}"));
    const mod = (await import(file)) as Record<string, unknown>;
    for (const m of METHODS) if (typeof mod[m] === "function") out.push({ method: m, path: `/${rel.join("/")}`, handler: mod[m] as Handler });
  }
  return out;
}

let t: TestDatabase;
let as: Record<Role, UserActor>;
const tokens = {} as Record<Role, string>;
const spareTokenIds = {} as Record<Role, number>;
const cookies = {} as Record<Role, string>;
let handlers: Awaited<ReturnType<typeof routeHandlers>>;
let provinceRegistrationId = 0;
let ministryRegistrationId = 0;
let invitationId = 0;
let deviceId = "";
let spareDeviceId = "";
const delegate = (n: number) => ({
  categoryCode: "chu-the-ocop", honorific: "ba", familyName: "Nguyễn Thị", givenName: "Hoa", position: "Giám đốc", organisation: "HTX Chè Tân Cương",
  provinceCode: "22", email: `dai-bieu-${n}@example.vn`, phone: "0912345678", answers: { needs_hotel: false }, consent: true,
});

beforeAll(async () => {
  process.env.AUTH_SECRET = "api-test-secret-".padEnd(48, "x");
  t = await createTestDatabase("postgres", { seeded: true });
  overrideDbForTests(t);
  as = await seedRoleUsers(t.db);
  for (const role of ROLES) {
    const tok = await createToken(ctxFor(t.db, as[role]), { name: `matrix ${role}` });
    tokens[role] = tok.token;
    spareTokenIds[role] = (await createToken(ctxFor(t.db, as[role]), { name: `to revoke ${role}` })).id;
    cookies[role] = `next-auth.session-token=${await encode({ token: { sub: String(as[role].userId) }, secret: process.env.AUTH_SECRET! })}`;
  }
  handlers = await routeHandlers();
  provinceRegistrationId = (await registerDelegate(ctxFor(t.db, { kind: "anonymous" }), delegate(0) as RegistrationInput)).id;
  ministryRegistrationId = (await registerDelegate(ctxFor(t.db, { kind: "anonymous" }), { ...delegate(1), provinceCode: null, ministryCode: "bct" } as RegistrationInput)).id;
  invitationId = (await inviteDelegates(ctxFor(t.db, as.admin), { categoryCode: "khach-moi", invitees: [{ email: "khach@example.org" }] })).created[0]!.id;
  const form = new FormData();
  form.append("file", new File(["Họ đệm,Tên,Email\nNguyễn Văn,An,an@example.vn\n"], "doan.csv", { type: "text/csv" }));
  form.append("dryRun", "true");
  const encoded = new Response(form);
  const rawBody = await encoded.arrayBuffer();
  importUpload = { rawBody, headers: { "content-type": encoded.headers.get("content-type")!, "content-length": String(rawBody.byteLength) } };
  deviceId = (await enrolDevice(ctxFor(t.db, as.checkin_staff), { name: "Cửa ma trận" })).id;
  spareDeviceId = (await enrolDevice(ctxFor(t.db, as.checkin_staff), { name: "Cửa dự phòng" })).id;
});
afterAll(async () => {
  overrideDbForTests(null);
  await t?.drop();
});

function handlerFor(def: EndpointDef): Handler {
  const h = handlers.find((x) => x.method === def.method && x.path === def.path);
  if (!h) throw new Error(`no route file for ${def.method} ${def.path}`);
  return h.handler;
}

async function call(def: EndpointDef, opts: { role?: Role; session?: Role; body?: unknown; rawBody?: BodyInit; headers?: Record<string, string>; params?: Record<string, string>; query?: string } = {}): Promise<Response> {
  const params = opts.params ?? {};
  const url = `http://localhost${def.path.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? "1")}${opts.query ?? ""}`;
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.role) headers.authorization = `Bearer ${tokens[opts.role]}`;
  if (opts.session) {
    headers.cookie = cookies[opts.session];
    headers["sec-fetch-site"] = "same-origin";
  }
  let body: BodyInit | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers["content-type"] ??= "application/json";
  }
  const req = new Request(url, { method: def.method, headers, body });
  return handlerFor(def)(req, { params: Promise.resolve(params) });
}

/** A valid request per endpoint for roles that hold the permission (ids are the caller's own objects). */
/** A multipart upload with its Content-Length, as a browser sends it. */
let importUpload: { rawBody: ArrayBuffer; headers: Record<string, string> };

function sample(def: EndpointDef, role: Role | undefined, n: number): { body?: unknown; params?: Record<string, string>; query?: string; rawBody?: BodyInit; headers?: Record<string, string> } {
  const id = role ? String(as[role].userId) : "1";
  // Unit officers act on their own unit's delegate.
  const registrationId = role === "ministry_officer" ? ministryRegistrationId : provinceRegistrationId;
  switch (def.id) {
    case "createUser": return { body: { email: `matrix-${role}-${n}@example.vn`, name: "Ma Trận", role: "checkin_staff", password: "Matkhau2020" } };
    case "updateUser": return { params: { id }, body: { name: "Người dùng đã sửa" } };
    case "getUser": case "sendPasswordReset": return { params: { id } };
    case "createToken": return { body: { name: "matrix" } };
    case "revokeToken": return { params: { id: String(role ? spareTokenIds[role] : 1) } };
    case "changePassword": return { body: { currentPassword: "wrong-on-purpose", newPassword: "Matkhau2021" } };
    case "completePasswordReset": return { body: { token: "reset_nope", password: "Matkhau2021" } };
    case "register": return { body: delegate(n) };
    case "resendConfirmation": return { body: { email: "dai-bieu-0@example.vn" } };
    case "updateCategory": return { params: { code: "chu-the-ocop" }, body: { nameEn: "OCOP producers (exhibitors)" } };
    case "getRegistration": case "approveRegistration": case "reissueBadge": case "getBadge": return { params: { id: String(registrationId) } };
    case "updateRegistration": return { params: { id: String(registrationId) }, body: { position: "Chủ tịch HĐQT" } };
    case "rejectRegistration": return { params: { id: String(registrationId) }, body: { reason: "Thử nghiệm" } };
    case "cancelRegistration": return { params: { id: "999999" } };
    case "invite": return { body: { categoryCode: "khach-moi", invitees: [{ email: `moi-${n}@example.org` }] } };
    case "revokeInvitation": case "resendInvitation": return { params: { id: String(invitationId) } };
    case "updateCheckpoint": return { params: { code: "trien-lam" }, body: { allowReentry: true } };
    case "checkin": return { body: { code: "1234", checkpoint: "trien-lam", device: "Ma trận" } };
    case "manualCheckin": return { body: { registrationId: provinceRegistrationId, checkpoint: "trien-lam" } };
    case "undoCheckin": return { params: { id: "999999" } };
    case "searchCheckin": return { query: "?q=Hoa" };
    case "registerWalkIn": return { body: { ...delegate(n), email: `vang-lai-${n}@example.vn` } };
    case "checkinAttendance": return { query: "?format=csv" };
    case "exportRegistrations": return { query: "?format=csv&status=confirmed" };
    case "bulkRegistrations": return { body: { ids: [999998, 999999], action: "door_note", doorNote: "Hàng ghế B" } };
    case "importRegistrations": return { rawBody: importUpload.rawBody.slice(0), headers: { ...importUpload.headers } };
    case "getDelegation": return { params: { kind: "province", code: "22" } };
    case "setDelegationQuota": return { params: { kind: "province", code: "49" }, body: { quota: 30 } };
    case "exportDelegations": return { query: "?format=csv" };
    case "getDelegationContact": case "sendContactBadges": return { params: { kind: "province", code: "22" } };
    case "setDelegationContact": return { params: { kind: "province", code: "22" }, body: { name: "Trần Văn Bình", position: "Chánh Văn phòng", email: "vanphong@quangninh.gov.vn", phone: "0912345678" } };
    case "addDelegationMember": return { body: { categoryCode: "so-nnptnt", honorific: "ba", familyName: "Phạm Thị", givenName: "Lan", position: "Phó Giám đốc Sở", organisation: "Sở NN&PTNT", email: `doan-${n}@example.vn`, phone: "0912345678", answers: { needs_hotel: false }, consent: true, unit: { kind: "province", code: "22" } } };
    case "substituteDelegate": return { params: { id: "999999" }, body: { honorific: "ong", familyName: "Lê Văn", givenName: "Thay", position: "Phó Giám đốc", organisation: "Sở NN&PTNT", email: `thay-${n}@example.vn`, phone: "0912345679", answers: { needs_hotel: false }, consent: true } };
    case "checkinRoster": return { query: `?checkpoint=trien-lam&device=${deviceId}&queue=0` };
    case "uploadOfflineScans": return { body: { device: deviceId, scans: [{ code: "1234", checkpoint: "trien-lam", nonce: `matrix-${n}-${role}`, scannedAt: new Date().toISOString() }] } };
    case "enrolDevice": return { body: { name: `Máy ${n}` } };
    case "revokeDevice": return { params: { id: spareDeviceId } };
    case "printBadges": return { body: { filter: { status: "confirmed" }, layout: "a6" } };
    case "getJob": case "downloadJobFile": return { params: { id: "999999" } };
    default: return {};
  }
}

describe("the permission matrix (generated from the permission map)", () => {
  it("has a rule for every route file, and a route file for every rule", () => {
    const declared = ENDPOINT_LIST.map((d) => `${d.method} ${d.path}`).sort();
    const found = handlers.map((h) => `${h.method} ${h.path}`).sort();
    expect(found).toEqual(declared);
  });

  it.each(["session", "token"] as const)("answers every endpoint × every role and anonymous as the map says (%s)", async (via) => {
    const failures: string[] = [];
    let n = via === "token" ? 1000 : 0;
    for (const def of ENDPOINT_LIST) {
      // A token cannot mint or revoke tokens or change the password: those are session-only by design.
      if (via === "token" && ["createToken", "revokeToken", "changePassword"].includes(def.id)) continue;
      for (const role of [undefined, ...ROLES]) {
        n++;
        const res = await call(def, { ...(via === "token" ? { role } : { session: role }), ...sample(def, role, n) });
        // The live stream never ends by itself: stop reading it (the server stops polling on cancel).
        if (res.headers.get("content-type")?.includes("text/event-stream")) await res.body?.cancel();
        const needed = accessList(def.access);
        const allowed = needed === null || (role !== undefined && needed.some((p) => ROLE_PERMISSIONS[role].includes(p)));
        const expected = allowed ? "allowed" : role === undefined ? 401 : 403;
        const ok = allowed ? ![401, 403].includes(res.status) && res.status < 500 : res.status === expected;
        if (!ok) failures.push(`${def.method} ${def.path} as ${role ?? "anonymous"}: ${res.status} (expected ${expected}) ${await res.text()}`);
        if (!allowed) {
          expect(res.headers.get("content-type")).toContain("application/problem+json");
          const p = (await res.clone().json()) as { status: number; code: string };
          expect(p.status).toBe(res.status);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

describe("API conventions", () => {
  it("GET /api/v1/me describes the caller, by token", async () => {
    const res = await call(ENDPOINTS.me, { role: "province_officer" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ role: "province_officer", provinceCode: "22", via: "token", permissions: expect.arrayContaining(["registrations.unit"]) });
  });

  it("refuses a forged or revoked bearer token with 401", async () => {
    const forged = await call(ENDPOINTS.me, { headers: { authorization: "Bearer ocop_forged" } });
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as { code: string }).code).toBe("auth.invalid_token");
    const weird = await call(ENDPOINTS.me, { headers: { authorization: "Basic abc" } });
    expect(weird.status).toBe(401);
  });

  it("works with a session cookie, and checks Origin / Sec-Fetch-Site on cookie writes", async () => {
    const cookie = `next-auth.session-token=${await encode({ token: { sub: String(as.admin.userId) }, secret: process.env.AUTH_SECRET! })}`;
    const me = await call(ENDPOINTS.me, { headers: { cookie } });
    expect(await me.json()).toMatchObject({ role: "admin", via: "session" });
    const body = { email: "cookie-write@example.vn", name: "Cookie", role: "checkin_staff", password: "Matkhau2020" };
    const cross = await call(ENDPOINTS.createUser, { headers: { cookie, "sec-fetch-site": "cross-site" }, body });
    expect(cross.status).toBe(403);
    expect(((await cross.json()) as { code: string }).code).toBe("request.bad_origin");
    const noHeaders = await call(ENDPOINTS.createUser, { headers: { cookie }, body });
    expect(noHeaders.status).toBe(403);
    const evilOrigin = await call(ENDPOINTS.createUser, { headers: { cookie, origin: "https://evil.example", host: "localhost" }, body });
    expect(evilOrigin.status).toBe(403);
    const same = await call(ENDPOINTS.createUser, { headers: { cookie, "sec-fetch-site": "same-origin" }, body });
    expect(same.status).toBe(201);
    const sameOrigin = await call(ENDPOINTS.createUser, { headers: { cookie, origin: "http://localhost", host: "localhost" }, body: { ...body, email: "cookie-write-2@example.vn" } });
    expect(sameOrigin.status).toBe(201);
    const forgedCookie = await call(ENDPOINTS.me, { headers: { cookie: "next-auth.session-token=garbage" } });
    expect(forgedCookie.status).toBe(401);
  });

  it("serves an OpenAPI 3.1 document listing every endpoint with its permission", async () => {
    const res = await call(ENDPOINTS.openapi);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { "x-permission": string; "x-roles": string[]; requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown>; additionalProperties?: unknown } }> } }>> };
    expect(doc.openapi).toBe("3.1.0");
    for (const def of ENDPOINT_LIST) {
      const op = doc.paths[def.path]?.[def.method.toLowerCase()];
      expect(op, `${def.method} ${def.path}`).toBeDefined();
      expect(op!["x-permission"]).toEqual(def.access);
    }
    const create = doc.paths["/api/v1/users"]!.post!;
    expect(create["x-roles"]).toEqual(["admin"]);
    const schema = create.requestBody!.content["application/json"]!.schema;
    expect(Object.keys(schema.properties ?? {})).toEqual(expect.arrayContaining(["email", "name", "role", "provinceCode", "ministryCode"]));
    expect(schema.additionalProperties).toBe(false);
  });
});

describe("bad input on the token and user endpoints → 4xx problem+json, never 500", () => {
  const cases: { name: string; def: EndpointDef; opts: Parameters<typeof call>[1]; status: number; code?: string; paths?: string[] }[] = [
    { name: "malformed JSON", def: ENDPOINTS.createUser, opts: { role: "admin", rawBody: "{\"email\": ", headers: { "content-type": "application/json" } }, status: 400, code: "request.malformed_json" },
    { name: "JSON array", def: ENDPOINTS.createToken, opts: { role: "admin", rawBody: "[1,2]", headers: { "content-type": "application/json" } }, status: 400, code: "request.not_object" },
    { name: "wrong content type", def: ENDPOINTS.createUser, opts: { role: "admin", rawBody: "email=a@b.vn", headers: { "content-type": "application/x-www-form-urlencoded" } }, status: 415, code: "request.unsupported_media_type" },
    { name: "no content type", def: ENDPOINTS.createToken, opts: { role: "admin", rawBody: "{}" }, status: 415 },
    { name: "2 MB body", def: ENDPOINTS.createToken, opts: { role: "admin", body: { name: "x".repeat(2 * 1024 * 1024) } }, status: 413, code: "request.too_large" },
    { name: "unknown field", def: ENDPOINTS.createToken, opts: { role: "admin", body: { name: "ok", scope: "all" } }, status: 422, paths: ["scope"] },
    { name: "invalid email", def: ENDPOINTS.createUser, opts: { role: "admin", body: { email: "không phải email", name: "A", role: "organiser" } }, status: 422, paths: ["email"] },
    { name: "control characters", def: ENDPOINTS.createToken, opts: { role: "admin", body: { name: "abc\u0000def" } }, status: 422, paths: ["name"] },
    { name: "control characters in a key's value deep down", def: ENDPOINTS.updateUser, opts: { role: "admin", params: { id: "1" }, body: { name: "x\u001b[31m" } }, status: 422, paths: ["name"] },
    { name: "empty name", def: ENDPOINTS.createToken, opts: { role: "admin", body: { name: "   " } }, status: 422, paths: ["name"] },
    { name: "too long name", def: ENDPOINTS.createToken, opts: { role: "admin", body: { name: "x".repeat(81) } }, status: 422, paths: ["name"] },
    { name: "wrong types", def: ENDPOINTS.updateUser, opts: { role: "admin", params: { id: "1" }, body: { disabled: "yes", role: 7 } }, status: 422, paths: ["disabled", "role"] },
    { name: "bad id", def: ENDPOINTS.getUser, opts: { role: "admin", params: { id: "abc" } }, status: 422, paths: ["id"] },
    { name: "unknown id", def: ENDPOINTS.getUser, opts: { role: "admin", params: { id: "999999" } }, status: 404, code: "users.not_found" },
    { name: "unknown query parameter", def: ENDPOINTS.listUsers, opts: { role: "admin", query: "?sort=evil" }, status: 422, paths: ["sort"] },
    { name: "page size too large", def: ENDPOINTS.listUsers, opts: { role: "admin", query: "?pageSize=100000" }, status: 422, paths: ["pageSize"] },
    { name: "invalid UTF-8", def: ENDPOINTS.createToken, opts: { role: "admin", rawBody: new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]), headers: { "content-type": "application/json" } }, status: 400 },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const res = await call(c.def, c.opts);
      expect(res.status).toBe(c.status);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      const p = (await res.json()) as { status: number; title: string; detail: string; code: string; errors?: { path: string; message: string }[] };
      expect(p.status).toBe(c.status);
      expect(p.title.length).toBeGreaterThan(0);
      expect(p.detail.length).toBeGreaterThan(0);
      if (c.code) expect(p.code).toBe(c.code);
      if (c.paths) expect(p.errors!.map((e) => e.path).sort()).toEqual(c.paths);
      for (const e of p.errors ?? []) expect(e.message).not.toMatch(/^fields\./); // translated, not a key
    });
  }

  it("speaks the request's language in detail and field messages", async () => {
    const vi = await call(ENDPOINTS.createUser, { role: "admin", body: { email: "x", name: "A", role: "organiser" }, headers: { "accept-language": "vi-VN,vi;q=0.9" } });
    const en = await call(ENDPOINTS.createUser, { role: "admin", body: { email: "x", name: "A", role: "organiser" }, headers: { "accept-language": "en-GB,en;q=0.9" } });
    const pv = (await vi.json()) as { detail: string; errors: { message: string }[] };
    const pe = (await en.json()) as { detail: string; errors: { message: string }[] };
    expect(pv.errors[0]!.message).toBe("Địa chỉ email không hợp lệ.");
    expect(pe.errors[0]!.message).toBe("Invalid email address.");
    expect(pv.detail).toMatch(/Dữ liệu chưa hợp lệ/);
    expect(pe.detail).toMatch(/not valid/);
  });

  it("normalises decomposed Unicode to NFC", async () => {
    const decomposed = "Ma\u0301y que\u0301t cu\u031b\u0309a 2";
    const res = await call(ENDPOINTS.createToken, { session: "organiser", body: { name: decomposed } });
    expect(res.status).toBe(201);
    const tok = (await res.json()) as { name: string };
    expect(tok.name).toBe("Máy quét cửa 2");
  });

  it("POST /api/v1/checkins: a forged or damaged code is 200 { result: invalid }, a malformed request a 4xx problem, never a 5xx", async () => {
    const codes = fc.sample(fc.oneof(fc.string({ maxLength: 200 }), fc.stringMatching(/^\d{150,190}$/), fc.constant("")), { numRuns: 150, seed: 5 });
    for (const code of codes) {
      const res = await call(ENDPOINTS.checkin, { role: "checkin_staff", body: { code, checkpoint: "hoi-truong" } });
      expect(res.status, code).toBe(200);
      expect(((await res.json()) as { result: string }).result).toBe("invalid");
    }
    const bad: unknown[] = [{}, { code: 1, checkpoint: "hoi-truong" }, { code: "1", checkpoint: "khong-co" }, { code: "1", checkpoint: "hoi-truong", direction: "up" },
      { code: "1", checkpoint: "hoi-truong", extra: true }, { code: "1".repeat(3000), checkpoint: "hoi-truong" }, [], "x"];
    for (const body of bad) {
      const res = await call(ENDPOINTS.checkin, { role: "checkin_staff", body });
      expect([400, 413, 422], JSON.stringify(body)).toContain(res.status);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
    const garbage = await call(ENDPOINTS.checkin, { role: "checkin_staff", rawBody: "{not json", headers: { "content-type": "application/json" } });
    expect(garbage.status).toBe(400);
  });
});
