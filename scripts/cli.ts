/**
 * `npm run cli -- user create --email a@b.vn --role province_officer --province 22 [--name "…"] [--password …]`
 * `npm run cli -- user list`
 * Writes go through the same domain functions as the UI (validation, audit). The embedded database
 * can only be opened by one process: while the demo server runs, use the UI (or stop the server).
 */
import crypto from "node:crypto";
import { defaultDataDir, openDatabase, resolveDbConfig } from "@/db/client";
import { lockHolder } from "@/db/lock";
import { migrate } from "@/db/migrate";
import { seedReference } from "@/db/seed/reference";
import { systemCtx } from "@/lib/context";
import { isDomainError, ValidationError } from "@/lib/errors";
import { translateFieldErrors, translateKey } from "@/lib/http/problem";
import { isStartupError } from "@/lib/server/startup-error";
import { createUser, listUsers } from "@/lib/users/users";

const USAGE = `Cách dùng / usage:
  npm run cli -- user create --email <email> --role <role> [--name "<họ tên>"] [--province <mã tỉnh, vd 22>] [--ministry <mã bộ, vd bct>] [--password <mật khẩu>]
  npm run cli -- user list [--q <tìm kiếm>]
roles: admin, organiser, booth_manager, checkin_staff, checkin_supervisor, province_officer, ministry_officer, mard_reviewer, emulation_board, stage_manager`;

function parseFlags(argv: string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith("--")) throw new Error(`unexpected argument: ${a}`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith("--")) throw new Error(`--${a.slice(2)} needs a value`);
    flags.set(a.slice(2), value);
    i++;
  }
  return flags;
}

function out(line: string) {
  process.stdout.write(`${line}\n`);
}

async function main(): Promise<number> {
  const [noun, verb, ...rest] = process.argv.slice(2);
  if (noun !== "user" || (verb !== "create" && verb !== "list")) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let flags: Map<string, string>;
  try {
    flags = parseFlags(rest);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const config = resolveDbConfig();
  if (config.kind === "pglite") {
    const holder = lockHolder(defaultDataDir());
    if (holder) {
      process.stderr.write(
        `Lỗi: Máy chủ demo (tiến trình ${holder.pid}) đang giữ cơ sở dữ liệu nhúng trong ${defaultDataDir()}: hãy dừng nó (Ctrl+C hoặc kill ${holder.pid}) rồi chạy lại lệnh, hoặc tạo tài khoản trong giao diện /admin/users.\n` +
        `Error: The demo server (process ${holder.pid}) holds the embedded database in ${defaultDataDir()}: stop it (Ctrl+C or kill ${holder.pid}) and run the command again, or create the account in the UI at /admin/users.\n`,
      );
      return 1;
    }
  }
  const handle = await openDatabase(config);
  try {
    await migrate(handle.db);
    await seedReference(handle.db);
    const ctx = systemCtx(handle.db, "cli");
    if (verb === "list") {
      const res = await listUsers(ctx, { q: flags.get("q"), pageSize: 200 });
      for (const u of res.items) out(`${String(u.id).padStart(4)}  ${u.email.padEnd(32)} ${u.role.padEnd(18)} ${u.provinceCode ?? u.ministryCode ?? ""}${u.disabled ? "  (disabled)" : ""}  ${u.name}`);
      out(`${res.total} user(s)`);
      return 0;
    }
    const email = flags.get("email");
    const role = flags.get("role");
    const generated = flags.has("password") ? undefined : `${crypto.randomBytes(9).toString("base64url")}9a`;
    const { user } = await createUser(ctx, {
      email: email ?? "",
      name: flags.get("name") ?? (email ?? "").split("@")[0] ?? "",
      role: role as never,
      provinceCode: flags.get("province"),
      ministryCode: flags.get("ministry"),
      password: flags.get("password") ?? generated,
    });
    out(`Đã tạo tài khoản / created: #${user.id} ${user.email} (${user.role}${user.provinceCode ? `, tỉnh ${user.provinceCode}` : ""}${user.ministryCode ? `, ${user.ministryCode}` : ""})`);
    if (generated) out(`Mật khẩu tạm / temporary password: ${generated}`);
    return 0;
  } catch (e) {
    if (e instanceof ValidationError) {
      const flag = (path: string) => ({ provinceCode: "province", ministryCode: "ministry" })[path] ?? path;
      for (const fe of translateFieldErrors(e.errors, "vi")) process.stderr.write(`Lỗi: --${flag(fe.path)}: ${fe.message}\n`);
      for (const fe of translateFieldErrors(e.errors, "en")) process.stderr.write(`Error: --${flag(fe.path)}: ${fe.message}\n`);
      return 1;
    }
    if (isDomainError(e)) {
      process.stderr.write(`Lỗi: ${translateKey(e.code, "vi")}\nError: ${translateKey(e.code, "en")}\n`);
      return 1;
    }
    throw e;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (isStartupError(e)) process.stderr.write(`Lỗi: ${e.vi}\nError: ${e.en}\n`);
    else process.stderr.write(`Lỗi / Error: ${(e as Error).message}\n`);
    process.exit(1);
  },
);
