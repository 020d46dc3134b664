"""A LibreTranslate stand-in on 127.0.0.1 for the translation tests (no real network, ever).

Speaks the API deep-translator uses: POST /translate with q, source, target, format and
api_key (as JSON, a form, or query parameters, which is what deep-translator sends) answering
{"translatedText": ...}; GET /languages. Each request takes the next mode from a queue, then
the default mode:

  ok         200 {"translatedText": "EN(<q>)"}
  slow       sleeps `slow_seconds` (longer than the client timeout), then answers ok
  429        Too Many Requests (with Retry-After: 0)
  500        Internal Server Error
  401, 403   Unauthorized, Forbidden (a wrong or missing API key)
  malformed  200 with a body that is not JSON
  nokey      200 JSON without translatedText
  hold       waits until release() (lets a test kill a client mid-request)
  drop       closes the connection without answering
  truncate   sends the headers and half the body, then closes the connection
  surrogate  200 with a lone surrogate in the translation (as JSON's "\\ud800" decodes)
  invisible  200 with a zero-width space and a right-to-left override in the translation
"""
from __future__ import annotations

import json
import socket
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

LANGUAGES = [{"code": "en", "name": "English", "targets": ["zh"]},
             {"code": "zh", "name": "Chinese", "targets": ["en"]}]


def fake_english(text: str) -> str:
    return "EN(" + text + ")"


class StubLibreTranslate:
    def __init__(self, slow_seconds: float = 1.0):
        self.default = "ok"
        self.modes: deque[str] = deque()
        self.slow_seconds = slow_seconds
        self.received: list[dict] = []  # every /translate request's parameters, in order
        self.released = threading.Event()
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self.handler_class())
        self.server.daemon_threads = True
        self.url = "http://127.0.0.1:%d/" % self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02},
                                       daemon=True)

    def queue(self, *modes: str) -> None:
        self.modes.extend(modes)

    def next_mode(self, params: dict) -> str:
        with self.lock:
            self.received.append(params)
            return self.modes.popleft() if self.modes else self.default

    def translations(self) -> list[str]:
        return [p.get("q", "") for p in self.received]

    def wait_for_requests(self, count: int, timeout: float = 10.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.received) >= count:
                return True
            time.sleep(0.01)
        return False

    def release(self) -> None:
        self.released.set()

    def start(self) -> "StubLibreTranslate":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.release()
        self.server.shutdown()
        self.server.server_close()

    def handler_class(self):
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep pytest output clean
                pass

            def do_GET(self):
                if urlsplit(self.path).path.rstrip("/") == "/languages":
                    self.reply(200, json.dumps(LANGUAGES))
                else:
                    self.reply(404, json.dumps({"error": "Not Found"}))

            def do_POST(self):
                if urlsplit(self.path).path.rstrip("/") != "/translate":
                    return self.reply(404, json.dumps({"error": "Not Found"}))
                params = self.params()
                mode = stub.next_mode(params)
                if mode == "slow":
                    time.sleep(stub.slow_seconds)
                elif mode == "hold":
                    stub.released.wait(30)
                if mode == "drop":
                    self.close_connection = True
                    return self.connection.shutdown(socket.SHUT_RDWR)
                if mode == "truncate":
                    body = json.dumps({"translatedText": fake_english(params.get("q", ""))}).encode()
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body[: len(body) // 2])
                    self.close_connection = True
                    return self.connection.shutdown(socket.SHUT_RDWR)
                if mode == "429":
                    return self.reply(429, json.dumps({"error": "Slowdown"}), {"Retry-After": "0"})
                if mode == "500":
                    return self.reply(500, json.dumps({"error": "boom"}))
                if mode in ("401", "403"):
                    return self.reply(int(mode), json.dumps({"error": "Invalid API key"}))
                if mode == "malformed":
                    return self.reply(200, "<html>not json")
                if mode == "nokey":
                    return self.reply(200, json.dumps({"error": "no translation"}))
                if mode in ("surrogate", "invisible"):
                    junk = "\ud800" if mode == "surrogate" else "\u200b\u202e"
                    english = fake_english(params.get("q", ""))
                    return self.reply(200, json.dumps({"translatedText": english[:3] + junk + english[3:]}))
                if not params.get("q") or params.get("source") != "zh" or params.get("target") != "en":
                    return self.reply(400, json.dumps({"error": "bad request: %r" % params}))
                self.reply(200, json.dumps({"translatedText": fake_english(params["q"])},
                                           ensure_ascii=False))

            def params(self) -> dict:
                query = {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8") if length else ""
                if body and "json" in (self.headers.get("Content-Type") or ""):
                    query.update(json.loads(body))
                elif body:
                    query.update({k: v[0] for k, v in parse_qs(body).items()})
                return query

            def reply(self, status: int, body: str, headers: dict | None = None):
                data = body.encode("utf-8")
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json; charset=utf-8")
                    self.send_header("Content-Length", str(len(data)))
                    for key, value in (headers or {}).items():
                        self.send_header(key, value)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client timed out
                    pass

        return Handler


@pytest.fixture
def libretranslate():
    stub = StubLibreTranslate().start()
    try:
        yield stub
    finally:
        stub.stop()


LOCAL_HOSTS = ("127.0.0.1", "::1", "localhost")


@pytest.fixture
def no_network(monkeypatch):
    """Make any attempt to reach beyond 127.0.0.1 fail loudly (DNS lookups included)."""
    import socket

    real_getaddrinfo, real_connect = socket.getaddrinfo, socket.socket.connect

    def getaddrinfo(host, *args, **kwargs):
        if host not in LOCAL_HOSTS:
            raise RuntimeError("test tried to resolve %r: tests must stay on 127.0.0.1" % host)
        return real_getaddrinfo(host, *args, **kwargs)

    def connect(sock, address):
        if isinstance(address, tuple) and address[0] not in LOCAL_HOSTS:
            raise RuntimeError("test tried to connect to %r: tests must stay on 127.0.0.1" % (address,))
        return real_connect(sock, address)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)
