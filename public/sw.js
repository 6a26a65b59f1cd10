// Pathways' service worker: the site offline, and updates that never mix versions.
// Plain JavaScript, no framework. The design is in docs/architecture.md ("Offline").
//
// - One cache per version, `pathways-<version>`. Installing a version puts its whole shell in
//   that cache (`cache.addAll`: all or nothing), then fetches again, from this version, every
//   page and content file a reader had kept in the older caches. Only then is it installed.
// - The first version activates at once. A later one waits until the page asks for it (the
//   reader pressed "Reload"); activating deletes every older cache.
// - Pages and files are answered from this version's cache first; what is missing comes from
//   the network and is kept. A page with no copy and no network is the "You are offline" page.
//
// tools/prerender replaces the next line with this build's version and shell files. Left as
// it is (a build without the hook), the worker answers nothing and the site works online.
const BUILD = null;

const PREFIX = "pathways-";
const CACHE = BUILD && PREFIX + BUILD.version;
const SCOPE = self.registration.scope;

const full = (path) => new URL(path, SCOPE).href;
const withoutQuery = (href) => href.split("#")[0].split("?")[0];
// A page is an address whose last part has no dot: `articles/x`, `compare`, the scope itself.
const isPage = (href) => !withoutQuery(href).slice(SCOPE.length).split("/").pop().includes(".");
const isContent = (href) => href.startsWith(SCOPE + "content/") && withoutQuery(href).endsWith(".json");
const typeOf = (response) => response.headers.get("content-type") || "";
// Is this HTML one of this version's pages? Each names one of this version's hashed scripts
// (the reading app's, or the whole app's loader on the catalogue's pages).
const ours = (html) => BUILD.scripts.some((script) => html.includes(script));

// Worth keeping: a page of ours (a 404 page too: an app page for an unknown address), a content
// file that really is JSON (an SPA fallback answers a missing one with HTML), any other file.
async function keepable(href, response) {
  if (response.type !== "basic") return false;
  if (isPage(href)) {
    return (response.ok || response.status === 404) && typeOf(response).includes("text/html")
      && ours(await response.clone().text());
  }
  if (!response.ok) return false;
  return !isContent(href) || typeOf(response).includes("json");
}

async function put(cache, href, response) {
  try {
    await cache.put(href, response);
  } catch (_) {
    // Storage full: the reader still gets the answer, it is just not kept.
  }
}

self.addEventListener("install", (event) => {
  if (!BUILD) return;
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // A hashed file (`name-<16 hex>.ext`) never changes, so the HTTP cache may give it; the host
    // must confirm the others (`no-cache`), so no older copy slips in.
    const hashed = (path) => /-[0-9a-f]{16}(_bg)?\.[a-z]+$/.test(path);
    await cache.addAll(BUILD.shell.map((path) =>
      new Request(full(path), { cache: hashed(path) ? "default" : "no-cache" })));
    // What the reader kept in older versions, fetched again from this one. A network failure
    // fails the install (the old version stays, and the browser tries again later); a page or
    // file this version no longer has is dropped.
    for (const name of await caches.keys()) {
      if (!name.startsWith(PREFIX) || name === CACHE) continue;
      const old = await caches.open(name);
      for (const request of await old.keys()) {
        const href = request.url;
        if (!(isPage(href) || isContent(href)) || await cache.match(href)) continue;
        const response = await fetch(href, { cache: "no-store" });
        if (await keepable(href, response)) await put(cache, href, response);
      }
    }
    if (!self.registration.active) {
      self.skipWaiting();
      return;
    }
    for (const client of await self.clients.matchAll({ includeUncontrolled: true })) {
      client.postMessage({ type: "update-ready" });
    }
  })());
});

