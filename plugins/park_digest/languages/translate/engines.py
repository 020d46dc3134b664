"""Translation engines: deep-translator behind a timeout, retries with backoff and clear errors.

deep-translator does the talking (Google's web endpoint, LibreTranslate's API, MyMemory), but it
calls `requests.get/post` without a timeout, hides the HTTP status inside its own exceptions and
raises KeyError or ValueError on a malformed answer. Engine.translate() adds what a long
unattended run needs: every request has a timeout; 429, 5xx, timeouts and a dropped connection are
retried with exponential backoff; what no retry can fix (a host that does not resolve or answer,
a refused connection, 401/403, a bad URL) is an UnusableEngineError that stops the run at once;
everything else becomes one EngineError naming the cause. Messages are one line and never carry
the request (deep-translator puts the text in the URL).
"""
from __future__ import annotations

import contextlib
import logging
import re
import time
from dataclasses import dataclass, field
from types import ModuleType
from typing import Callable, Iterator, Optional
from urllib.parse import urlsplit

import requests
from deep_translator import GoogleTranslator, LibreTranslator, MyMemoryTranslator
from deep_translator import google as google_module
from deep_translator import libre as libre_module
from deep_translator import mymemory as mymemory_module
from deep_translator.constants import BASE_URLS
from deep_translator.exceptions import (
    AuthorizationException, LanguageNotSupportedException, NotValidLength, NotValidPayload,
    RequestError, ServerException, TooManyRequests, TranslationNotFound)
from urllib3.exceptions import NewConnectionError

from . import TranslateSettings, TranslateSettingsError
from .reach import host_problem

log = logging.getLogger(__name__)

SENTENCE_END = re.compile(r"(?<=[。！？；!?;])")
CLAUSE_END = re.compile(r"(?<=[，、,])")


class EngineError(Exception):
    """The engine could not translate this unit (after retries, where retrying made sense)."""


class TransientEngineError(EngineError):
    """Worth retrying: rate limited, server error, timeout, connection trouble."""

    def __init__(self, message: str, retry_after: Optional[float] = None):
        super().__init__(message)
        self.retry_after = retry_after


class MalformedAnswerError(EngineError):
    """The server answered, but not with a translation (not retried: it would answer the same)."""


class RejectedError(EngineError):
    """The server refused this request (text too long, unsupported language…)."""


class UnusableEngineError(EngineError):
    """No retry and no other unit can succeed: the host does not resolve or answer, refuses the
    connection or us (401/403), or the URL is wrong. The run stops at once with this line."""


# Connecting takes well under a second to a working server; an engine that cannot be reached is
# reported within CONNECT_TIMEOUT plus DNS_TIMEOUT (the name lookup, which requests cannot bound).
CONNECT_TIMEOUT, DNS_TIMEOUT = 4.0, 4.0


# ---------------------------------------------------------------- requests with a timeout

class TimedRequests:
    """Stands in for the `requests` module inside one deep_translator module during a call.

    It adds the timeout deep-translator never passes (without one a stalled server hangs
    `make translate` forever), reuses one session (keep-alive), and remembers the last
    response so errors can be classified by HTTP status, which deep-translator's exceptions
    lose. Swapping the name inside deep_translator's module confines the change to
    deep-translator's own requests, unlike patching requests.Session for the whole process.
    requests' timeout bounds the connect and each wait for data, not the whole transfer; a
    server trickling bytes could still be slow, which no real engine does.
    """

    def __init__(self, session: requests.Session, timeout: float):
        self.session = session
        self.timeout = timeout
        self.last: Optional[requests.Response] = None

    def __getattr__(self, name: str):  # exceptions and anything else: the real module
        return getattr(requests, name)

    def request(self, method: str, url: str, **kwargs) -> requests.Response:
        kwargs.setdefault("timeout", (min(self.timeout, CONNECT_TIMEOUT), self.timeout))  # connect, read
        self.last = self.session.request(method, url, **kwargs)
        return self.last

    def get(self, url: str, **kwargs) -> requests.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs) -> requests.Response:
        return self.request("POST", url, **kwargs)


@contextlib.contextmanager
def timed_requests(module: ModuleType, shim: TimedRequests) -> Iterator[TimedRequests]:
    """Let `module` (e.g. deep_translator.libre) use `shim` as its `requests` for one call.

    Process-wide while it lasts, so one engine translates one unit at a time, in one thread.
    """
    original = module.requests
    module.requests = shim
    try:
        yield shim
    finally:
        module.requests = original


