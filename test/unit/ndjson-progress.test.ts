import { describe, expect, it } from "vitest";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { ndjsonProgress } from "@/lib/http/ndjson-progress";

const lines = async (res: Response) => (await res.text()).trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);

describe("NDJSON progress answers", () => {
  it("streams each step, then the result", async () => {
    const res = await ndjsonProgress<{ done: number }, { rows: number }>(async (step) => {
      step({ done: 0 });
      await new Promise((r) => setTimeout(r, 5));
      step({ done: 5 });
      return { rows: 5 };
    }, { resultType: "report", locale: "vi" });
    expect(res.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    expect(await lines(res)).toEqual([{ type: "progress", done: 0 }, { type: "progress", done: 5 }, { type: "report", rows: 5 }]);
  });

  it("ends with a problem line in the reader's language when the task fails under way", async () => {
    const res = await ndjsonProgress(async (step) => {
      step({ done: 1 });
      await new Promise((r) => setTimeout(r, 5));
      throw new ConflictError("delegations.quota_full", { quota: 3 });
    }, { resultType: "report", locale: "vi" });
    expect(res.status).toBe(200);
    const out = await lines(res);
    expect(out[0]).toEqual({ type: "progress", done: 1 });
    expect(out[1]).toMatchObject({ type: "problem", status: 409, code: "delegations.quota_full", detail: "Đoàn đã dùng hết 3 suất được phân bổ. Hãy thay thế một đại biểu hoặc đề nghị Ban Tổ chức tăng suất." });
    expect(out).toHaveLength(2);
  });

  it("throws a failure before the first step, so the caller answers with its status", async () => {
    await expect(ndjsonProgress(async () => {
      throw new ForbiddenError("auth.forbidden");
    }, { resultType: "report", locale: "vi" })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
