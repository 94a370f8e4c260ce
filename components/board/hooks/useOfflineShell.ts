import { useEffect } from "react";

/**
 * Registers the offline shell (public/sw.js) so that a reload while the server is down still
 * opens this board, then hands the worker the static files this page already loaded.
 */
export function useOfflineShell(): void {
  useEffect(() => {
    if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
    let cancelled = false;
    navigator.serviceWorker
      .register("/sw.js")
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        if (cancelled) return;
        const urls = [location.href, ...performance.getEntriesByType("resource").map((e) => e.name)];
        registration.active?.postMessage({ type: "cache-urls", urls });
      })
      .catch(() => {
        // Without the shell the board still works online; a reload offline just fails.
      });
    return () => {
      cancelled = true;
    };
  }, []);
}
