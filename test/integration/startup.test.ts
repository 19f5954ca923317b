import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { describeConnectError, openDatabase, resolveDbConfig } from "@/db/client";
import { acquireDataDirLock, LOCK_FILE } from "@/db/lock";
import { isStartupError } from "@/lib/server/startup-error";
import { inject } from "vitest";
import { TEST_DATABASE_URL } from "../helpers/env";
import { canMountReadOnly, run, TSX } from "../helpers/run";

const tmp = (name: string) => path.join(inject("tmpRoot"), `startup-${name}-${Math.random().toString(36).slice(2, 8)}`);
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((f) => f()));

function expectOneClearSentence(stderr: string, pattern: RegExp) {
  expect(stderr).toMatch(pattern);
  expect(stderr).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m); // no stack trace
}

describe("configuration errors say what to fix", () => {
  it("refuses a DATABASE_URL that is not a URL, or not postgres", () => {
    for (const url of ["not a url", "mysql://root@localhost/test", "postgres://"]) {
      const e = (() => { try { resolveDbConfig({ DATABASE_URL: url }); } catch (err) { return err; } })();
      expect(isStartupError(e), url).toBe(true);
      expect((e as Error).message).toMatch(/DATABASE_URL/);
    }
    expect(() => resolveDbConfig({ DATABASE_DRIVER: "mysql" })).toThrow(/DATABASE_DRIVER/);
  });

  it("picks the driver from the URL and DATABASE_DRIVER", () => {
    expect(resolveDbConfig({ DATA_DIR: "/x" })).toEqual({ kind: "pglite", dataDir: "/x" });
    expect(resolveDbConfig({ DATABASE_URL: "postgres://u@127.0.0.1/db" }).kind).toBe("postgres");
    expect(resolveDbConfig({ DATABASE_URL: "postgres://u:p@ep-cool-1.eu-central-1.aws.neon.tech/db" }).kind).toBe("neon");
    expect(resolveDbConfig({ DATABASE_URL: "postgres://u@127.0.0.1/db", DATABASE_DRIVER: "neon" }).kind).toBe("neon");
  });

  it("explains an unreachable server, a missing database and a refused login", async () => {
    const refused = await openDatabase({ kind: "postgres", url: "postgres://postgres@127.0.0.1:1/test", poolMax: 1 }).catch((e: unknown) => e);
    expect(isStartupError(refused)).toBe(true);
    expect((refused as Error).message).toMatch(/không trả lời|does not answer/);
    const u = new URL(TEST_DATABASE_URL);
    u.pathname = "/ocop_does_not_exist";
    const missing = await openDatabase({ kind: "postgres", url: u.toString(), poolMax: 1 }).catch((e: unknown) => e);
    expect(isStartupError(missing)).toBe(true);
    expect((missing as Error).message).toMatch(/không tồn tại|does not exist/);
    expect(describeConnectError("x", { code: "28P01" }).message).toMatch(/mật khẩu|password/);
  });

  it("the CLI stops with one sentence on a wrong DATABASE_URL", async () => {
    const res = await run(process.execPath, ["--import", "tsx", "scripts/migrate.ts"], { DATABASE_URL: "postgres://postgres@127.0.0.1:1/test" });
    expect(res.code).toBe(1);
    expectOneClearSentence(res.stderr, /Lỗi: Không kết nối được cơ sở dữ liệu .*\nError: Cannot reach the database/);
  });
});

describe("the embedded database's data directory", () => {
  it("is refused to a second process, naming the process that holds it", async () => {
    const dir = tmp("locked");
    const release = acquireDataDirLock(dir, "vitest (holder)");
    cleanups.push(release);
    const res = await run(process.execPath, ["--import", "tsx", "scripts/migrate.ts"], { DATA_DIR: dir });
    expect(res.code).toBe(1);
    expectOneClearSentence(res.stderr, new RegExp(`tiến trình ${process.pid} \\(vitest \\(holder\\)[^\\n]*\\nError: The embedded database in .* is in use by process ${process.pid}`));
    release();
  });

  it("is refused to a second open in the same process", async () => {
    const dir = tmp("same");
    const release = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(/đang được tiến trình/);
    release();
    const again = acquireDataDirLock(dir);
    again();
  });

  it("takes over a lock left by a crashed process", async () => {
    const dir = tmp("stale");
    fs.mkdirSync(dir, { recursive: true });
    // An initialised database (the run's initdb template): the lock is what is tested, not initdb.
    fs.cpSync(inject("pgliteTemplate"), path.join(dir, "pglite"), { recursive: true });
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: Number(dead), command: "crashed demo", startedAt: "2020-12-17T00:00:00Z" }));
    const res = await run(process.execPath, ["--import", "tsx", "scripts/migrate.ts"], { DATA_DIR: dir });
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/migration\(s\) applied/);
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false); // released on exit
  });

  it("says so when DATA_DIR cannot be written (not a directory)", async () => {
    const file = tmp("file");
    fs.writeFileSync(file, "x");
    const res = await run(process.execPath, ["--import", "tsx", "scripts/migrate.ts"], { DATA_DIR: path.join(file, "data") });
    expect(res.code).toBe(1);
    expectOneClearSentence(res.stderr, /Lỗi: Không ghi được vào thư mục dữ liệu DATA_DIR=.*\nError: Cannot write to the data directory/);
  });

  it.runIf(canMountReadOnly())("says so when DATA_DIR is on a read-only mount", async () => {
    const dir = tmp("ro");
    fs.mkdirSync(dir, { recursive: true });
    const script = `mount --bind "${dir}" "${dir}" && mount -o remount,ro,bind "${dir}" "${dir}" && exec "${TSX}" scripts/migrate.ts`;
    const res = await run("unshare", ["-m", "sh", "-c", script], { DATA_DIR: dir });
    expect(res.code).toBe(1);
    expectOneClearSentence(res.stderr, /DATA_DIR=.*\(EROFS\)[^\n]*\nError: Cannot write to the data directory/);
  });
});
