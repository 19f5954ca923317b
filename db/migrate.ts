import path from "node:path";
import { sql } from "drizzle-orm";
import { readMigrationFiles, type MigrationMeta } from "drizzle-orm/migrator";
import { StartupError } from "@/lib/server/startup-error";
import type { Db } from "./client";

export const MIGRATIONS_DIR = path.resolve(process.cwd(), process.env.MIGRATIONS_DIR || "db/migrations");
/** Same table as drizzle-kit uses, so its tooling keeps working. */
const TABLE = sql.raw(`"drizzle"."__drizzle_migrations"`);
/** Serialises concurrent starts of several app instances on one Postgres. */
const ADVISORY_KEY = 2020_12_18;

export type MigrationReport = { applied: number; total: number };

type Row = { id: unknown; hash: unknown; created_at: unknown };

function corrupted(detail: string): StartupError {
  return new StartupError(
    `Bảng phiên bản lược đồ drizzle.__drizzle_migrations bị hỏng (${detail}): hãy khôi phục bản sao lưu cơ sở dữ liệu, hoặc với dữ liệu demo thì xoá DATA_DIR để tạo lại.`,
    `The schema version table drizzle.__drizzle_migrations is damaged (${detail}): restore a database backup or, for demo data, delete DATA_DIR to start afresh.`,
  );
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  return (result as { rows: Record<string, unknown>[] }).rows;
}

/**
 * Applies pending migrations in one transaction under an advisory lock, after checking that the
 * migration table is intact and that every recorded migration is one this build knows.
 */
export async function migrate(db: Db, migrationsFolder = MIGRATIONS_DIR): Promise<MigrationReport> {
  let migrations: MigrationMeta[];
  try {
    migrations = readMigrationFiles({ migrationsFolder });
  } catch (e) {
    throw new StartupError(
      `Không đọc được các tệp migration trong ${migrationsFolder}: ${(e as Error).message}`,
      `Cannot read the migration files in ${migrationsFolder}: ${(e as Error).message}`,
      { cause: e },
    );
  }
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ADVISORY_KEY})`);
    await tx.execute(sql`create schema if not exists "drizzle"`);
    const columns = rowsOf(
      await tx.execute(sql`select column_name from information_schema.columns where table_schema = 'drizzle' and table_name = '__drizzle_migrations'`),
    ).map((r) => String(r.column_name));
    if (columns.length === 0) {
      await tx.execute(sql`create table ${TABLE} (id serial primary key, hash text not null, created_at bigint)`);
    } else {
      for (const c of ["id", "hash", "created_at"]) {
        if (!columns.includes(c)) throw corrupted(`thiếu cột ${c} / column ${c} is missing`);
      }
    }
    const applied = rowsOf(await tx.execute(sql`select id, hash, created_at from ${TABLE} order by id`)) as Row[];
    const known = new Map(migrations.map((m) => [m.hash, m]));
    const appliedMillis = new Set<number>();
    for (const row of applied) {
      const millis = Number(row.created_at);
      if (typeof row.hash !== "string" || !/^[0-9a-f]{64}$/.test(row.hash) || !Number.isFinite(millis)) {
        throw corrupted(`dòng id=${String(row.id)} không hợp lệ / row id=${String(row.id)} is malformed`);
      }
      const m = known.get(row.hash);
      if (!m) {
        const newer = migrations.length === 0 || millis > migrations[migrations.length - 1]!.folderMillis;
        if (newer) {
          throw new StartupError(
            "Cơ sở dữ liệu có migration mới hơn phiên bản ứng dụng này: hãy cập nhật ứng dụng lên phiên bản mới nhất.",
            "The database has migrations newer than this version of the application: update the application.",
          );
        }
        throw corrupted(`migration id=${String(row.id)} không khớp tệp nào / matches no migration file`);
      }
      if (m.folderMillis !== millis) throw corrupted(`migration id=${String(row.id)} có thời điểm sai / has a wrong timestamp`);
      appliedMillis.add(millis);
    }
    let count = 0;
    for (const m of migrations) {
      if (appliedMillis.has(m.folderMillis)) continue;
      for (const statement of m.sql) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(sql`insert into ${TABLE} (hash, created_at) values (${m.hash}, ${m.folderMillis})`);
      count++;
    }
    return { applied: count, total: migrations.length };
  });
}
