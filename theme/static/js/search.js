// The search page: Pagefind's UI on this language's bundle. A query in the other Chinese script
// is turned into this page's script (search-chars.js, from the site's own converter), so 青島
// finds 青岛 and the reverse; a query in another language's script offers that language's search
// page, which runs it (?q=). Results show park, date and kind (Pagefind metadata) and filter by
// park and kind (Pagefind filters, so the count and "load more" follow the filter); no
// sub-results (the first repeated the story's title); no excerpt opens on stray punctuation.
(function () {
  var box = document.getElementById("search");
  if (!box || typeof PagefindUI === "undefined") return;
  var lang = box.getAttribute("data-lang");
  var chars = window.parkDigestChars || {hans: "", hant: ""};
  var from = lang === "zh-Hant" ? Array.from(chars.hans) : Array.from(chars.hant);
  var to = lang === "zh-Hant" ? Array.from(chars.hant) : Array.from(chars.hans);
  var map = {};
  from.forEach(function (c, i) { map[c] = to[i]; });
  var elsewhere = document.querySelector(".search-elsewhere");
  function offer(term) {
    if (!elsewhere) return;
    var han = /[\u3400-\u9fff]/.test(term), latin = /[A-Za-z]{2,}/.test(term);
    var shown = false;
    elsewhere.querySelectorAll("a[data-script]").forEach(function (link) {
      var fits = link.getAttribute("data-script") === "latin" ? latin && !han && lang !== "en"
                                                                : han && lang === "en";
      link.hidden = !fits;
      if (fits) { link.search = "?q=" + encodeURIComponent(term); shown = true; }
    });
    elsewhere.hidden = !shown;
  }
  // An excerpt that starts mid-sentence opens on the punctuation before its first word
  // ("，为打造…"): drop it, and the spaces with it. Marks are never punctuation, so the
  // highlights stay as Pagefind set them.
  var leading = /^(?:\s|&nbsp;|[\u3000-\u3003\u3009\u300b\u300d\u300f\u3011\u3015\u3017\u301e\u301f\uff01\uff09\uff0c\uff0e\uff1a\uff1b\uff1f\uff3d\uff5d\u2019\u201d\u2026\u00b7,.;:!?)\]}])+/;
  var words = JSON.parse(document.getElementById("search-words").textContent || "{}");
  var ui = new PagefindUI({
    element: "#search", baseUrl: box.getAttribute("data-base"), showImages: false,
    showSubResults: false, excerptLength: Number(box.getAttribute("data-excerpt")) || 30,
    translations: words,
    processResult: function (result) {
      if (result.excerpt) result.excerpt = result.excerpt.replace(leading, "");
      return result;
    },
    processTerm: function (term) {
      offer(term);
      return Array.from(term).map(function (c) { return map[c] || c; }).join("");
    }
  });
  // Pagefind's box is named only by its placeholder: the visible heading names it instead.
  var input = document.querySelector("#search input");
  if (input) input.setAttribute("aria-labelledby", "search-title");
  var query = new URLSearchParams(location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
