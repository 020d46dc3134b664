import socket
import time

import pytest

from park_digest.languages.translate import TranslateSettings, TranslateSettingsError
from park_digest.languages.translate.engines import (
    EngineError, MalformedAnswerError, UnusableEngineError, make_engine, split_text)

from libretranslate_stub import fake_english, libretranslate, no_network  # noqa: F401  (fixtures)

pytestmark = pytest.mark.usefixtures("no_network")


def engine_for(stub, **overrides):
    options = dict(engine="libretranslate", url=stub.url, timeout=0.3, retries=3,
                   backoff=0.01, backoff_factor=2.0)
    options.update(overrides)
    return make_engine(TranslateSettings(**options))


def test_success_through_deep_translator(libretranslate):
    engine = engine_for(libretranslate)
    assert engine.translate("青岛高新区") == fake_english("青岛高新区")
    sent = libretranslate.received[0]
    assert (sent["source"], sent["target"], sent["format"]) == ("zh", "en", "text")
    assert "api_key" not in sent  # a self-hosted server needs no key: none is sent


def test_api_key_is_sent_when_set(libretranslate):
    engine_for(libretranslate, api_key="secret").translate("甲")
    assert libretranslate.received[0]["api_key"] == "secret"


def test_slow_answer_times_out_then_retry_succeeds(libretranslate):
    libretranslate.queue("slow")
    started = time.monotonic()
    assert engine_for(libretranslate).translate("慢") == fake_english("慢")
    assert len(libretranslate.received) == 2
    assert time.monotonic() - started < libretranslate.slow_seconds  # did not wait it out


def test_429_then_success(libretranslate):
    libretranslate.queue("429", "429")
    assert engine_for(libretranslate).translate("限流") == fake_english("限流")
    assert len(libretranslate.received) == 3


def test_500s_give_up_after_the_configured_tries(libretranslate):
    libretranslate.default = "500"
    with pytest.raises(EngineError, match="gave up after 3 tries.*HTTP 500"):
        engine_for(libretranslate, retries=2).translate("坏")
    assert len(libretranslate.received) == 3


def test_backoff_grows_exponentially(libretranslate):
    libretranslate.default = "500"
    engine = engine_for(libretranslate, retries=3, backoff=0.5, backoff_factor=3.0, max_wait=2.0)
    waits = []
    engine.sleep = waits.append
    with pytest.raises(EngineError):
        engine.translate("坏")
    assert waits == [0.5, 1.5, 2.0]


@pytest.mark.parametrize("mode", ["malformed", "nokey"])
def test_malformed_answer_is_a_clear_error_and_not_retried(libretranslate, mode):
    libretranslate.queue(mode)
    with pytest.raises(MalformedAnswerError, match="libretranslate"):
        engine_for(libretranslate).translate("怪")
    assert len(libretranslate.received) == 1


def test_refused_request_is_not_retried(libretranslate):
    engine = engine_for(libretranslate)
    engine.translator._source = "fr"  # the stub answers 400 to anything but zh -> en
    with pytest.raises(EngineError, match="HTTP 400"):
        engine.translate("甲")
    assert len(libretranslate.received) == 1


def free_port() -> int:
    with socket.socket() as probe:  # a port nobody listens on once it is closed
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_connection_refused_stops_at_once_with_one_line():
    engine = make_engine(TranslateSettings(engine="libretranslate", url="http://127.0.0.1:%d/" % free_port(),
                                           retries=3, backoff=5, timeout=0.5))
    engine.sleep = pytest.fail  # never retried
    with pytest.raises(UnusableEngineError) as caught:
        engine.translate("甲" * 500)
    message = str(caught.value)
    assert message.startswith("libretranslate: 127.0.0.1:") and "refused the connection" in message
    assert "PARK_DIGEST_ENGINE_URL" in message and "\n" not in message and "甲" not in message


