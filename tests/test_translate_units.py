from park_digest.languages.translate.units import Unit, story_units

from translate_helpers import SEED, make_story


def test_units_in_reading_order_with_refs():
    units = story_units(make_story())
    kinds = [u.kind for u in units]
    assert kinds == ["title", "park_name", "heading", "paragraph", "paragraph", "paragraph",
                     "caption", "fact_label"]
    assert units[0] == Unit("青岛高新区高质量发展动能澎湃", "title", SEED + ":3")
    assert (units[1].msgid, units[1].house) == ("青岛高新区", "Qingdao Hi-Tech Zone")
    assert units[2].ref == SEED + ":7"
    assert units[3].ref == SEED + ":9"
    # the fact's block 1 is the first paragraph: the label points at its line
    assert units[-1] == Unit("项目投资总额", "fact_label", SEED + ":9")  # no house label in this story
    assert all(u.house is None for u in units if u.kind not in ("park_name", "fact_label"))


def test_untitled_story_without_park_skips_empty_units():
    story = make_story(title=None)
    story.park = None
    story.captions = ["  "]
    story.facts[0].label_zh = ""
    story.facts[0].block = "title"
    kinds = [u.kind for u in story_units(story)]
    assert kinds == ["heading", "paragraph", "paragraph", "paragraph"]
