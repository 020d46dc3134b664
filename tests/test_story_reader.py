"""The generated stories are read directly, with Pelican's fields as Markdown gives them and
the story's data (StoryMeta) whole."""
import re

import pytest
from pelican.readers import MarkdownReader
from pelican.settings import read_settings

from conftest import ROOT, build_site
from park_digest.stories.markdown import read_meta, read_story
from park_digest.stories.reader import StoryReader


def _between_tags(html: str) -> str:
    return re.sub(r">\s+<", "><", html.strip())


def test_story_reader_matches_markdown_on_every_generated_story(tmp_path):
    build_site(tmp_path)
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(tmp_path / "content")})
    markdown, direct = MarkdownReader(settings), StoryReader(settings)
    stories = sorted((tmp_path / "content" / "stories").rglob("*.md"))
    assert len(stories) >= 45
    for path in stories:
        assert read_story(path.read_text(encoding="utf-8")) is not None, path  # the direct path
        md_content, md_meta = markdown.read(str(path))
        content, meta = direct.read(str(path))
        assert meta.pop("digest") == read_meta(md_meta.pop("digest")), path
        assert meta == md_meta and type(meta["date"]) is type(md_meta["date"]), path
        assert _between_tags(content) == _between_tags(md_content), path


def test_other_markdown_is_left_to_markdown(tmp_path):
    stories = tmp_path / "content" / "stories" / "zh-Hans"
    stories.mkdir(parents=True)
    (stories / "note.md").write_text("Title: 说明\nSlug: note\nSummary: *重要*\n\n一段 **Markdown** 文字。\n",
                                     encoding="utf-8")
    (stories / "plain.md").write_text("Title: 说明\nSlug: plain\n\n一段 **Markdown** 文字。\n", encoding="utf-8")
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(tmp_path / "content")})
    for name in ("note.md", "plain.md"):
        content, meta = StoryReader(settings).read(str(stories / name))
        assert "<strong>Markdown</strong>" in content
    assert "<em>重要</em>" in StoryReader(settings).read(str(stories / "note.md"))[1]["summary"]
    assert read_story('Title: x\n\n<p>ok</p>\n') is None


def test_a_story_file_that_is_not_as_written_is_an_error_not_markdown():
    """Read as Markdown, its Digest would be a string every page then trips over."""
    with pytest.raises(ValueError, match="not a line of a story file"):
        read_story('Title: x\nDigest: {}\n\n<p>ok</p>\n\n*not html*\n')
