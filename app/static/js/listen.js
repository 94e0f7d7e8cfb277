/* Listen: plays the page's sentences in order and highlights the one being read.
   Without this file the page still has a plain <audio controls> and a link for each sentence. */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
    button.addEventListener("click", function () { window.print(); });
    button.closest(".js-only").hidden = false;
  });
})();

(function () {
  "use strict";
  var section = document.querySelector(".listen");
  var buttons = section && section.querySelector(".listen-buttons");
  if (!buttons || !window.Audio) { return; }

  // Two players: while one speaks a sentence, the other fetches the next, so there is no wait between them.
  var player = new Audio();
  var spare = new Audio();
  var queue = [];
  var current = null;
  var slow = false;

  function clear() {
    if (current) { current.classList.remove("is-reading"); }
    current = null;
  }

  function prefetch() {
    var url = queue.length ? queue[0].getAttribute("data-say") : null;
    if (url && spare.getAttribute("src") !== url) {
      spare.preload = "auto";
      spare.src = url;
      spare.load();
    }
  }

  function playElement(element) {
    clear();
    current = element;
    element.classList.add("is-reading");
    if (element.scrollIntoView) { element.scrollIntoView({ block: "nearest" }); }
    var url = element.getAttribute("data-say");
    if (spare.getAttribute("src") === url && !spare.error) {
      var fetched = spare;
      spare = player;
      player = fetched;
    } else {
      player.src = url;
    }
    player.playbackRate = slow ? 0.75 : 1;
    var started = player.play();
    if (started && started.catch) { started.catch(next); }
  }

  function next() {
    if (queue.length) { playElement(queue.shift()); } else { clear(); }
  }

  function stop() {
    queue = [];
    player.pause();
    clear();
  }

  [player, spare].forEach(function (audio) {
    audio.addEventListener("ended", function () { if (audio === player) { next(); } });
    audio.addEventListener("error", function () { if (audio === player) { next(); } });
    audio.addEventListener("playing", function () { if (audio === player) { prefetch(); } });
  });

  buttons.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) { return; }
    var action = button.getAttribute("data-listen");
    if (action === "play") {
      stop();
      queue = Array.prototype.slice.call(document.querySelectorAll("main [data-say]"));
      next();
    } else if (action === "stop") {
      stop();
    } else if (action === "slower") {
      slow = !slow;
      button.setAttribute("aria-pressed", slow ? "true" : "false");
      player.playbackRate = slow ? 0.75 : 1;
    }
  });

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.play");
    if (!link) { return; }
    var target = document.getElementById(link.getAttribute("data-clip"));
    if (!target || !target.hasAttribute("data-say")) { return; }
    event.preventDefault();
    stop();
    playElement(target);
  });

  section.querySelector(".listen-audio").hidden = true;
  buttons.hidden = false;
})();
