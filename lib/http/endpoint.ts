import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";

/** Who may call an endpoint: anyone, or a signed-in user holding the permission (any of a list). */
export type Access = "public" | Permission | readonly Permission[];

export function accessList(access: Access): readonly Permission[] | null {
  return access === "public" ? null : typeof access === "string" ? [access] : access;
}

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
  /** An empty body counts as {}. */
  bodyOptional?: boolean;
  /** The handler reads the body itself (multipart uploads); `bodyLimit` is still enforced from Content-Length. */
  rawBody?: boolean;
  /** Also open to the holder of a signed personal link passed as ?token= (the domain function verifies it). */
  linkAccess?: boolean;
  responses: Record<number, { description: string; schema?: z.ZodType }>;
};

export function defineEndpoint<D extends EndpointDef>(def: D): D {
  return def;
}
