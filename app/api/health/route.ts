import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";

export const dynamic = "force-dynamic";

/** 200 { status: "ok", db } after a real round trip to the database; 503 problem+json otherwise. */
export async function GET() {
  try {
    const { db, kind } = await getDb();
    await db.execute(sql`select 1`);
    return Response.json({ status: "ok", db: kind }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json(
      { type: "about:blank", title: "Cơ sở dữ liệu không sẵn sàng / Database unavailable", status: 503, code: "health.db_unavailable" },
      { status: 503, headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store" } },
    );
  }
}
