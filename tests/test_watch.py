"""`make devserver`: a changed seed or PO file wakes Pelican's autoreload."""
import threading
import time

from park_digest.build.watch import MARKER, watch_inputs


def test_a_changed_seed_touches_the_marker_in_the_content_directory(tmp_path):
    seeds, stories = tmp_path / "seeds", tmp_path / "content" / "stories"
    seeds.mkdir()
    (seeds / "a.txt").write_text("旧", encoding="utf-8")
    stop = threading.Event()
    watcher = threading.Thread(target=watch_inputs, args=([seeds, tmp_path / "missing"], stories),
                               kwargs={"stop_event": stop, "debounce": 50, "step": 20}, daemon=True)
    watcher.start()
    marker = stories / MARKER
    deadline = time.monotonic() + 20
    while not marker.exists() and time.monotonic() < deadline:
        (seeds / "a.txt").write_text(f"新 {time.monotonic()}", encoding="utf-8")
        time.sleep(0.3)
    stop.set()
    watcher.join(timeout=10)
    assert marker.exists()
