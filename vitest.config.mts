import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));
const alias = { "@": root, "server-only": path.resolve(root, "test/helpers/server-only-stub.ts") };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["test/unit/**/*.test.ts"], environment: "node", env: { LOG_LEVEL: "silent" }, maxWorkers: 2 },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          environment: "node",
          env: { LOG_LEVEL: "silent" },
          globalSetup: ["test/helpers/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two cores: files in parallel on two workers, each with its own databases.
          maxWorkers: 2,
        },
      },
      {
        resolve: { alias },
        test: {
          // Starts the production server: needs `next build` first (npm test builds before it).
          name: "system",
          include: ["test/system/**/*.test.ts"],
          environment: "node",
          env: { LOG_LEVEL: "silent" },
          globalSetup: ["test/helpers/global-setup.ts"],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
