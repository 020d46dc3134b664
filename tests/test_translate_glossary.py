import pytest

from park_digest.languages.translate.glossary import (
    Glossary, GlossaryEntry, GlossaryError, apply_glossary_check, load_glossary, protect, restore,
    with_parks)

SAMPLE = ("从阿斯利康的“3年3投”到一跃具身机器人有限公司(以下简称“一跃具身”)的创新落地,"
          "阿斯利康制药（青岛）有限公司在青岛高新区升级“高新贷 2.0”。")


@pytest.fixture(scope="module")
def glossary():
    return load_glossary()


def test_shipped_glossary_loads_and_names_the_seed_parks(glossary):
    by_zh = {e.zh: e for e in glossary.entries}
    assert by_zh["青岛高新区"].en == "Qingdao Hi-Tech Zone"
    assert by_zh["阿斯利康"].en == "AstraZeneca"
    assert by_zh["康复大学"].kind == "institution"
    assert by_zh["高新贷"].kind == "programme"


def test_protect_longest_match_first_and_round_trip(glossary):
    text, mapping = protect(SAMPLE, glossary)
    assert "阿斯利康" not in text and "高新贷" not in text
    assert text.count("[[G0]]") == 1  # AstraZeneca, reused once
    names = set(mapping.values())
    assert {"AstraZeneca", "Yiyue Embodied Robotics Co., Ltd.", "Yiyue Embodied",
            "AstraZeneca Pharmaceutical (Qingdao) Co., Ltd.", "Qingdao Hi-Tech Zone",
            "Gaoxin Loan 2.0"} == names
    english = " | ".join(mapping)  # what a perfect engine would return
    assert restore(english, mapping) == " | ".join(mapping.values())


@pytest.mark.parametrize("mangled", ["[[G0]]", "[[ G0 ]]", "[[g0]]", "【【G0】】", "[G0]", "［［G0］］"])
def test_restore_tolerates_what_engines_do_to_tokens(mangled):
    assert restore("Invest in %s now" % mangled, {"[[G0]]": "AstraZeneca"}) == "Invest in AstraZeneca now"


def test_unknown_placeholder_is_left_and_reported(glossary):
    out = restore("A [[G7]] B", {"[[G0]]": "AstraZeneca"})
    assert out == "A [[G7]] B"
    problems = apply_glossary_check("阿斯利康", out, glossary)
    assert any("AstraZeneca" in p for p in problems)
    assert any("[[G7]]" in p for p in problems)


def test_glossary_check_accepts_consistent_english(glossary):
    assert apply_glossary_check("阿斯利康在青岛高新区", "AstraZeneca in the Qingdao Hi-Tech Zone",
                                glossary) == []


def test_bad_glossary_is_refused(tmp_path):
    path = tmp_path / "g.yml"
    path.write_text("- {zh: 甲, en: A, kind: planet}\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="kind"):
        load_glossary(path)
    path.write_text("- {zh: 甲, en: A, kind: park}\n- {zh: 甲, en: B, kind: park}\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="already listed"):
        load_glossary(path)


def test_empty_glossary_protects_nothing():
    assert protect("阿斯利康", Glossary.of([])) == ("阿斯利康", {})
    assert protect("甲乙", Glossary.of([GlossaryEntry("甲", "A", "park")])) == ("[[G0]]乙", {"[[G0]]": "A"})


def test_gazetteer_parks_join_and_win(glossary):
    from park_digest.model import Park
    parks = [Park("青岛高新区", "Qingdao Hi-tech Park (gazetteer)", "qingdao",
                  aliases=("青岛国家高新区", "青岛高新区")),
             Park("张江高新区", "Zhangjiang Hi-Tech Park", "zhangjiang")]
    merged = with_parks(glossary, parks)
    _, mapping = protect("青岛国家高新区与张江高新区、阿斯利康", merged)
    assert sorted(mapping.values()) == ["AstraZeneca", "Qingdao Hi-tech Park (gazetteer)",
                                        "Zhangjiang Hi-Tech Park"]
    assert len([e for e in merged.entries if e.zh == "青岛高新区"]) == 1
