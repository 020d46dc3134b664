"""pypinyin, loaded on first use: its dictionaries take a third of a second to load, on every
build, and a build whose seeds all come from the conversion cache never romanizes a name."""
from __future__ import annotations


def lazy_pinyin(text: str, errors: str = "default") -> list[str]:
    """pypinyin.lazy_pinyin in its default (plain, toneless) style."""
    import pypinyin
    return pypinyin.lazy_pinyin(text, errors=errors)
