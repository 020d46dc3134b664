// The search page: Pagefind's UI on this language's bundle; the zh-Hant page searches the zh-Hans
// one (site/chinese_search.py). A query is folded into its index's script (search-chars.js, from
// the site's own converter), so 青島 finds 青岛 and the reverse; on the zh-Hant page each result
// is shown as its own page has it: its address, title, metadata and an excerpt in Traditional. A
// query in another language's script offers that language's search page, which runs it (?q=).
// Results show park, date and kind (Pagefind metadata) and filter by park and kind (Pagefind
// filters, so the count and "load more" follow the filter); no sub-results (the first repeated
// the story's title); no excerpt opens on stray punctuation.
(function () {
  var box = document.getElementById("search");
  if (!box || typeof PagefindUI === "undefined") return;
  var lang = box.getAttribute("data-lang"), base = box.getAttribute("data-base");
  var index = box.getAttribute("data-index-lang") || lang;
  var chars = window.parkDigestChars || {hans: "", hant: ""};
  var hans = Array.from(chars.hans), hant = Array.from(chars.hant);
  var fold = {}, toHant = {};
  hans.forEach(function (c, i) {
    if (index === "zh-Hant") fold[c] = hant[i]; else fold[hant[i]] = c;
    toHant[c] = hant[i];
  });
  var folded = Array.from(chars.folded || "");  // 製 of 製造 → 制, which the table leaves alone
  if (index !== "zh-Hant") Array.from(chars.fold || "").forEach(function (c, i) { fold[c] = folded[i]; });
  var twinned = lang === "zh-Hant" && index !== lang;
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
  // Where the excerpt stands in the indexed text: the occurrence of its text that starts a word
  // and holds a word found (the text may repeat), else the first.
  function offset(text, plain, words, locations) {
    var starts = {}, at = 0, first = -1, word = -1;
    var found = locations.map(function (l) { return words.slice(0, l).join("").length; });
    words.forEach(function (w) { starts[at] = true; at += w.length; });
    for (var i = text.indexOf(plain); i >= 0 && plain; i = text.indexOf(plain, i + 1)) {
      if (first < 0) first = i;
      if (!starts[i]) continue;
      if (word < 0) word = i;
      if (found.some(function (f) { return f >= i && f < i + plain.length; })) return i;
    }
    return word >= 0 ? word : first;
  }
  // The zh-Hans excerpt in Traditional: the table, except where the site's converter chose
  // otherwise in context; `fix` lists those characters' forms occurrence by occurrence.
  function inTraditional(result, fix) {
    var words = (result.raw_content || "").split("\u200b"), text = words.join("");
    var excerpt = result.excerpt || "", plain = excerpt.replace(/<\/?mark>/g, "");
    var at = offset(text, plain, words, result.locations || []), seen = {}, forms = {};
    Object.keys(fix).forEach(function (c) { forms[c] = Array.from(fix[c]); seen[c] = 0; });
    if (at < 0) forms = {};
    Array.from(text.slice(0, Math.max(at, 0))).forEach(function (c) { if (forms[c]) seen[c]++; });
    return excerpt.split(/(<\/?mark>)/).map(function (part) {
      if (/^<\/?mark>$/.test(part)) return part;
      return Array.from(part).map(function (c) {
        var form = forms[c] && forms[c][seen[c]++];
        return form || toHant[c] || c;
      }).join("");
    }).join("");
  }
  function show(result) {
    var twin = result.meta && result.meta["zh-Hant"];
    if (twin !== undefined) delete result.meta["zh-Hant"];
    if (!twinned || !twin) return;
    twin = JSON.parse(twin);
    result.url = base + twin.url;
    result.meta = {title: twin.title};
    twin.meta.forEach(function (m) { result.meta[m[0]] = m[1]; });
    result.excerpt = inTraditional(result, twin.fix || {});
  }
  var words = JSON.parse(document.getElementById("search-words").textContent || "{}");
  var ui = new PagefindUI({
    element: "#search", baseUrl: base, showImages: false,
    showSubResults: false, excerptLength: Number(box.getAttribute("data-excerpt")) || 30,
    translations: words,
    processResult: function (result) {
      show(result);
      if (result.excerpt) result.excerpt = result.excerpt.replace(leading, "");
      return result;
    },
    processTerm: function (term) {
      offer(term);
      return Array.from(term).map(function (c) { return fold[c] || c; }).join("");
    }
  });
  // The shared Chinese index has both scripts' filters: the other script's are hidden (Pagefind
  // renders them anew, hence the observer; its own style outranks [hidden]).
  var hide = (box.getAttribute("data-hide-filters") || "").split("|").filter(Boolean);
  if (hide.length) new MutationObserver(function () {
    box.querySelectorAll(".pagefind-ui__filter-block").forEach(function (block) {
      var input = block.querySelector("input[name]");
      if (input && hide.indexOf(input.name) >= 0) block.style.display = "none";
    });
  }).observe(box, {childList: true, subtree: true});
  // Pagefind's box is named only by its placeholder: the visible heading names it instead.
  var input = document.querySelector("#search input");
  if (input) input.setAttribute("aria-labelledby", "search-title");
  var query = new URLSearchParams(location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
