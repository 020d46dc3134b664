/* Sortable tables, as progressive enhancement: without JavaScript the table reads as printed.
   Hand-written (about 40 lines) because the needs are small: numeric sort on data-value,
   locale-aware text sort, aria-sort for screen readers, and headers that are real buttons.
   Rows that carry data-group (a unit: CNY, USD, count) sort by number only within their group:
   yuan, dollars and counts are never ranked against each other. */
(function () {
  "use strict";
  function cellKey(row, index, kind) {
    var cell = row.cells[index];
    var raw = cell.getAttribute("data-value");
    if (raw === null) raw = cell.textContent.trim();
    return kind === "number" ? parseFloat(raw) || 0 : raw;
  }
  function sortBy(table, th, index) {
    var kind = th.getAttribute("data-sort");
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var lang = document.documentElement.lang;
    rows.sort(function (a, b) {
      var x = cellKey(a, index, kind), y = cellKey(b, index, kind);
      var group = kind === "number" ? String(a.getAttribute("data-group") || "").localeCompare(
        String(b.getAttribute("data-group") || "")) : 0;
      if (group !== 0) return group;
      var order = kind === "number" ? x - y : String(x).localeCompare(String(y), lang);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    var label = table.getAttribute("data-sort-label") || "";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      if (!th.hasAttribute("data-sort")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.title = label;
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, th, index); });
    });
  });
})();
