import fs from "node:fs";
import path from "node:path";
import { StartupError } from "@/lib/server/startup-error";

/**
 * PGlite is one connection in one process. A lock file with the owner's pid in DATA_DIR makes a
 * second process fail with a clear message; a lock whose pid is gone (a crash) is taken over.
 */
export type LockOwner = { pid: number; command: string; startedAt: string };

export const LOCK_FILE = "ocop.lock";

/** Directories this process holds, so a second open in the same process is refused too. */
const HELD = new Set<string>();

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<LockOwner>;
    if (typeof parsed.pid !== "number") return null;
    return { pid: parsed.pid, command: String(parsed.command ?? "?"), startedAt: String(parsed.startedAt ?? "?") };
  } catch {
    return null;
  }
}

export function describeDataDirProblem(dir: string, e: unknown): StartupError {
  const code = (e as NodeJS.ErrnoException).code ?? "";
  if (["EACCES", "EPERM", "EROFS", "ENOTDIR", "ENOENT", "EEXIST"].includes(code)) {
    return new StartupError(
      `Không ghi được vào thư mục dữ liệu DATA_DIR=${dir} (${code}): hãy chọn một thư mục có quyền ghi hoặc sửa quyền của thư mục này.`,
      `Cannot write to the data directory DATA_DIR=${dir} (${code}): choose a writable directory or fix its permissions.`,
      { cause: e },
    );
  }
  return new StartupError(
    `Không mở được thư mục dữ liệu DATA_DIR=${dir}: ${(e as Error).message}`,
    `Cannot open the data directory DATA_DIR=${dir}: ${(e as Error).message}`,
    { cause: e },
  );
}

/** Ensures DATA_DIR exists and is writable. */
export function ensureWritableDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const probe = path.join(dir, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, "");
    fs.unlinkSync(probe);
  } catch (e) {
    throw describeDataDirProblem(dir, e);
  }
}

export function lockedError(dir: string, owner: LockOwner): StartupError {
  return new StartupError(
    `Cơ sở dữ liệu nhúng trong ${dir} đang được tiến trình ${owner.pid} (${owner.command}, từ ${owner.startedAt}) sử dụng: hãy dừng tiến trình đó (kill ${owner.pid}) hoặc dùng một DATA_DIR khác.`,
    `The embedded database in ${dir} is in use by process ${owner.pid} (${owner.command}, since ${owner.startedAt}): stop that process (kill ${owner.pid}) or use another DATA_DIR.`,
  );
}

/** Who holds the lock now, if a live process does. */
export function lockHolder(dir: string): LockOwner | null {
  const owner = readOwner(path.join(dir, LOCK_FILE));
  if (!owner || owner.pid === process.pid || !pidAlive(owner.pid)) return null;
  return owner;
}

/** Takes the lock or throws a StartupError naming the holder. Returns a release function. */
export function acquireDataDirLock(dir: string, command = process.argv.slice(1).join(" ") || "node"): () => void {
  ensureWritableDir(dir);
  const file = path.join(dir, LOCK_FILE);
  const key = path.resolve(dir);
  if (HELD.has(key)) {
    throw lockedError(dir, readOwner(file) ?? { pid: process.pid, command, startedAt: "?" });
  }
  const me: LockOwner = { pid: process.pid, command: command.slice(0, 200), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: "wx" });
      let released = false;
      HELD.add(key);
      return () => {
        if (released) return;
        released = true;
        HELD.delete(key);
        const owner = readOwner(file);
        if (owner?.pid === process.pid) fs.rmSync(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw describeDataDirProblem(dir, e);
      const owner = readOwner(file);
      if (owner && owner.pid !== process.pid && pidAlive(owner.pid)) throw lockedError(dir, owner);
      // Stale (crashed owner, unreadable file, or our own pid from a previous life): take it over.
      fs.rmSync(file, { force: true });
    }
  }
  throw new StartupError(
    `Không lấy được khoá của thư mục dữ liệu ${dir}: có tiến trình khác đang khởi động cùng lúc.`,
    `Could not take the lock of the data directory ${dir}: another process is starting at the same time.`,
  );
}