# ---------------------------------------------------------------- the engine

@dataclass
class Engine:
    name: str
    settings: TranslateSettings
    translator: object  # a deep_translator BaseTranslator
    module: ModuleType  # the deep_translator module that issues the requests
    max_chars: int  # longest text one request may carry
    url: str = ""  # the server's address, checked once before the first request
    sleep: Callable[[float], None] = time.sleep
    session: requests.Session = field(default_factory=requests.Session)
    reachable: bool = False

    def translate(self, text: str) -> str:
        """English for `text`; long texts go in sentence-sized pieces. Raises EngineError."""
        if not text.strip():
            return text
        self.check_reachable()
        return " ".join(self.translate_piece(piece) for piece in split_text(text, self.max_chars))

    def check_reachable(self) -> None:
        """UnusableEngineError unless the server's host resolves and takes a connection, each
        within its bound; checked once (make translate checks before it reads any seed)."""
        if not self.reachable and self.url:
            problem = host_problem(self.url, min(self.settings.timeout, CONNECT_TIMEOUT), DNS_TIMEOUT)
            if problem:
                raise unreachable(self.name, self.url, problem)
            self.reachable = True

    def translate_piece(self, text: str) -> str:
        tries = self.settings.retries + 1
        for attempt in range(1, tries + 1):
            try:
                return self.request(text)
            except TransientEngineError as exc:
                if attempt == tries:
                    raise EngineError("%s: gave up after %d tries: %s"
                                      % (self.name, tries, exc)) from exc
                wait = self.settings.wait_before_retry(attempt)
                if exc.retry_after is not None:
                    wait = min(self.settings.max_wait, max(wait, exc.retry_after))
                log.info("%s: %s; retry %d/%d in %.2fs", self.name, exc, attempt,
                         self.settings.retries, wait)
                self.sleep(wait)
        raise AssertionError("unreachable")

    def request(self, text: str) -> str:
        """One request, its failures sorted into transient, rejected and malformed."""
        shim = TimedRequests(self.session, self.settings.timeout)
        try:
            with timed_requests(self.module, shim):
                result = self.translator.translate(text)
        except requests.Timeout as exc:
            raise TransientEngineError("no answer within %gs" % self.settings.timeout) from exc
        except requests.exceptions.JSONDecodeError as exc:
            raise MalformedAnswerError("%s: answer is not JSON (HTTP %s): %.80r"
                                       % (self.name, status_of(shim), body_of(shim))) from exc
        except (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
                requests.exceptions.InvalidSchema) as exc:
            raise UnusableEngineError("%s: bad URL %s: check PARK_DIGEST_ENGINE_URL"
                                      % (self.name, self.url)) from exc
        except requests.ConnectionError as exc:
            if cannot_connect(exc):
                raise unreachable(self.name, self.url, "refused the connection") from exc
            raise TransientEngineError("connection lost (%s)" % type(exc).__name__) from exc
        except requests.RequestException as exc:  # a broken stream…
            raise TransientEngineError("connection broken mid-answer (%s)" % type(exc).__name__) from exc
        except TooManyRequests as exc:
            raise TransientEngineError("rate limited (HTTP 429)", retry_after_of(shim)) from exc
        except (ServerException, RequestError) as exc:
            raise classify_status(self.name, shim, exc) from exc
        except AuthorizationException as exc:
            raise not_authorized(self.name, status_of(shim) or 403) from exc
        except (NotValidLength, NotValidPayload) as exc:
            raise RejectedError("%s: text refused: %s" % (self.name, exc.message)) from exc
        except TranslationNotFound as exc:
            raise MalformedAnswerError("%s: no translation in the answer (HTTP %s)"
                                       % (self.name, status_of(shim))) from exc
        except (ValueError, KeyError, TypeError, AttributeError, IndexError, StopIteration) as exc:
            raise MalformedAnswerError("%s: unexpected answer (HTTP %s, %s: %s): %.80r"
                                       % (self.name, status_of(shim), type(exc).__name__, exc,
                                          body_of(shim))) from exc
        if not isinstance(result, str) or not result.strip():
            raise MalformedAnswerError("%s: empty translation (HTTP %s): %.80r"
                                       % (self.name, status_of(shim), body_of(shim)))
        if result.startswith("MYMEMORY WARNING"):  # daily quota: HTTP 200 with a notice as text
            raise UnusableEngineError("%s: %s" % (self.name, " ".join(result[:120].split())))
        return result.strip()

    def close(self) -> None:
        self.session.close()


