import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { email, password, positiveInt, text } from "@/lib/validation";

export const roleSchema = z.enum(ROLES, { message: "fields.choice" });
const provinceCode = z.string().regex(/^\d{2}$/, { message: "fields.invalid" });
const ministryCode = z.string().regex(/^[a-z0-9-]{2,40}$/, { message: "fields.invalid" });

export const userSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  provinceCode: z.string().nullable(),
  ministryCode: z.string().nullable(),
  disabled: z.boolean(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userSchema>;

export const createUserInput = z.object({
  email: email(),
  name: text({ max: 120 }),
  role: roleSchema,
  provinceCode: provinceCode.nullish(),
  ministryCode: ministryCode.nullish(),
  password: password().optional(),
}).strict();
export type CreateUserInput = z.input<typeof createUserInput>;

export const updateUserInput = z.object({
  name: text({ max: 120 }).optional(),
  email: email().optional(),
  role: roleSchema.optional(),
  provinceCode: provinceCode.nullish(),
  ministryCode: ministryCode.nullish(),
  disabled: z.boolean().optional(),
}).strict();
export type UpdateUserInput = z.input<typeof updateUserInput>;

export const listUsersQuery = z.object({
  q: z.string().max(100).optional(),
  role: roleSchema.optional(),
  status: z.enum(["active", "disabled", "all"]).default("all"),
  page: positiveInt().default(1),
  pageSize: positiveInt().max(200, { message: "fields.tooLong|max=200" }).default(25),
}).strict();
export type ListUsersQuery = z.input<typeof listUsersQuery>;

export const userIdParams = z.object({ id: positiveInt() }).strict();
