/*
 * The door scanner's service worker (scope /checkin), a plain file (Next 16 builds with Turbopack).
 * It keeps the scanner page and its static assets so /checkin opens with no network after one
 * online visit:
 *  - /_next/static/… (hashed, immutable: JS chunks, CSS, fonts, the QR decoder's worker and wasm):
 *    cache first, stored on first use and when the page hands over the URLs it has loaded;
 *  - the /checkin page itself: network first (3 s), the last good copy when the network fails;
 *  - everything else (the API above all) is not touched: the scanner decides offline by itself.
 * The page's cache is deleted on sign-out (components/scanner/offline/engine.ts, wipeOfflineData).
 */
const PAGES = "ocop-scanner-pages";
const STATIC = "ocop-scanner-static-v1";
const PAGE_TIMEOUT_MS = 3000;

self.addEventListener("install", () => {
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name.startsWith("ocop-scanner-static-") && name !== STATIC) await caches.delete(name);
    await self.clients.claim();
  })());
});

const isStatic = (url) => url.origin === self.location.origin && url.pathname.startsWith("/_next/static/");
const isScannerPage = (url) => url.origin === self.location.origin && (url.pathname === "/checkin" || url.pathname === "/manifest.webmanifest" || url.pathname === "/icon.svg");
const pageKey = (url) => new URL(url.pathname, self.location.origin).href;

async function cacheStatic(url) {
  const cache = await caches.open(STATIC);
  if (await cache.match(url)) return;
  try {
    const res = await fetch(url, { credentials: "same-origin" });
    if (res.ok) await cache.put(url, res);
  } catch {
    // offline: next time
  }
}

async function storePage(key, res) {
  // only a real page: not a redirect to sign-in, not an error
  if (!res.ok || res.redirected || res.type !== "basic") return;
  const cache = await caches.open(PAGES);
  await cache.put(key, res);
}

self.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "cache" || !Array.isArray(data.urls)) return;
  event.waitUntil((async () => {
    for (const u of data.urls.slice(0, 500)) {
      let url;
      try {
        url = new URL(u, self.location.origin);
      } catch {
        continue;
      }
      if (isStatic(url)) await cacheStatic(url.href);
      else if (isScannerPage(url)) {
        try {
          const res = await fetch(url.href, { credentials: "same-origin", redirect: "follow" });
          await storePage(pageKey(url), res);
        } catch {
          // offline
        }
      }
    }
  })());
});

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const id = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then((v) => { clearTimeout(id); resolve(v); }, (e) => { clearTimeout(id); reject(e); });
  });
}

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (isStatic(url)) {
    event.respondWith((async () => {
      const cache = await caches.open(STATIC);
      const hit = await cache.match(req, { ignoreVary: true });
      if (hit) return hit;
      const res = await fetch(req);
      if (res.ok && res.type === "basic") await cache.put(req, res.clone()).catch(() => undefined);
      return res;
    })());
    return;
  }
  if (isScannerPage(url) && (req.mode === "navigate" || url.pathname !== "/checkin")) {
    event.respondWith((async () => {
      const key = pageKey(url);
      try {
        const res = await withTimeout(fetch(req), PAGE_TIMEOUT_MS);
        await storePage(key, res.clone()).catch(() => undefined);
        return res;
      } catch {
        const hit = await (await caches.open(PAGES)).match(key);
        if (hit) return hit;
        return Response.error();
      }
    })());
  }
});
