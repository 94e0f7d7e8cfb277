/* The service worker. self.OFFLINE (written above this by the server) lists the files of this version.
   - The look of the site (styles, fonts, scripts, common symbols) and the offline page are kept at once.
   - Public pages are fetched from the network first, kept, and shown from the copy when there is no internet.
     A page is public when the server lets it be kept (no "private" or "no-store"), and is not under a
     personal or staff path.
   - My work plan and its audio are kept only when the page asks, after the person chose
     "Keep my plan on this phone"; "forget" drops them. Nothing is ever kept from a POST. */
"use strict";

var CONFIG = self.OFFLINE;
var SHELL = "shell-" + CONFIG.version;
var PAGES = "pages";
var PLAN = "my-plan";
var MAX_PAGES = 60;
var LANGUAGE_KEY = "/offline-language";

function offlineKey(lang) { return CONFIG.offline + "?in=" + lang; }

function keepOfflinePages(cache) {
  return Promise.all(CONFIG.languages.map(function (lang) {
    var request = new Request(CONFIG.offline, {
      credentials: "omit", cache: "no-store", headers: { "Accept-Language": lang }
    });
    return fetch(request).then(function (response) {
      if (!response.ok) { throw new Error("offline page " + response.status); }
      return cache.put(offlineKey(lang), response);
    });
  }));
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) {
    return Promise.all([cache.addAll(CONFIG.shell), keepOfflinePages(cache)]).then(function () {
      return caches.open(PAGES).then(function (pages) {
        return fetch(CONFIG.wordList).then(function (response) {
          return keepable(response, new URL(response.url)) ? pages.put(CONFIG.wordList, response) : null;
        }).catch(function () { return null; });
      });
    });
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("shell-") === 0 && name !== SHELL;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

function isPrivatePath(path) {
  return CONFIG.private.some(function (prefix) { return path === prefix || path.indexOf(prefix + "/") === 0; });
}

/* The server's own word on whether a page may be kept, and never a personal or staff path. */
function keepable(response, url) {
  var control = response.headers.get("Cache-Control") || "";
  return response.ok && response.type === "basic" && !response.redirected && url.origin === self.location.origin &&
    !/private|no-store/.test(control) && !isPrivatePath(url.pathname);
}

function trimPages(cache) {
  return cache.keys().then(function (keys) {
    return Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_PAGES)).map(function (key) {
      return cache.delete(key);
    }));
  });
}

function language() {
  return caches.open(SHELL).then(function (cache) { return cache.match(LANGUAGE_KEY); })
    .then(function (response) { return response ? response.text() : "en"; });
}

function offlinePage() {
  return language().then(function (lang) { return caches.match(offlineKey(lang)); })
    .then(function (response) { return response || caches.match(offlineKey("en")); })
    .then(function (response) { return response || Response.error(); });
}

function page(event) {
  var request = event.request;
  var url = new URL(request.url);
  return fetch(request).then(function (response) {
    if (keepable(response, url)) {
      var copy = response.clone();
      event.waitUntil(caches.open(PAGES).then(function (cache) {
        return cache.put(request, copy).then(function () { return trimPages(cache); });
      }));
    }
    return response;
  }).catch(function () {
    var kept = url.pathname === CONFIG.plan
      ? caches.match(CONFIG.plan, { cacheName: PLAN, ignoreSearch: true })
      : caches.open(PAGES).then(function (cache) { return cache.match(request, { ignoreVary: true }); });
    return kept.then(function (response) { return response || offlinePage(); });
  });
}

