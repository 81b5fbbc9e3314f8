// Progressive enhancement only: the page works without this file.
(function () {
  "use strict";

  // On narrow screens the stylesheet collapses the navigation behind the "Menu" button before
  // this runs (so nothing moves when it does); this makes the button open and close it. Escape
  // closes the menu only while it is open, and gives focus back to the button only when focus
  // was inside the menu: anywhere else on the page, Escape belongs to whatever has focus.
  var toggle = document.querySelector(".nav-toggle");
  var nav = document.getElementById("site-nav");
  if (toggle && nav) {
    var setOpen = function (open) {
      toggle.setAttribute("aria-expanded", String(open));
      nav.classList.toggle("is-open", open);
    };
    toggle.addEventListener("click", function () {
      setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || toggle.getAttribute("aria-expanded") !== "true") return;
      if (toggle.offsetParent === null) return; // the button is hidden: no menu to close
      var inside = nav.contains(document.activeElement) || document.activeElement === toggle;
      setOpen(false);
      if (inside) toggle.focus();
    });
  }

  // A form the server rejected: focus its error summary, so keyboard and screen-reader users
  // start from the list of what to fix (each item links to its field).
  var summary = document.querySelector(".error-summary");
  if (summary) summary.focus();

  // Messages after a POST: the live region is in the page, empty, from the start; filling it
  // now makes screen readers announce the messages (they ignore what a region holds at load).
  var region = document.getElementById("messages-region");
  var rendered = document.querySelector("[data-messages]");
  if (region && rendered) {
    window.setTimeout(function () {
      region.appendChild(rendered.querySelector(".messages"));
      rendered.remove();
    }, 100);
  }

  // Links from the summary to a field: move focus into the field, not only the view.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".error-summary a[href^='#']");
    if (!link) return;
    var field = document.getElementById(link.getAttribute("href").slice(1));
    if (!field) return;
    event.preventDefault();
    field.focus();
    field.scrollIntoView({ block: "center" });
  });
})();