self.addEventListener("activate", (event) => {
  if (!BUILD) return;
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
    // The first version starts during the reader's first page, which it did not see loading.
    for (const client of await self.clients.matchAll()) {
      if (isPage(client.url)) await keep(withoutQuery(client.url)).catch(() => {});
    }
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (!BUILD || request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  event.respondWith(request.mode === "navigate" ? page(request) : file(request));
});

async function page(request) {
  const cache = await caches.open(CACHE);
  const href = withoutQuery(request.url);
  const kept = await cache.match(href);
  if (kept) return kept;
  let response;
  try {
    response = await fetch(request);
  } catch (_) {
    return offlinePage(cache, href);
  }
  if (await keepable(href, response)) {
    await put(cache, href, response.clone());
  } else if (typeOf(response).includes("text/html") && !ours(await response.clone().text())) {
    // A newer version answered. Its page must not run on this version's files: open the
    // address in this version's shell, and fetch the new version's worker.
    self.registration.update().catch(() => {});
    const shell = await cache.match(SCOPE);
    if (shell) return shell;
  }
  return response;
}

async function file(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(isContent(request.url) ? new Request(request, { cache: "no-cache" }) : request);
  if (await keepable(request.url, response)) await put(cache, request.url, response.clone());
  return response;
}

// Messages from the page: `{type, value}`.
self.addEventListener("message", (event) => {
  const data = event.data || {};
  const from = event.source;
  if (data.type === "activate") {
    // From the page to the worker in charge, which passes it on to the waiting one; a waiting
    // worker takes over (for the worker in charge this does nothing).
    self.skipWaiting();
    const waiting = self.registration.waiting;
    if (waiting && from && !(from instanceof ServiceWorker)) waiting.postMessage({ type: "activate" });
  } else if (data.type === "hello") {
    if (self.registration.waiting && from) from.postMessage({ type: "update-ready" });
  } else if (BUILD && data.type === "keep" && typeof data.value === "string") {
    // The page's address: kept if it is a page of this site.
    const href = withoutQuery(data.value);
    if (href.startsWith(SCOPE) && isPage(href)) event.waitUntil(keep(href).catch(() => {}));
  } else if (BUILD && data.type === "save" && Array.isArray(data.value) && from) {
    event.waitUntil(save(data.value, (message) => from.postMessage(Object.assign({ type: "saved" }, message))));
  }
});

// A page the reader opened inside the app (no page load, so no request for its HTML).
async function keep(href) {
  const cache = await caches.open(CACHE);
  if (await cache.match(href)) return;
  const response = await fetch(href);
  if (await keepable(href, response)) await put(cache, href, response);
}

// "Save for offline": every path into this version's cache, with progress to `tell`:
// `{done, total}` at once and per file, then `{done, total, usage, finished: true}` or
// `{done, total, error}` where error is "offline", "full", "failed", "missing" (with `status`
// and `path`) or "outdated".
async function save(paths, tell) {
  const cache = await caches.open(CACHE);
  const total = paths.length;
  let done = 0;
  const fail = (error, extra) => tell(Object.assign({ done, total, error }, extra));
  tell({ done, total });
  for (const path of paths) {
    const href = full(path);
    if (!(await cache.match(href))) {
      let response;
      try {
        response = await fetch(href, { cache: "no-store" });
      } catch (_) {
        return fail("offline");
      }
      if (!(await keepable(href, response))) {
        if (isPage(href) && response.ok && !ours(await response.clone().text())) {
          self.registration.update().catch(() => {});
          return fail("outdated");
        }
        return fail("missing", { status: response.status, path });
      }
      try {
        await cache.put(href, response);
      } catch (e) {
        return fail(e && e.name === "QuotaExceededError" ? "full" : "failed");
      }
    }
    done += 1;
    tell({ done, total });
  }
  let usage = null;
  try {
    usage = (await navigator.storage.estimate()).usage;
  } catch (_) {
    // Not every browser tells.
  }
  tell({ done, total, usage, finished: true });
}

const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const unescapeHtml = (text) => text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (m) => (
  { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&#x27;": "'" }[m]));

const readable = (href) => {
  try {
    return decodeURI(new URL(href).pathname);
  } catch (_) {
    return new URL(href).pathname;
  }
};

// Our own page for an address that was never saved, listing what was, with a way home. It has
// no script, and its policy forbids any.
async function offlinePage(cache, wanted) {
  const saved = [];
  for (const request of await cache.keys()) {
    if (!isPage(request.url)) continue;
    const response = await cache.match(request);
    if (!response || response.status !== 200) continue;
    const found = /<title>([^<]*)<\/title>/.exec(await response.text());
    const title = unescapeHtml(found ? found[1] : request.url).replace(/ [·—] Pathways$/, "");
    saved.push([title, request.url]);
  }
  saved.sort((a, b) => a[0].localeCompare(b[0]));
  const styles = BUILD.shell.filter((f) => f.endsWith(".css"))
    .map((f) => `<link rel="stylesheet" href="${escapeHtml(f)}">`).join("");
  const list = saved.map(([title, href]) =>
    `<li><a href="${escapeHtml(href)}">${escapeHtml(title)}</a></li>`).join("");
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'">
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark">
<title>You are offline — Pathways</title><base href="${escapeHtml(SCOPE)}">
<link rel="icon" href="favicon.svg">${styles}</head>
<body><div class="app"><header class="site-header"><a class="site-header__brand" href="./">Pathways</a></header>
<main id="main" class="page"><section class="offline">
<div class="status status--error" role="alert"><h1 class="status__title">You are offline: this page has not been saved yet</h1>
<p>${escapeHtml(readable(wanted))} opens once you are back online.</p>
<p class="status__actions"><a class="button" href="./">Go to the home page</a></p></div>
<h2>Saved for offline</h2><p>These pages open without a connection:</p>
<ul class="offline__list">${list}</ul></section></main></div></body></html>`;
  return new Response(html, { headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}
