/* Offline: registers the service worker where the browser has one, shows "Keep my plan on this phone",
   and tells the worker to keep or forget the plan. Without this file (or a worker) every page still works. */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.caches) { return; }

  function tell(message) {
    return navigator.serviceWorker.ready.then(function (registration) {
      return new Promise(function (resolve) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) { resolve(event.data); };
        registration.active.postMessage(message, [channel.port2]);
      });
    });
  }

  /* Every address the kept plan needs: the page, its audio, symbols, styles and script. */
  function planAddresses(section) {
    var found = [section.getAttribute("data-offline-keep")];
    var add = function (value) { if (value && found.indexOf(value) < 0) { found.push(value); } };
    Array.prototype.forEach.call(document.querySelectorAll("main [data-say]"), function (element) {
      add(element.getAttribute("data-say"));
    });
    /* The sentences' clips are enough: with no internet Listen plays them one by one (this page has scripts). */
    Array.prototype.forEach.call(document.querySelectorAll("img[src], script[src]"), function (element) {
      add(element.getAttribute("src"));
    });
    Array.prototype.forEach.call(document.querySelectorAll("link[rel=stylesheet]"), function (element) {
      add(element.getAttribute("href"));
    });
    return found;
  }

  var root = document.documentElement;
  var section = document.querySelector("[data-offline-keep]");
  if (section) { section.hidden = false; }

  navigator.serviceWorker.addEventListener("message", function (event) {
    if (event.data && event.data.type === "plan-files-kept") {
      root.setAttribute("data-offline-files", event.data.missing ? "some-missing" : "kept");
    }
  });
  navigator.serviceWorker.startMessages();

  navigator.serviceWorker.register("/sw.js", { scope: "/" }).then(function () {
    tell({ type: "language", lang: root.lang });
    var signal = document.querySelector("meta[name=offline-plan]");
    if (signal && signal.content === "forget") {
      tell({ type: "forget" }).then(function () { root.setAttribute("data-offline-plan", "forgotten"); });
    }
    if (section && section.getAttribute("data-offline-keep") && navigator.onLine !== false) {
      tell({ type: "keep", urls: planAddresses(section) }).then(function (reply) {
        root.setAttribute("data-offline-plan", reply && reply.kept ? "kept" : "not-kept");
      });
    }
  }).catch(function () { /* no worker: the site works as before */ });
})();
