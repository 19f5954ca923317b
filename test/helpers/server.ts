export { freePort, startServer, type RunningServer } from "@/scripts/lib/server-process";
