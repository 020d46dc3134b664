"""What a build may touch (issue 26 items 2 and 6): it removes only files it wrote before, never a
user's own, refuses an output folder holding the project's sources, and two builds sharing a
content folder with different seeds each publish their own stories."""
import os
import shutil
import subprocess
import sys

from conftest import ROOT, SEEDS, build_site
from park_digest.parse.pipeline import process_file


def test_output_folder_holding_the_project_is_refused_and_nothing_is_deleted(tmp_path):
    """`make html OUTPUT_DIR=.` deleted theme/templates/*.html. Run on a copy of the project."""
    project = tmp_path / "project"
    for name in ("theme", "content", "translations"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("stories"))
    (project / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"PARK_DIGEST_ROOT = THEME_ROOT = {str(project)!r}\nTHEME = THEME_ROOT + '/theme'\n"
        f"PATH = THEME_ROOT + '/content'\n", encoding="utf-8")
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    env = {**os.environ, "SEEDS_DIR": str(SEEDS), "CACHE_DIR": str(tmp_path / "cache")}
    for output in (project, project / "theme" / "templates", project / "content"):
        result = subprocess.run([sys.executable, "-m", "pelican", str(project / "content"), "-o", str(output),
                                 "-s", str(project / "conf.py")], cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=600)
        assert result.returncode != 0 and "OUTPUT_PATH" in result.stdout + result.stderr, output
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before


def test_only_files_the_build_wrote_are_removed(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    output = tmp_path / "output"
    (output / "notes").mkdir(parents=True)
    (output / "notes" / "keep.html").write_text("<p>mine</p>", encoding="utf-8")
    (output / "stories").mkdir()
    (output / "stories" / "draft.html").write_text("<p>also mine</p>", encoding="utf-8")
    build_site(tmp_path, seeds=seeds)
    last = sorted(seeds.glob("*.txt"))[-1]
    ids = [p.stem for p in (tmp_path / "content" / "stories" / "zh-Hans").glob("*.md")]
    last.unlink()
    build_site(tmp_path, seeds=seeds)
    gone = [i for i in ids if not (output / "stories" / f"{i}.html").exists()]
    assert gone  # the removed seed's pages, written by the last build
    assert (output / "notes" / "keep.html").read_text(encoding="utf-8") == "<p>mine</p>"
    assert (output / "stories" / "draft.html").exists()


def test_two_builds_sharing_a_content_folder_each_publish_their_own_seeds(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content, ignore=shutil.ignore_patterns("stories"))
    seed_sets = {"a": sorted(SEEDS.glob("*.txt"))[:2], "b": sorted(SEEDS.glob("*.txt"))[2:]}
    runs = {}
    for name, paths in seed_sets.items():
        (tmp_path / f"seeds-{name}").mkdir()
        for path in paths:
            shutil.copy(path, tmp_path / f"seeds-{name}")
    for name in seed_sets:
        env = {**os.environ, "SEEDS_DIR": str(tmp_path / f"seeds-{name}"), "CACHE_DIR": str(tmp_path / "cache")}
        runs[name] = subprocess.Popen([sys.executable, "-m", "pelican", str(content), "-o", str(tmp_path / f"out-{name}"),
                                       "-s", str(ROOT / "pelicanconf.py")], cwd=ROOT, env=env,
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    logs = {name: run.communicate(timeout=600)[0] for name, run in runs.items()}
    assert all(run.returncode == 0 for run in runs.values()), logs
    for name, paths in seed_sets.items():
        expected = {story.id for path in paths for story in process_file(path).stories}
        published = {p.stem for p in (tmp_path / f"out-{name}" / "stories").glob("*.html")}
        assert published == expected, name
