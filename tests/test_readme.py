"""Every shell example in README.md and docs/*.md works as written: each ```sh block runs, in README order, in a
copy of the project (as a fresh clone), unless a comment above it says why it cannot here
(`<!-- README test: skip: reason -->`) or names the commands it needs
(`<!-- README test: needs: msgfmt msgcat -->`, skipped where they are missing, failed under CI)."""
import os
import re
import shutil
import subprocess

import pytest

from project_copy import ROOT, VENV, copy_project, user_environment

BLOCK = re.compile(r"(?m)^(?:<!-- README test: (skip|needs): (.*?) -->\n)?```sh\n(.*?)^```\n", re.S)


DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def examples(documents=DOCUMENTS):
    found = []
    for document in documents:
        text = document.read_text(encoding="utf-8")
        for match in BLOCK.finditer(text):
            line = text.count("\n", 0, match.start(3))
            found.append(pytest.param(match.group(1), match.group(2), match.group(3),
                                      id="%s-line-%d" % (document.name, line)))
    return found


def test_readme_has_runnable_and_marked_examples():
    kinds = [param.values[0] for param in examples([ROOT / "README.md"])]
    assert kinds.count(None) >= 3 and "skip" in kinds
    for document in DOCUMENTS:  # no block escapes the pattern
        assert document.read_text(encoding="utf-8").count("```sh") == len(examples([document])), document.name


def test_every_document_the_readme_links_exists():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\(((?:docs/)?[A-Za-z_]+\.md)\)", text)
    assert "docs/parsing.md" in links and all((ROOT / link).is_file() for link in links)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("readme") / "park-digest")
    (project / ".venv").symlink_to(VENV)
    return project


@pytest.mark.parametrize("mark, detail, script", examples())
def test_readme_example_runs(project, mark, detail, script):
    if mark == "skip":
        pytest.skip(detail)
    missing = [command for command in (detail or "").split() if shutil.which(command) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail("CI lacks %s (installed by .ci/run)" % ", ".join(missing))
        pytest.skip("%s not installed" % ", ".join(missing))
    env = user_environment()
    done = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", script], cwd=project, env=env,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, "README example failed:\n%s\n%s\n%s" % (script, done.stdout[-3000:], done.stderr[-3000:])
