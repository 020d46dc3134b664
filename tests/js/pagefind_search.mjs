// Runs real Pagefind searches in Node (no browser): node pagefind_search.mjs <output dir> <server url> <lang> <term>…
// The bundle is browser code; a stub <html lang> makes it pick that language's index.
const [dir, base, lang, ...terms] = process.argv.slice(2);
globalThis.document = { querySelector: (s) => (s === "html" ? { getAttribute: () => lang } : null), currentScript: null };
// One bundle per language: pagefind/<lang>/ (search.py); zh-Hant searches zh-Hans's (chinese_search.py).
const bundle = "pagefind/" + (lang === "zh-Hant" ? "zh-hans" : lang.toLowerCase()) + "/";
const pf = await import(dir + "/" + bundle + "pagefind.js");
await pf.options({ basePath: base + bundle });
await pf.init();
const out = {};
for (const term of terms) {
  const r = await pf.search(term);
  const data = await Promise.all(r.results.slice(0, 3).map((x) => x.data()));
  // A zh-Hant result is its zh-Hans twin's, carrying the zh-Hant page's address
  const url = (d) => (lang === "zh-Hant" ? base + JSON.parse(d.meta["zh-Hant"]).url : d.url);
  out[term] = { count: r.results.length, urls: data.map(url) };
}
console.log(JSON.stringify(out));