def status_of(shim: TimedRequests) -> Optional[int]:
    return shim.last.status_code if shim.last is not None else None


def body_of(shim: TimedRequests) -> str:
    return shim.last.text if shim.last is not None else ""


def retry_after_of(shim: TimedRequests) -> Optional[float]:
    value = shim.last.headers.get("Retry-After") if shim.last is not None else None
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:  # an HTTP date: fall back to our own backoff
        return None


def classify_status(name: str, shim: TimedRequests, exc: Exception) -> EngineError:
    status = status_of(shim)
    if status == 429:
        return TransientEngineError("rate limited (HTTP 429)", retry_after_of(shim))
    if status is None or status >= 500:
        return TransientEngineError("server error (HTTP %s)" % status)
    if status in (401, 403):
        return not_authorized(name, status)
    if status in (404, 405):  # the address answers, but it is not the engine's
        return UnusableEngineError("%s: no translation service at this address (HTTP %s): check "
                                   "PARK_DIGEST_ENGINE_URL" % (name, status))
    return RejectedError("%s: request refused (HTTP %s): %.80r" % (name, status, body_of(shim)))


def not_authorized(name: str, status: int) -> UnusableEngineError:
    return UnusableEngineError("%s: not authorized (HTTP %s): check PARK_DIGEST_ENGINE_API_KEY"
                               % (name, status))


def cannot_connect(exc: requests.ConnectionError) -> bool:
    """The connection was never made (name not resolved, refused, no route), as opposed to
    one dropped mid-answer, which a retry may fix."""
    reason = getattr(exc.args[0], "reason", None) if exc.args else None
    return isinstance(reason, NewConnectionError)  # NameResolutionError is one too


def unreachable(name: str, url: str, what: str) -> UnusableEngineError:
    host = urlsplit(url).netloc or url
    hint = "is the server running? check PARK_DIGEST_ENGINE_URL" if name == "libretranslate" \
        else "check the network"
    return UnusableEngineError("%s: %s %s: %s" % (name, host, what, hint))


def split_text(text: str, max_chars: int) -> list[str]:
    """Pieces of at most max_chars: cut after sentences, oversized sentences after clauses,
    and only what is still too long anywhere; then packed greedily back together."""
    if len(text) <= max_chars:
        return [text]
    parts = [text]
    for pattern in (SENTENCE_END, CLAUSE_END):
        parts = [p for part in parts
                 for p in (pattern.split(part) if len(part) > max_chars else [part]) if p]
    parts = [part[i:i + max_chars] for part in parts for i in range(0, len(part), max_chars)]
    pieces = [parts[0]]
    for part in parts[1:]:
        if len(pieces[-1]) + len(part) <= max_chars:
            pieces[-1] += part
        else:
            pieces.append(part)
    return pieces


# ---------------------------------------------------------------- construction

# deep-translator checks lengths as `len(text) < max_chars`; stay one below.
GOOGLE_MAX, MYMEMORY_MAX, LIBRE_MAX = 4999, 499, 4999
MYMEMORY_TARGETS = {"en": "en-GB"}  # MyMemory wants a regional code


def make_engine(settings: TranslateSettings) -> Engine:
    try:
        if settings.engine == "google":
            translator = GoogleTranslator(source="zh-CN", target=settings.target)
            return Engine("google", settings, translator, google_module, GOOGLE_MAX,
                          BASE_URLS["GOOGLE_TRANSLATE"])
        if settings.engine == "libretranslate":
            url = settings.url.rstrip("/") + "/"  # deep-translator appends "translate"
            # deep-translator insists on an API key, but a self-hosted server needs none:
            # construct with a stand-in, then clear it so no api_key is sent.
            translator = LibreTranslator(source="zh", target=settings.target, custom_url=url,
                                         api_key=settings.api_key or "none")
            translator.api_key = settings.api_key
            return Engine("libretranslate", settings, translator, libre_module, LIBRE_MAX, url)
        if settings.engine == "mymemory":
            target = MYMEMORY_TARGETS.get(settings.target, settings.target)
            translator = MyMemoryTranslator(source="zh-CN", target=target)
            return Engine("mymemory", settings, translator, mymemory_module, MYMEMORY_MAX,
                          BASE_URLS["MYMEMORY"])
    except LanguageNotSupportedException as exc:
        raise TranslateSettingsError("%s does not support target language %r"
                                     % (settings.engine, settings.target)) from exc
    raise TranslateSettingsError("unknown translation engine %r" % settings.engine)
