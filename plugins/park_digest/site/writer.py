"""Pelican's writer, taught to leave alone what has not changed and to remove only its own files.

- A page whose inputs are unchanged (renders.RenderManifest) is not even rendered: for a story,
  its source file and those of its translations; for the digest's own pages, what pages.py
  passes as `render_inputs`. The theme, the settings and the code are in every key.
- A page whose HTML is unchanged is not rewritten, so a rebuild touches only what changed.
- At the end (`finish`), every file written is recorded, and those an earlier build wrote and
  this one did not are removed: nothing else in the output is ever deleted.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any, Callable, Iterable

import jinja2
import pelican
from pelican import signals
from pelican.utils import sanitised_join
from pelican.writers import Writer

from ..build.cache import code_version, key
from ..build.files import ChangedOnlyFile, write_if_changed
from .renders import RenderManifest, site_key
from .content import with_translations

logger = logging.getLogger(__name__)
RENDER_INPUTS = "render_inputs"  # write_file keyword: a string naming everything the page shows


class DigestWriter(Writer):
    plugin: Any = None  # the DigestPlugin that made this class (hooks.DigestPlugin.get_writer)

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings)
        self._digests: dict[str, str] = {}
        self._manifest: RenderManifest | None = None
        self._root = os.path.join(os.path.abspath(self.output_path), "")  # with its trailing slash
        if self.plugin is not None:
            self.plugin.writer = self

    def source_digest(self, path: str) -> str:
        if path not in self._digests:
            self._digests[path] = key(Path(path).read_bytes())
        return self._digests[path]

    def content_inputs(self, items: Iterable[Any]) -> str:
        """The source files of these contents (path and bytes): all their pages can show."""
        return "\n".join(sorted(f"{item.source_path}\0{self.source_digest(item.source_path)}"
                                for item in items))

    @property
    def manifest(self) -> RenderManifest:
        if self._manifest is None:  # first use: the settings are complete by then
            site = site_key(self.settings, [Path(self.settings["THEME"])],
                            [code_version(), pelican.__version__, jinja2.__version__])
            path = self.plugin.settings.cache_dir / "renders" / f"{key(os.path.abspath(self.output_path))[:16]}.json"
            self._manifest = RenderManifest.load(path, site)
        return self._manifest

    def _name(self, target: str) -> str:
        """The path under the output folder of a file this writer writes (an absolute path
        below it: a slice, where os.path.relpath's two abspath calls showed in the profile)."""
        root = self._root
        return target[len(root):] if target.startswith(root) else os.path.relpath(target, self.output_path)

    def write_file(self, name, template, context, relative_urls=False, paginated=None,
                   template_name=None, override_output=False, url=None, **kwargs):
        inputs = kwargs.pop(RENDER_INPUTS, None)
        article = kwargs.get("article")
        if inputs is None and article is not None and not paginated:
            inputs = self.content_inputs(with_translations(article))
        if not name or inputs is None:
            return super().write_file(name, template, context, relative_urls, paginated,
                                      template_name, override_output, url, **kwargs)
        target = sanitised_join(self.output_path, name)
        page_key = self.manifest.key(name, template.name, str(bool(relative_urls)), inputs)
        if self._keep(target, page_key, context):
            return None
        result = super().write_file(name, template, context, relative_urls, paginated,
                                    template_name, override_output, url, **kwargs)
        if os.path.isfile(target):
            self.manifest.record(self._name(target), page_key, target)
        return result

    def fresh(self, name: str, template, context: dict, relative_urls: bool, inputs: str) -> bool:
        """The page on disk is what rendering it would give: it counts as written. For a caller
        whose page context costs something to make."""
        target = sanitised_join(self.output_path, name)
        return self._keep(target, self.manifest.key(name, template.name, str(bool(relative_urls)), inputs), context)

    def _keep(self, target: str, page_key: str, context: dict) -> bool:
        if target not in self._written_files and self.manifest.fresh(self._name(target), page_key, target):
            self._written_files.add(target)
            signals.content_written.send(target, context=context)
            return True
        return False

    def write_text(self, name: str, make: Callable[[], str | None], inputs: str) -> None:
        """A file the digest builds itself (feed, data download, sitemap): `make` runs only when
        `inputs` changed or the file did."""
        target = sanitised_join(self.output_path, name)
        page_key = self.manifest.key(name, "text", inputs)
        self._written_files.add(target)
        if self.manifest.fresh(self._name(target), page_key, target):
            return
        text = make()
        if text is None:
            self._written_files.discard(target)
            return
        write_if_changed(Path(target), text.encode("utf-8"))
        self.manifest.record(self._name(target), page_key, target)

    def _open_w(self, filename, encoding, override=False):
        """As Pelican's, but through ChangedOnlyFile. The checks against writing a file twice are
        Pelican's own (Writer._open_w), repeated because that method opens the file itself."""
        if filename in self._overridden_files or (filename in self._written_files and not override):
            return super()._open_w(filename, encoding, override)  # Pelican skips or refuses
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return ChangedOnlyFile(Path(filename), encoding)

    def finish(self) -> None:
        """Record every file written, remove those of an earlier build that this one no longer
        writes, and save the manifest."""
        manifest = self.manifest
        for target in self._written_files:
            name = self._name(target)
            if name not in manifest.kept and os.path.isfile(target):
                manifest.record(name, "", target)
        removed = manifest.remove_stale(Path(self.output_path))
        if removed:
            logger.info("park_digest: removed %d files of an earlier build from %s", removed, self.output_path)
        manifest.save()
