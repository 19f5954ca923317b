import { customType, timestamp } from "drizzle-orm/pg-core";

export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** A transaction id (Postgres xid8): the change cursor of the offline roster. */
export const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => "xid8" });
