/** Environment variables as a plain map (NODE_ENV optional), so tests can pass their own. */
export type Env = Record<string, string | undefined>;
