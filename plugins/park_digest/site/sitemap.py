"""sitemap.xml with hreflang alternates, and robots.txt.

Written here rather than by pelican-sitemap, which emits `ref=` where Google expects `href=`
and knows nothing of our language variants. Every URL lists all its variants, itself
included, plus x-default (the source-language page), as Google's hreflang rules ask.
"""
from __future__ import annotations

from dataclasses import dataclass
from xml.etree import ElementTree as ET

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


@dataclass(frozen=True)
class SitemapEntry:
    path: str  # site-relative, e.g. "en/parks/qingdao.html"
    alternates: tuple[tuple[str, str], ...] = ()  # (BCP 47 language, path), in site order


def sitemap_xml(entries: list[SitemapEntry], base_url: str, default_lang: str) -> str:
    base = base_url.rstrip("/") + "/"
    root = ET.Element("urlset", {"xmlns": SITEMAP_NS, "xmlns:xhtml": XHTML_NS})
    for entry in sorted(entries, key=lambda e: e.path):
        url = ET.SubElement(root, "url")
        ET.SubElement(url, "loc").text = base + entry.path
        if len(entry.alternates) > 1:
            for lang, path in entry.alternates:
                ET.SubElement(url, "xhtml:link", rel="alternate", hreflang=lang, href=base + path)
            default = dict(entry.alternates).get(default_lang)
            if default:
                ET.SubElement(url, "xhtml:link", rel="alternate", hreflang="x-default", href=base + default)
    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def robots_txt(base_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {base_url.rstrip('/')}/sitemap.xml\n"
