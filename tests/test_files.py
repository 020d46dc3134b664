"""Cache entries and manifests are replaced atomically (files.replace_file)."""
import itertools
import os

from park_digest.build import files


def test_a_file_is_replaced_whole_with_the_usual_permissions(tmp_path):
    path = tmp_path / "new" / "folder" / "a.md"
    files.replace_file(path, b"first")
    files.replace_file(path, b"second")
    assert path.read_bytes() == b"second"
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's owner-only 0600
    assert [p.name for p in path.parent.iterdir()] == ["a.md"]  # no temporary file left


def test_a_temporary_file_left_by_an_earlier_process_is_stepped_over(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "_TEMPORARY", itertools.count())
    stale = tmp_path / f".tmp-{os.getpid()}-0"
    stale.write_bytes(b"from a process that had this id and died")
    files.replace_file(tmp_path / "a.md", b"text")
    assert (tmp_path / "a.md").read_bytes() == b"text" and stale.exists()
