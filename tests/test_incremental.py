"""Rebuilding into the same output: caches are used, and pages of removed stories disappear."""
import shutil

from conftest import SEEDS, build_site


def test_rebuild_reuses_caches_and_removes_stale_pages(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("001_83267d4ea10a3938.txt", "003_05f8b70f58b3f3c5.txt"):  # two pages are enough: one goes
        shutil.copy(SEEDS / name, seeds / name)
    build_site(tmp_path, seeds=seeds)
    output = tmp_path / "output"
    before = {p.relative_to(output) for p in output.rglob("*.html")}
    assert list((tmp_path / "cache" / "park-digest").rglob("*.pickle"))
    assert list((tmp_path / "cache" / "pelican").iterdir())  # Pelican's content cache, outside output/
    assert not (output / "cache").exists()

    stamps = {p: p.stat().st_mtime_ns for p in output.rglob("*.html")}
    build_site(tmp_path, seeds=seeds)  # nothing changed: no page is written again
    assert {p: p.stat().st_mtime_ns for p in output.rglob("*.html")} == stamps

    data = {name: (output / name).read_text(encoding="utf-8") for name in ("data/facts.csv", "sitemap.xml")}
    gone = sorted(seeds.glob("*.txt"))[-1]
    gone.unlink()
    build_site(tmp_path, seeds=seeds)
    after = {p.relative_to(output) for p in output.rglob("*.html")}
    removed = before - after
    assert removed and after < before
    assert any(p.parts[-2] == "stories" for p in removed)
    assert all(p.parts[-2] in ("stories", "parks") for p in removed), removed  # its stories and parks
    # The figures download and the sitemap, keyed by their rows and entries, follow
    for name, text in data.items():
        assert any(f"stories/{p.name}" in text for p in removed), name
        assert not any(f"stories/{p.name}" in (output / name).read_text(encoding="utf-8") for p in removed), name
    for page in output.rglob("*.html"):  # and nothing links to them any more
        text = page.read_text(encoding="utf-8")
        assert not any(f"stories/{p.name}" in text for p in removed), page
