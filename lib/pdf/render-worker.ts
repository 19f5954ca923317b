/**
 * Renders badge PDFs in a worker thread: 2,000 badges are seconds of synchronous drawing, which would
 * otherwise stall the server's requests (badge scans among them) while a batch prints.
 */
import { parentPort } from "node:worker_threads";
import { renderBadgesPdf, type RenderBadgesInput } from "./badges";

type Request = { id: number; input: RenderBadgesInput };

parentPort?.on("message", (msg: Request) => {
  renderBadgesPdf(msg.input, (done) => parentPort!.postMessage({ id: msg.id, progress: done })).then(
    (pdf) => parentPort!.postMessage({ id: msg.id, pdf }),
    (e: unknown) => parentPort!.postMessage({ id: msg.id, error: (e as Error)?.message ?? String(e) }),
  );
});
