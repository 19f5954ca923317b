"use client";

import { useEffect, useState } from "react";
import type { CheckinStats } from "./types";

export type Connection = "connecting" | "live" | "reconnecting";

const STREAM = "/api/v1/checkins/stream";

type SseEvent = { event: string; data: string; id: string | null; retry: number | null };

/** One SSE block ("event: stats\nid: 12.0\ndata: {…}") → its fields; comments (": ping") give an empty event. */
function parseBlock(block: string): SseEvent {
  const out: SseEvent = { event: "message", data: "", id: null, retry: null };
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (!line || line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") out.event = value;
    else if (field === "data") data.push(value);
    else if (field === "id") out.id = value;
    else if (field === "retry" && /^\d+$/.test(value)) out.retry = Number(value);
  }
  out.data = data.join("\n");
  return out;
}

/**
 * The dashboard's figures, kept current by the `stats` events of the check-in SSE stream.
 *
 * The stream is read with fetch rather than EventSource because EventSource cannot send headers:
 * the API answers in the Accept-Language of the request, which for EventSource is the browser's
 * language, not the language the page is shown in (the reader's saved choice, Vietnamese by
 * default). Like EventSource, it resumes with Last-Event-ID after the server ends the stream (it
 * does every few minutes to re-check the session) and retries with backoff (1 s … 30 s) after errors.
 */
export function useLiveStats(initial: CheckinStats, locale: "vi" | "en"): { stats: CheckinStats; connection: Connection } {
  const [stats, setStats] = useState(initial);
  const [connection, setConnection] = useState<Connection>("connecting");

  useEffect(() => {
    const abort = new AbortController();
    let lastId: string | null = null;
    let retryMs = 2000;
    let failures = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const onEvent = (e: SseEvent) => {
      if (e.id !== null) lastId = e.id;
      if (e.retry !== null) retryMs = e.retry;
      if (e.event !== "stats" || !e.data) return;
      try {
        const next = JSON.parse(e.data) as CheckinStats;
        setStats((prev) => (prev.version === next.version && prev.generatedAt === next.generatedAt ? prev : next));
      } catch {
        // A damaged event is skipped; the next one carries the whole document again.
      }
    };

    const connect = async () => {
      const headers: Record<string, string> = { Accept: "text/event-stream", "Accept-Language": locale };
      if (lastId) headers["Last-Event-ID"] = lastId;
      const res = await fetch(STREAM, { headers, cache: "no-store", signal: abort.signal });
      if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
      failures = 0;
      setConnection("live");
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value.replace(/\r\n?/g, "\n");
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          onEvent(parseBlock(buffer.slice(0, end)));
          buffer = buffer.slice(end + 2);
        }
      }
    };

    const run = () => {
      connect().then(
        () => {
          // The server ended the stream on purpose: resume at once, where we were.
          if (abort.signal.aborted) return;
          setConnection("reconnecting");
          timer = setTimeout(run, Math.min(retryMs, 5000));
        },
        () => {
          if (abort.signal.aborted) return;
          setConnection("reconnecting");
          timer = setTimeout(run, Math.min(30_000, 1000 * 2 ** failures++));
        },
      );
    };

    run();
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [locale]);

  return { stats, connection };
}
