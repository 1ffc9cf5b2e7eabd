// Selecting a claim.  The address "#claim=<article folder>/<claim id>" names the selection,
// so that a link can share it and the Back button undoes it; no element has that id, so the
// browser never jumps on its own.  Without this script every panel is shown.
(function () {
  "use strict";
  var PREFIX = "#claim=";

  function byKey(selector, key) {
    return Array.prototype.filter.call(document.querySelectorAll(selector), function (node) {
      return node.getAttribute("data-claim") === key;
    });
  }

  function select(key, interactive) {
    document.querySelectorAll(".detail").forEach(function (panel) {
      panel.hidden = panel.getAttribute("data-claim") !== key;
    });
    document.querySelectorAll("a.claim").forEach(function (mark) {
      if (mark.getAttribute("data-claim") === key) {
        mark.setAttribute("aria-current", "true");
      } else {
        mark.removeAttribute("aria-current");
      }
    });
    var chosen = byKey(".detail", key)[0] || null;
    document.querySelectorAll(".panel").forEach(function (panel) {
      panel.querySelector(".panel-hint").hidden = chosen !== null && panel.contains(chosen);
    });
    var mark = byKey("a.claim", key)[0];
    if (mark) { mark.scrollIntoView({block: "nearest"}); }
    if (chosen && interactive) {
      chosen.focus({preventScroll: true});
      chosen.scrollIntoView({block: "nearest"});
    }
  }

  // An address typed by hand may hold a "%" that is no escape: read it as written.
  function decoded(text) {
    try {
      return decodeURIComponent(text);
    } catch (error) {
      return text;
    }
  }

  function fromAddress(interactive) {
    var hash = window.location.hash;
    var key = hash.indexOf(PREFIX) === 0 ? decoded(hash.slice(PREFIX.length)) : "";
    select(key, interactive);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-claim]");
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    event.preventDefault();
    window.history.pushState(null, "", link.getAttribute("href"));
    select(link.getAttribute("data-claim"), true);
  });
  window.addEventListener("hashchange", function () { fromAddress(true); });
  document.documentElement.classList.add("js");
  fromAddress(false);
}());
