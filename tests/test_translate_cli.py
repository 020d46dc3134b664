import pytest

from park_digest.languages.translate.cli import main_translate
from park_digest.languages.translate.memory import load_memory
from park_digest.languages.translate.store import memory_lock
from park_digest.languages.translate.units import story_units

from libretranslate_stub import libretranslate, no_network  # noqa: F401  (fixtures)
from translate_helpers import PARAGRAPHS, SEED, make_story

pytestmark = pytest.mark.usefixtures("no_network")


def provider():
    return {SEED: story_units(make_story())}


def args(root, stub, *extra):
    return ["--engine", "libretranslate", "--url", stub.url, "--root", str(root), "--timeout",
            "0.3", "--backoff", "0.01", "--no-progress", *extra]


def test_cli_translates_and_summarises(tmp_path, libretranslate, capsys):
    assert main_translate(args(tmp_path, libretranslate), provider) == 0
    out = capsys.readouterr().out
    assert "translated by libretranslate" in out and "0 still missing" in out
    found = load_memory(tmp_path, "en").lookup(PARAGRAPHS[0])
    assert found.status == "machine" and "AstraZeneca" in found.text


def test_cli_reports_failures_with_exit_1(tmp_path, libretranslate, capsys):
    libretranslate.default = "500"
    code = main_translate(args(tmp_path, libretranslate, "--retries", "0", "--max-failures", "2"),
                          provider)
    assert code == 1
    out = capsys.readouterr().out
    assert "failed %s:3" % SEED in out and "run again later" in out


def test_cli_refuses_while_another_run_holds_the_lock(tmp_path, libretranslate, capsys):
    with memory_lock(tmp_path):
        assert main_translate(args(tmp_path, libretranslate), provider) == 2
    assert "another translation run" in capsys.readouterr().err
    assert libretranslate.received == []


def test_cli_sync_only_needs_no_engine(tmp_path, capsys):
    assert main_translate(["--root", str(tmp_path), "--sync-only"], provider) == 0
    assert "new units" in capsys.readouterr().out
    assert load_memory(tmp_path, "en").lookup(PARAGRAPHS[0]).status == "missing"


def test_cli_bad_settings_exit_2(tmp_path, capsys):
    assert main_translate(["--engine", "libretranslate", "--root", str(tmp_path)], provider) == 2
    assert "needs a server URL" in capsys.readouterr().err


def test_cli_api_key_from_environment(tmp_path, libretranslate, monkeypatch):
    monkeypatch.setenv("PARK_DIGEST_ENGINE_API_KEY", "k3y")
    assert main_translate(args(tmp_path, libretranslate), provider) == 0
    assert libretranslate.received[0]["api_key"] == "k3y"


def test_cli_names_a_broken_po_file(tmp_path, capsys):
    broken = tmp_path / "translations" / "en" / "000_68498c843cd78d0e.po"
    broken.parent.mkdir(parents=True)
    broken.write_text('msgid "a"\nmsgstr "b"\nmsgstr "c"\n', encoding="utf-8")
    before = broken.read_bytes()
    assert main_translate(["--root", str(tmp_path), "--sync-only"], provider) == 1
    assert f"{broken}: line 3: not a valid PO file" in capsys.readouterr().err
    assert broken.read_bytes() == before  # rewriting it would lose what it holds
    assert (broken.parent / "common.po").exists()  # the rest is synced


def test_cli_unreachable_engine_stops_at_once_with_one_line(tmp_path, capsys):
    import socket
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    argv = ["--engine", "libretranslate", "--url", "http://127.0.0.1:%d/" % port, "--root", str(tmp_path),
            "--backoff", "30", "--no-progress"]
    called = []
    assert main_translate(argv, lambda: called.append(1) or provider()) == 2
    assert not called  # the engine is checked before any seed is read
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        "translate: stopped: libretranslate: 127.0.0.1:%d refused the connection: is the server "
        "running? check PARK_DIGEST_ENGINE_URL" % port]
    assert load_memory(tmp_path, "en").lookup(PARAGRAPHS[0]).status == "missing"


def test_cli_api_key_from_the_site_settings(tmp_path, libretranslate):
    assert main_translate(args(tmp_path, libretranslate), provider, api_key="from-conf") == 0
    assert libretranslate.received[0]["api_key"] == "from-conf"
