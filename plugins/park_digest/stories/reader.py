"""Pelican's Markdown reader, taught to read the generated stories directly."""
from __future__ import annotations

import re

from pelican.readers import MarkdownReader
from pelican.utils import SafeDatetime, pelican_open

from .markdown import DIGEST, read_story


class StoryReader(MarkdownReader):
    """A generated story (stories.markdown.read_story) is read without Markdown, its StoryMeta
    kept whole as the `digest` field; any other Markdown goes through Markdown as usual."""

    def read(self, source_path):
        with pelican_open(source_path) as text:
            try:
                story = read_story(text)
            except ValueError as exc:
                raise ValueError(f"{source_path}: damaged story file ({exc}); run the build again "
                                 "to regenerate it") from exc
        if story is None:
            return super().read(source_path)
        self._source_path = source_path
        metadata = {name: _iso_day(value) or self.process_metadata(name, value) if name == "date"
                    else self.process_metadata(name, value) for name, value in story.headers.items()}
        metadata[DIGEST] = story.meta
        return story.body, metadata


_ISO_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)")


def _iso_day(value: str) -> SafeDatetime | None:
    """What Pelican's date processor (dateutil) makes of a bare ISO day, the form the stories'
    dates are written in, in a twentieth of the time; None for anything else."""
    match = _ISO_DAY.fullmatch(value)
    try:
        return SafeDatetime(*map(int, match.groups())) if match else None
    except ValueError:  # not a day of the calendar: Pelican's processor says so
        return None
