// Chainboard's offline shell: a board page reloaded while the server is down still opens,
// and the board itself then comes from the browser's IndexedDB copy.
//   - board pages (/b/…): network first, the last good copy when the network fails;
//   - /_next/static/* (content-hashed, immutable): cache first.
// The page also sends its own address and the static files it already loaded, so the very
// first visit (before this worker controlled the page) is covered too.
// Board pages are kept under their address without a token: an old link's `?t=` never lands
// in the cache (links carry it in the fragment, which requests never contain). v1 kept them
// with the token, so it is deleted.
const CACHE = "chainboard-shell-v2";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) =>
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  ),
);

/** The cache key of a board page: its address without a token. */
function withoutToken(u) {
  const url = new URL(u, self.location.href);
  url.searchParams.delete("t");
  url.hash = "";
  return url.toString();
}

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
      for (const u of urls) {
        const key = withoutToken(u);
        if (await cache.match(key)) continue;
        const res = await fetch(key).catch(() => null);
        if (res && res.ok) await cache.put(key, res);
      }
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
            caches.open(CACHE).then((c) => c.put(withoutToken(req.url), copy));
          }
          return res;
        })
        .catch(() => caches.match(withoutToken(req.url)).then((hit) => hit || Response.error())),
    );
  }
});
