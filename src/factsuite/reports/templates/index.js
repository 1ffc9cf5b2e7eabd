// The index's filters and sorting.  The address "#status=failing&rule=...&outlet=...&text=..."
// holds the filter, so that a link can share it; without this script every row is shown.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var table = document.getElementById("index");
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var shown = document.getElementById("shown");

  function cell(row, column) {
    var node = row.cells[column];
    return node.hasAttribute("data-value") ? node.getAttribute("data-value") : node.textContent;
  }

  function filter() {
    var status = form.elements.status.value;
    var rule = form.elements.rule.value;
    var outlet = form.elements.outlet.value;
    var text = form.elements.text.value.trim().toLowerCase();
    var count = 0;
    rows.forEach(function (row) {
      var keep = (!status || row.getAttribute("data-status") === status) &&
        (!rule || row.getAttribute("data-rules").indexOf(" " + rule + " ") !== -1) &&
        (!outlet || row.getAttribute("data-outlet") === outlet) &&
        (!text || row.cells[1].textContent.toLowerCase().indexOf(text) !== -1);
      row.hidden = !keep;
      if (keep) { count += 1; }
    });
    shown.textContent = count === rows.length
      ? rows.length + " articles"
      : "showing " + count + " of " + rows.length + " articles";
  }

  function remember() {
    var parts = [];
    ["status", "rule", "outlet", "text"].forEach(function (name) {
      var value = form.elements[name].value;
      if (value) { parts.push(name + "=" + encodeURIComponent(value)); }
    });
    window.history.replaceState(null, "", parts.length ? "#" + parts.join("&") : " ");
  }

  function fromAddress() {
    window.location.hash.slice(1).split("&").forEach(function (part) {
      var pair = part.split("=");
      var field = form.elements[pair[0]];
      if (pair.length === 2 && field) {
        try {
          field.value = decodeURIComponent(pair[1]);
        } catch (error) {
          field.value = pair[1];
        }
      }
    });
    filter();
  }

  function sort(button) {
    var column = Number(button.getAttribute("data-column"));
    var numeric = button.hasAttribute("data-numeric");
    var heading = button.parentNode;
    var ascending = heading.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th[aria-sort]").forEach(function (th) { th.removeAttribute("aria-sort"); });
    heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var direction = ascending ? 1 : -1;
    rows.sort(function (a, b) {
      var x = cell(a, column);
      var y = cell(b, column);
      var order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
      return direction * order;
    });
    var fragment = document.createDocumentFragment();
    rows.forEach(function (row) { fragment.appendChild(row); });
    body.appendChild(fragment);
  }

  form.addEventListener("input", function () { filter(); remember(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  table.tHead.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-column]");
    if (button) { sort(button); }
  });
  window.addEventListener("hashchange", fromAddress);
  document.documentElement.classList.add("js");
  fromAddress();
}());
