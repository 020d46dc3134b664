"""A rebuild renders only the pages whose inputs changed (render manifest, writer.py)."""
import re
import shutil

from conftest import ROOT, SEEDS, build_site
from park_digest.site.renders import RenderManifest, site_key


# Pelican logs 'Writing "<path>"' after each render; wide, so that no path is wrapped.
VERBOSE = {"args": ("-v",), "env": {"COLUMNS": "2000"}}


def rendered(result) -> set[str]:
    """The pages Pelican rendered, from its verbose log ("Writing" follows every render)."""
    log = result.stdout + result.stderr
    return {m.replace("\\", "/").split("/output/", 1)[1] for m in re.findall(r'Writing "([^"]+\.html)"', log)}


def test_manifest_keeps_a_page_only_while_key_and_file_match(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<p>one</p>", encoding="utf-8")
    manifest = RenderManifest.load(tmp_path / "m.json", "site-1")
    key = manifest.key("page.html", "article.html", "source-digest")
    assert not manifest.fresh("page.html", key, str(page))  # never recorded
    manifest.record("page.html", key, str(page))
    manifest.save()

    again = RenderManifest.load(tmp_path / "m.json", "site-1")
    assert again.fresh("page.html", key, str(page))
    assert not again.fresh("page.html", again.key("page.html", "article.html", "other"), str(page))
    assert RenderManifest.load(tmp_path / "m.json", "site-2").entries == {}  # theme or settings changed
    page.write_text("<p>edited by hand</p>", encoding="utf-8")
    assert not again.fresh("page.html", key, str(page))
    page.unlink()
    assert not again.fresh("page.html", key, str(page))


def test_unreadable_manifest_means_render_everything(tmp_path):
    (tmp_path / "m.json").write_text("{not json", encoding="utf-8")
    assert RenderManifest.load(tmp_path / "m.json", "site").entries == {}


def test_site_key_follows_theme_files_and_plain_settings(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    settings = {"SITEURL": "", "JINJA_FILTERS": {"f": lambda x: x}}
    key = site_key(settings, [theme], ["v1"])
    assert site_key({**settings, "JINJA_FILTERS": {"f": lambda x: x}}, [theme], ["v1"]) == key  # code: by version
    assert site_key({**settings, "SITEURL": "https://x.org"}, [theme], ["v1"]) != key
    assert site_key(settings, [theme], ["v2"]) != key
    (theme / "templates" / "base.html").write_text("changed", encoding="utf-8")
    assert site_key(settings, [theme], ["v1"]) != key


def test_rebuild_renders_only_what_changed(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    conf = tmp_path / "conf.py"
    conf.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
                    f"THEME = {str(theme)!r}\n", encoding="utf-8")
    first = rendered(build_site(tmp_path, seeds=seeds, conf=conf, **VERBOSE))
    assert any(p.startswith("stories/") for p in first) and any("parks/" in p for p in first)

    warm = rendered(build_site(tmp_path, seeds=seeds, conf=conf, **VERBOSE))
    assert not {p for p in warm if "stories/" in p or "parks/" in p}, warm  # nothing re-rendered

    output = tmp_path / "output"
    story = sorted((output / "en" / "stories").glob("*.html"))[0]
    original = story.read_text(encoding="utf-8")
    story.write_text(original + "<!-- edited by hand -->", encoding="utf-8")
    again = rendered(build_site(tmp_path, seeds=seeds, conf=conf, **VERBOSE))
    assert f"en/stories/{story.name}" in again
    assert story.read_text(encoding="utf-8") == original  # rendered again, not trusted

    base = theme / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace("<body>", "<body><!-- theme v2 -->"), encoding="utf-8")
    themed = rendered(build_site(tmp_path, seeds=seeds, conf=conf, **VERBOSE))
    assert themed >= first
    assert all("<!-- theme v2 -->" in p.read_text(encoding="utf-8") for p in output.rglob("*.html")
               if "pagefind" not in p.parts)