/* Files: a kept copy first (they never change under one address), else the network. */
function file(event) {
  var request = event.request;
  var url = new URL(request.url);
  return caches.match(request, { ignoreVary: true }).then(function (hit) {
    if (hit) { return hit; }
    return fetch(request).then(function (response) {
      var shared = /^\/(static|symbols)\//.test(url.pathname);
      if (shared && response.ok && response.type === "basic") {
        var copy = response.clone();
        event.waitUntil(caches.open(SHELL).then(function (cache) { return cache.put(request, copy); }));
      }
      return response;
    }).catch(function (error) {
      /* An older page may name an older version of a style or script: any kept version will do. */
      return caches.match(request, { ignoreSearch: true, ignoreVary: true }).then(function (old) {
        if (old) { return old; }
        throw error;
      });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || url.pathname === "/sw.js") { return; }
  if (url.pathname.indexOf("/staff") === 0 || url.pathname.indexOf("/api/") === 0) { return; }
  if (request.mode === "navigate") {
    event.respondWith(page(event));
  } else if (/^\/(static|symbols|audio|my-work\/audio)\//.test(url.pathname)) {
    event.respondWith(file(event));
  }
});

/* One file for the kept plan. Audio is made on request, so a busy server (503) is asked again after a short wait. */
function fetchKept(address, triesLeft) {
  return fetch(address, { credentials: "same-origin", cache: "no-store" }).then(function (response) {
    if (response.status === 503 && triesLeft > 0) {
      var wait = Math.min(5, parseInt(response.headers.get("Retry-After"), 10) || 2) * 1000;
      return new Promise(function (resolve) { setTimeout(resolve, wait); }).then(function () {
        return fetchKept(address, triesLeft - 1);
      });
    }
    return response.ok ? [address, response] : null;
  }).catch(function () { return null; });
}

/* The plan page is fetched first and only then replaces the old copy, so a failed try loses nothing. Its
   audio and pictures follow, two at a time, so keeping a plan never crowds out the person's own pages; each
   is kept as it comes, unless the plan was forgotten meanwhile. */
function keepPlan(urls, done) {
  var addresses = urls.filter(function (address) {
    var url = new URL(address, self.location.origin);
    return url.origin === self.location.origin && !/^\/staff/.test(url.pathname);
  });
  if (addresses[0] !== CONFIG.plan) { return Promise.resolve({ kept: false }); }
  return fetchKept(CONFIG.plan, 1).then(function (pair) {
    if (!pair) { return { kept: false }; }
    return caches.delete(PLAN).then(function () { return caches.open(PLAN); }).then(function (cache) {
      return cache.put(pair[0], pair[1]).then(function () {
        done(keepFiles(cache, addresses.slice(1)));
        return { kept: true };
      });
    });
  });
}

function keepFiles(cache, addresses) {
  var missing = 0;
  var next = 0;
  function lane() {
    if (next >= addresses.length) { return Promise.resolve(); }
    var address = addresses[next++];
    return fetchKept(address, 3).then(function (pair) {
      if (!pair) { missing += 1; return null; }
      return caches.has(PLAN).then(function (still) { return still ? cache.put(pair[0], pair[1]) : null; });
    }).then(lane);
  }
  return Promise.all([lane(), lane()]).then(function () { return { files: addresses.length, missing: missing }; });
}

self.addEventListener("message", function (event) {
  var data = event.data || {};
  var reply = function (answer) { if (event.ports[0]) { event.ports[0].postMessage(answer); } };
  var work;
  if (data.type === "keep" && Array.isArray(data.urls)) {
    var files = null;
    work = keepPlan(data.urls, function (promise) { files = promise; }).then(function (answer) {
      reply(answer);
      return files && files.then(function (counts) {
        if (event.source) { event.source.postMessage({ type: "plan-files-kept", missing: counts.missing }); }
      });
    });
  } else if (data.type === "forget") {
    work = caches.delete(PLAN).then(function () { reply({ forgotten: true }); });
  } else if (data.type === "language" && CONFIG.languages.indexOf(data.lang) >= 0) {
    work = caches.open(SHELL).then(function (cache) {
      return cache.put(LANGUAGE_KEY, new Response(data.lang));
    }).then(function () { reply({ lang: data.lang }); });
  } else {
    reply({});
    return;
  }
  event.waitUntil(work);
});
