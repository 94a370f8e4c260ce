// Chainboard's offline shell: a board page reloaded while the server is down still opens,
// and the board itself then comes from the browser's IndexedDB copy.
//   - board pages (/b/…): network first, the last good copy when the network fails;
//   - /_next/static/* (content-hashed, immutable): cache first.
// The page also sends its own address and the static files it already loaded, so the very
// first visit (before this worker controlled the page) is covered too.
const CACHE = "chainboard-shell-v1";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

function isStatic(url) {
  return url.origin === self.location.origin && url.pathname.startsWith("/_next/static/");
}

function isBoardPage(url) {
  return url.origin === self.location.origin && url.pathname.startsWith("/b/");
}

self.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "cache-urls" || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((u) => {
    if (typeof u !== "string") return false;
    const url = new URL(u, self.location.href);
    return isStatic(url) || isBoardPage(url);
  });
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      for (const u of urls) if (!(await cache.match(u))) await cache.add(u).catch(() => undefined);
    }),
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (isStatic(url)) {
    event.respondWith(
      caches.match(req).then(
        (hit) =>
          hit ||
          fetch(req).then((res) => {
            if (res.ok) caches.open(CACHE).then((c) => c.put(req, res.clone()));
            return res;
          }),
      ),
    );
  } else if (req.mode === "navigate" && isBoardPage(url)) {
    event.respondWith(
      fetch(req)
        .then((res) => {
          if (res.ok) {
            const copy = res.clone();
            caches.open(CACHE).then((c) => c.put(req, copy));
          }
          return res;
        })
        .catch(() => caches.match(req).then((hit) => hit || Response.error())),
    );
  }
});
