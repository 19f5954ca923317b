import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships a WASM Postgres and reads its own files at run time: never bundle it.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "@neondatabase/serverless", "ws", "nodemailer"],
  // NEXT_DIST_DIR lets two builds live side by side (e.g. a test run beside a running demo).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with status 403.
  experimental: { authInterrupts: true },
  reactStrictMode: true,
  // The migrations are read from disk at start; the custom server (server.ts) applies them.
  outputFileTracingIncludes: { "/*": ["./db/migrations/**/*"] },
};

export default nextConfig;
