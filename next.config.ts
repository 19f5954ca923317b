import type { NextConfig } from "next";

/**
 * Set by `npm test` (scripts/test.ts) for its own build only: that run has just type-checked the
 * whole tree with `tsc --noEmit`, and builds once from a clean clone, so the build neither checks
 * the types a second time (~25 s) nor writes Turbopack's build cache (~10 s) that nothing reads.
 */
const testRunBuild = process.env.OCOP_TEST_BUILD === "1";

const nextConfig: NextConfig = {
  // PGlite ships a WASM Postgres and reads its own files at run time: never bundle it.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "@neondatabase/serverless", "ws", "nodemailer"],
  // NEXT_DIST_DIR lets two builds live side by side (e.g. a test run beside a running demo).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with status 403.
  experimental: { authInterrupts: true, turbopackFileSystemCacheForBuild: !testRunBuild },
  typescript: { ignoreBuildErrors: testRunBuild },
  reactStrictMode: true,
  // The migrations are read from disk at start; the custom server (server.ts) applies them.
  outputFileTracingIncludes: { "/*": ["./db/migrations/**/*"] },
};

export default nextConfig;
