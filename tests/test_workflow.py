"""The Pages workflow tests before it builds, builds with STRICT=1, caches the virtual
environment, takes SITEURL from the Pages configuration and deploys only what was built from main."""
import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def load():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads the key `on` as true
    return workflow


def runs(job):
    return [step["run"] for step in job["steps"] if "run" in step]


def uses(job, action):
    return [step for step in job["steps"] if step.get("uses", "").startswith(action + "@")]


def test_every_push_and_pull_request_is_tested_first():
    workflow = load()
    assert {"push", "pull_request"} <= set(workflow["on"])
    test, build, deploy = (workflow["jobs"][name] for name in ("test", "build", "deploy"))
    assert runs(test) == ["bash .ci/run"]  # what CI runs: apt packages, then make test
    assert test["container"].startswith("python:3.11-bookworm") and test["env"]["CI"] == "true"
    assert build["needs"] == "test" and deploy["needs"] == "build"
    assert deploy["if"] == "github.event_name != 'pull_request'"


def test_the_site_is_built_strictly_under_the_pages_address():
    build = load()["jobs"]["build"]
    pages = uses(build, "actions/configure-pages")
    assert pages and pages[0]["id"] == "pages"
    commands = runs(build)
    assert all("STRICT=1" in command for command in commands)
    publish = next(command for command in commands if command.startswith("make publish"))
    assert 'SITEURL="${{ steps.pages.outputs.base_url }}"' in publish
    assert not any("pip install" in command for command in commands)  # make installs what it needs
    assert uses(build, "actions/upload-pages-artifact")[0]["with"]["path"] == "output"


def test_the_virtual_environment_is_cached():
    jobs = load()["jobs"]
    for name in ("test", "build"):
        cache = uses(jobs[name], "actions/cache")
        assert cache and cache[0]["with"]["path"] == ".venv"
        assert "hashFiles('requirements*.txt', 'constraints.txt')" in cache[0]["with"]["key"]
    assert "steps.python.outputs.python-version" in uses(jobs["build"], "actions/cache")[0]["with"]["key"]