def test_server_gone_mid_run_is_not_retried(libretranslate):
    engine = engine_for(libretranslate, retries=3, backoff=5)
    engine.sleep = pytest.fail
    assert engine.translate("甲") == "EN(甲)"
    libretranslate.stop()
    with pytest.raises(UnusableEngineError, match="refused the connection"):
        engine.translate("乙乙乙")


def test_unknown_host_name_stops_at_once(monkeypatch):
    real = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        if host == "translate.invalid":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    engine = make_engine(TranslateSettings(engine="libretranslate", url="http://translate.invalid:5000/"))
    with pytest.raises(UnusableEngineError, match=r"^libretranslate: translate.invalid:5000 is not a "
                                                  r"known host name \(DNS\): is the server running"):
        engine.translate("甲")


def test_host_that_never_answers_fails_within_the_connect_bound():
    """A full listen queue drops new connections: the host takes them and never answers."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(0)
        queued = socket.create_connection(server.getsockname())  # fills the queue
        engine = make_engine(TranslateSettings(engine="libretranslate", timeout=0.5, retries=3,
                                               url="http://127.0.0.1:%d/" % server.getsockname()[1]))
        engine.sleep = pytest.fail
        with pytest.raises(UnusableEngineError, match="did not answer within 0.5s"):
            engine.translate("甲")
        queued.close()


def test_address_that_is_not_an_engine_stops_at_once(libretranslate):
    engine = make_engine(TranslateSettings(engine="libretranslate", url=libretranslate.url + "wrong/"))
    with pytest.raises(UnusableEngineError, match="no translation service at this address \\(HTTP 404\\)"):
        engine.translate("甲")


@pytest.mark.parametrize("status", ["401", "403"])
def test_refused_key_stops_at_once(libretranslate, status):
    libretranslate.default = status
    engine = engine_for(libretranslate, api_key="wrong")
    with pytest.raises(UnusableEngineError, match="not authorized \\(HTTP %s\\): check PARK_DIGEST_ENGINE_API_KEY" % status):
        engine.translate("甲")
    assert len(libretranslate.received) == 1


def test_long_text_goes_in_pieces(libretranslate):
    engine = engine_for(libretranslate)
    engine.max_chars = 6
    assert engine.translate("甲乙丙。丁戊己。") == "EN(甲乙丙。) EN(丁戊己。)"


def test_split_text_keeps_every_character():
    text = "甲乙丙。丁戊己庚，辛壬癸子丑寅卯。辰巳"
    for limit in (3, 5, 8, 100):
        pieces = split_text(text, limit)
        assert "".join(pieces) == text and all(len(p) <= limit for p in pieces)


@pytest.mark.parametrize("options, message", [
    (dict(engine="deepl"), "unknown translation engine"),
    (dict(engine="libretranslate"), "needs a server URL"),
    (dict(engine="libretranslate", url="ftp://x"), "http"),
    (dict(engine="google", url="http://127.0.0.1:1/"), "only used by the libretranslate"),
    (dict(timeout=0), "timeout"),
    (dict(retries=-1), "retries"),
    (dict(backoff_factor=0.5), "backoff_factor"),
])
def test_bad_settings_fail_fast(options, message):
    with pytest.raises(TranslateSettingsError, match=message):
        TranslateSettings(**options)


def test_default_engines_construct_without_network():
    assert make_engine(TranslateSettings()).name == "google"
    assert make_engine(TranslateSettings(engine="mymemory")).name == "mymemory"
    with pytest.raises(TranslateSettingsError, match="does not support"):
        make_engine(TranslateSettings(target="klingon"))


@pytest.mark.parametrize("mode", ["drop", "truncate"])
def test_dropped_connection_is_retried_then_succeeds(libretranslate, mode):
    libretranslate.queue(mode, mode)
    assert engine_for(libretranslate).translate("甲") == "EN(甲)"
    assert len(libretranslate.received) == 3
