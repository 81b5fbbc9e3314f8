// Progressive enhancement only: the page works without this file.
// On narrow screens the navigation collapses behind a "Menu" button.
(function () {
  "use strict";
  var toggle = document.querySelector(".nav-toggle");
  var nav = document.getElementById("site-nav");
  if (!toggle || !nav) return;
  var narrow = window.matchMedia("(max-width: 52rem)");

  function apply() {
    if (narrow.matches) {
      toggle.hidden = false;
      var open = toggle.getAttribute("aria-expanded") === "true";
      nav.classList.toggle("is-collapsed", !open);
    } else {
      toggle.hidden = true;
      nav.classList.remove("is-collapsed");
    }
  }
  toggle.addEventListener("click", function () {
    var open = toggle.getAttribute("aria-expanded") === "true";
    toggle.setAttribute("aria-expanded", String(!open));
    apply();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
      toggle.setAttribute("aria-expanded", "false");
      apply();
      toggle.focus();
    }
  });
  narrow.addEventListener("change", apply);
  apply();
})();
