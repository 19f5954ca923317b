import { describe, expect, it } from "vitest";
import { backoffMs } from "@/lib/jobs/queue";

describe("job backoff", () => {
  it("doubles per attempt within ±20% jitter and is capped at 10 minutes", () => {
    expect(backoffMs(1, 2000, () => 0.5)).toBe(2000);
    expect(backoffMs(2, 2000, () => 0.5)).toBe(4000);
    expect(backoffMs(4, 2000, () => 0.5)).toBe(16000);
    expect(backoffMs(1, 2000, () => 0)).toBe(1600);
    expect(backoffMs(1, 2000, () => 1)).toBe(2400);
    expect(backoffMs(30, 2000, () => 0.5)).toBe(600_000);
  });
});
