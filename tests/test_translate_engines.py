import time

import pytest

from park_digest.languages.translate import TranslateSettings, TranslateSettingsError
from park_digest.languages.translate.engines import EngineError, MalformedAnswerError, make_engine, split_text

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


def test_connection_refused_is_retried_then_reported():
    import socket
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    engine = make_engine(TranslateSettings(engine="libretranslate", url="http://127.0.0.1:%d" % port,
                                           retries=1, backoff=0.01, timeout=0.5))
    with pytest.raises(EngineError, match="gave up after 2 tries: connection failed"):
        engine.translate("甲")


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
