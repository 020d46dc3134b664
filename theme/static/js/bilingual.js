// Bilingual reading remembered across pages: a reader who turns it on keeps it on every story,
// and an English page shows the Chinese in the script the reader last read (Simplified or
// Traditional). Without JavaScript the mode links still work on their page (#bilingual targets).
(function () {
  var MODE = "park-digest-bilingual", SCRIPT = "park-digest-script";
  var root = document.documentElement, lang = root.lang;
  function get(key) { try { return localStorage.getItem(key); } catch (e) { return null; } }
  function put(key, value) { try { localStorage.setItem(key, value); } catch (e) { /* private mode */ } }
  root.classList.add("js");
  if (lang === "zh-Hans" || lang === "zh-Hant") put(SCRIPT, lang);
  var hash = location.hash.slice(1);
  if (hash === "bilingual" || hash === "bilingual-hant") {  // a link into the bilingual reading
    put(MODE, "on");
    if (lang === "en") put(SCRIPT, hash === "bilingual-hant" ? "zh-Hant" : "zh-Hans");
  }
  function apply() {
    root.classList.remove("bilingual", "bilingual-hant");
    if (get(MODE) === "on") {
      root.classList.add(lang === "en" && get(SCRIPT) === "zh-Hant" ? "bilingual-hant" : "bilingual");
    }
  }
  apply();
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".modes a[data-mode]");
    if (!link) return;
    event.preventDefault();
    var mode = link.getAttribute("data-mode");
    put(MODE, mode === "off" ? "off" : "on");
    if (lang === "en" && mode !== "off") put(SCRIPT, mode === "bilingual-hant" ? "zh-Hant" : "zh-Hans");
    apply();
  });
})();
