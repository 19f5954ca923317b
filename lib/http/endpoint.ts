import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";

/** Who may call an endpoint: anyone, or a signed-in user holding the permission. */
export type Access = "public" | Permission;

export type EndpointDef = {
  id: string;
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** OpenAPI-style path: /api/v1/users/{id} */
  path: string;
  summary: string;
  tags: string[];
  access: Access;
  /** Short note on unit scoping, for the documentation. */
  scope?: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  bodyLimit?: number;
  responses: Record<number, { description: string; schema?: z.ZodType }>;
};

export function defineEndpoint<D extends EndpointDef>(def: D): D {
  return def;
}
