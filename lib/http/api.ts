import type { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { loadSessionActor, loadTokenActor } from "@/lib/auth/actor";
import { hasSessionCookie, readSession } from "@/lib/auth/session";
import type { Actor, Ctx } from "@/lib/context";
import { BadRequestError, ForbiddenError, PayloadTooLargeError, UnauthorizedError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { DEFAULT_BODY_LIMIT, readJsonBody } from "./body";
import { accessList, type EndpointDef } from "./endpoint";
import { requestLocale } from "./locale";
import { toProblemResponse } from "./problem";

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

export type HandlerArgs<D extends EndpointDef> = {
  ctx: Ctx;
  req: Request;
  params: Infer<D["params"]>;
  query: Infer<D["query"]>;
  body: Infer<D["body"]>;
};

export type HandlerResult = Response | { status?: number; body: unknown; headers?: Record<string, string> };

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The actor behind a request: an API bearer token, else a session cookie, else anonymous. */
export async function resolveActor(db: Db, req: Request): Promise<{ actor: Actor; via: "token" | "session" | "none" }> {
  const auth = req.headers.get("authorization");
  if (auth) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    const actor = m ? await loadTokenActor(db, m[1]!) : null;
    if (!actor) throw new UnauthorizedError("auth.invalid_token");
    return { actor, via: "token" };
  }
  const cookie = req.headers.get("cookie");
  if (hasSessionCookie(cookie)) {
    const session = await readSession(cookie);
    const actor = session ? await loadSessionActor(db, session.userId, session.issuedAt) : null;
    if (actor) return { actor, via: "session" };
  }
  return { actor: { kind: "anonymous" }, via: "none" };
}

/** Cookie-authenticated writes must come from this site (route handlers have no CSRF protection of their own). */
export function assertSameOrigin(req: Request): void {
  const site = req.headers.get("sec-fetch-site");
  if (site) {
    if (site === "same-origin" || site === "none") return;
    throw new ForbiddenError("request.bad_origin");
  }
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (origin && host) {
    try {
      if (new URL(origin).host === host) return;
    } catch {
      /* fall through */
    }
  }
  throw new ForbiddenError("request.bad_origin");
}

function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key).map((v) => v.normalize("NFC"));
    out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}

/**
 * Wraps a domain call as a route handler: resolves the actor (the domain function checks the
 * permission), checks origin on cookie writes, parses params, query and JSON body with the
 * endpoint's zod schemas, and maps every error to problem+json in the request's language.
 */
export function route<D extends EndpointDef>(def: D, handler: (args: HandlerArgs<D>) => Promise<HandlerResult>) {
  return async function handle(req: Request, context?: { params?: Promise<Record<string, string>> }): Promise<Response> {
    const locale = requestLocale(req.headers);
    const requestId = req.headers.get("x-request-id") ?? undefined;
    try {
      const { db } = await getDb();
      const { actor, via } = await resolveActor(db, req);
      // The declared permission is checked before any parsing (the domain function checks again).
      const needed = accessList(def.access);
      const viaLink = def.linkAccess === true && new URL(req.url).searchParams.has("token");
      if (needed && !viaLink) {
        if (actor.kind === "anonymous") throw new UnauthorizedError();
        if (actor.kind === "user" && !needed.some((p) => actor.permissions.has(p))) throw new ForbiddenError("auth.forbidden", { permission: needed.join("|") });
      }
      if (via === "session" && WRITE_METHODS.has(req.method)) assertSameOrigin(req);
      const ip = req.headers.get("x-ocop-client-ip") ?? undefined;
      const ctx: Ctx = { db, actor, now: new Date(), locale, requestId, ip };
      const rawParams = (await context?.params) ?? {};
      const params = (def.params ? parseInput(def.params, rawParams) : undefined) as Infer<D["params"]>;
      const query = (def.query ? parseInput(def.query, queryObject(new URL(req.url))) : undefined) as Infer<D["query"]>;
      let body = undefined as Infer<D["body"]>;
      const empty = !req.body || req.headers.get("content-length") === "0";
      if (def.rawBody) {
        const length = Number(req.headers.get("content-length") ?? "NaN");
        if (!Number.isFinite(length)) throw new BadRequestError("request.length_required");
        if (length > (def.bodyLimit ?? DEFAULT_BODY_LIMIT)) throw new PayloadTooLargeError("request.too_large", { limit: `${Math.round((def.bodyLimit ?? DEFAULT_BODY_LIMIT) / 1024 / 1024)} MB` });
      } else if (def.body) body = parseInput(def.body, def.bodyOptional && empty ? {} : await readJsonBody(req, def.bodyLimit)) as Infer<D["body"]>;
      else if (WRITE_METHODS.has(req.method) && req.headers.get("content-length") && req.headers.get("content-length") !== "0") {
        // Endpoints without a body refuse one rather than silently ignoring it.
        const text = await req.text();
        if (text.trim() && text.trim() !== "{}") throw new BadRequestError("request.not_object");
      }
      const result = await handler({ ctx, req, params, query, body });
      if (result instanceof Response) return result;
      return Response.json(result.body, { status: result.status ?? 200, headers: { "Cache-Control": "no-store", ...result.headers } });
    } catch (e) {
      return toProblemResponse(e, locale, requestId);
    }
  };
}
