/** Where the integration tests find the real Postgres and the Neon WebSocket proxy. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";

export function adminUrl(): string {
  return TEST_DATABASE_URL;
}

export function urlForDatabase(name: string): string {
  const u = new URL(TEST_DATABASE_URL);
  u.pathname = `/${name}`;
  return u.toString();
}
