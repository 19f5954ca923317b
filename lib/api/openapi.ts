import { z } from "zod";
import { ROLE_PERMISSIONS, ROLES } from "@/lib/auth/permissions";
import { accessList, type EndpointDef } from "@/lib/http/endpoint";
import { ENDPOINT_LIST } from "./endpoints";

function schemaOf(s: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  const json = z.toJSONSchema(s, { io, unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

function rolesFor(def: EndpointDef): string[] {
  const needed = accessList(def.access);
  if (!needed) return ["anonymous", ...ROLES];
  return ROLES.filter((r) => needed.some((p) => ROLE_PERMISSIONS[r].includes(p)));
}

const problemSchema = {
  type: "object",
  required: ["type", "title", "status", "detail", "code"],
  properties: {
    type: { type: "string" }, title: { type: "string" }, status: { type: "integer" }, detail: { type: "string" }, code: { type: "string" },
    requestId: { type: "string" },
    errors: { type: "array", items: { type: "object", required: ["path", "message"], properties: { path: { type: "string" }, message: { type: "string" }, code: { type: "string" } } } },
  },
};

/** OpenAPI 3.1, generated from the zod schemas that validate the requests. */
export function buildOpenApi(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const def of ENDPOINT_LIST) {
    const parameters: unknown[] = [];
    for (const [where, s] of [["path", def.params], ["query", def.query]] as const) {
      if (!s) continue;
      const json = schemaOf(s, "input") as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(json.properties ?? {})) {
        parameters.push({ name, in: where, required: where === "path" || (json.required ?? []).includes(name), schema });
      }
    }
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(def.responses)) {
      responses[status] = r.schema
        ? { description: r.description, content: { "application/json": { schema: schemaOf(r.schema, "output") } } }
        : Number(status) >= 400
          ? { description: r.description, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } }
          : { description: r.description };
    }
    for (const s of def.access === "public" ? [400, 422, 429] : [401, 403]) {
      responses[String(s)] ??= { description: "problem+json", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } };
    }
    paths[def.path] ??= {};
    paths[def.path]![def.method.toLowerCase()] = {
      operationId: def.id,
      summary: def.summary,
      tags: def.tags,
      ...(def.access === "public" ? { security: [] } : {}),
      "x-permission": def.access,
      ...(def.linkAccess ? { "x-link-access": "also open with ?token= (the delegate's signed manage or badge link)" } : {}),
      "x-roles": rolesFor(def),
      ...(def.scope ? { "x-scope": def.scope } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(def.body ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(def.body, "input") } } } } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Hội nghị OCOP 2018–2020 API",
      version: "1",
      description: "JSON API. Errors are RFC 9457 problem+json with a stable `code` and `detail` in the request's language (Accept-Language: vi or en). Text is normalised to NFC; unknown fields are refused; bodies over 1 MB are refused.",
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }, { session: [] }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "API token from POST /api/v1/tokens" },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "Browser session; writes need a same-origin request" },
      },
      schemas: { Problem: problemSchema },
    },
    paths,
  };
}
