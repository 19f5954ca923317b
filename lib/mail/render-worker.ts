/**
 * Renders emails in a worker thread. In the production server, Next.js hooks `require("react")` to
 * its own build of React, which react-dom/server from node_modules does not share ("dispatcher.getOwner
 * is not a function"); a worker thread has a clean module system of its own.
 */
import { parentPort } from "node:worker_threads";
import { renderQrPng, renderTemplate } from "./render-core";

type Request = { id: number; template: string; locale: "vi" | "en"; props: unknown; qr: string[] };

parentPort?.on("message", (msg: Request) => {
  Promise.all([renderTemplate(msg.template, msg.locale, msg.props), Promise.all(msg.qr.map(renderQrPng))]).then(
    ([body, qrPngs]) => ({ ...body, qrPngs }),
  ).then(
    (result) => parentPort!.postMessage({ id: msg.id, result }),
    (e: unknown) => parentPort!.postMessage({ id: msg.id, error: (e as Error)?.message ?? String(e) }),
  );
});
