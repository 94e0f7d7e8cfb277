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

  var player = new Audio();
  var queue = [];
  var current = null;
  var slow = false;

  function clear() {
    if (current) { current.classList.remove("is-reading"); }
    current = null;
  }

  function playElement(element) {
    clear();
    current = element;
    element.classList.add("is-reading");
    if (element.scrollIntoView) { element.scrollIntoView({ block: "nearest" }); }
    player.src = element.getAttribute("data-say");
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

  player.addEventListener("ended", next);
  player.addEventListener("error", next);

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
