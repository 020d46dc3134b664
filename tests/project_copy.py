"""A copy of the project to run `make` in, as a user's fresh clone would be: the tracked sources,
no generated stories, caches or output, and the repository's own virtual environment and
node_modules."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
REQUIREMENTS = ("requirements.txt", "requirements-dev.txt", "constraints.txt", "package.json", "package-lock.json")
COPIED = ("Makefile", "pelicanconf.py", "publishconf.py", *REQUIREMENTS, "pyproject.toml", "README.md", "plugins",
          "theme", "content", "translations", "seeds", "tools", "tests")
SKIPPED = {"__pycache__", ".pytest_cache", "node_modules", ".translate.lock"}


def ignored(folder: str, names: list[str]) -> set[str]:
    """Caches, and the generated stories (content/stories), never the plugin's stories/ package."""
    skip = SKIPPED | ({"stories"} if Path(folder) == ROOT / "content" else set())
    return {name for name in names if name in skip}


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=ignored)
        elif source.exists():
            shutil.copy2(source, dest / name)
    # Older than the venv's and node_modules' stamps, so make does not reinstall the requirements
    # into them; the repository's node_modules (Pagefind, axe-core) is shared like its venv.
    for name in REQUIREMENTS:
        os.utime(dest / name, (0, 0))
    if (ROOT / "node_modules").is_dir() and not (dest / "node_modules").exists():
        (dest / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return dest


# What a make run (make test, say) exports to its children and would carry into the copy's make.
MAKE_VARIABLES = {"SEEDS_DIR", "OUTPUT_DIR", "STRICT", "WORKERS", "SEARCH_SHARDS", "CACHE_DIR", "CONTENT_DIR",
                  "ENGINE", "ENGINE_URL", "SITEURL", "FILE", "MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES"}


def user_environment() -> dict:
    """This process's environment without the project's settings and make's variables: what a
    user's shell in a fresh clone has."""
    return {k: v for k, v in os.environ.items() if not k.startswith("PARK_DIGEST_") and k not in MAKE_VARIABLES}


def make(project: Path, *args: str, env: dict | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    run_env = user_environment()
    run_env.update({"CACHE_DIR": str(project / ".cache")}, **(env or {}))
    return subprocess.run(["make", "-s", f"VENV={VENV}", *args], cwd=project, env=run_env,
                          capture_output=True, text=True, timeout=timeout)
