export * from "./reference";
export * from "./event";
export * from "./jobs";
export * from "./mail";
export * from "./auth";
export * from "./registration";
export * from "./checkin";
export * from "./files";
