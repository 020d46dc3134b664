"""Pelican's writer, taught to leave alone what has not changed.

- A page whose HTML is unchanged is not rewritten, so a rebuild touches only the pages that
  changed (and the search index sees the same files).
- A page whose inputs are unchanged (render manifest, renders.py) is not even rendered: for a
  story, its source file and those of its translations; for the digest's own pages, what
  pages.py passes as `render_inputs`. With the theme, the settings and the code in every key.
- The pages to render are collected and rendered together (`render_pending`, which pages.py
  calls once the last of them is known), shared between processes (forked.py): rendering is
  the largest part of a build, and Pelican's loop over the stories runs on one core.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

import jinja2
import pelican
from pelican import signals
from pelican.utils import sanitised_join
from pelican.writers import Writer

from ..build.cache import code_version
from ..build.files import ChangedOnlyFile, folder_for, write_if_changed
from ..build.forked import run_shared
from .renders import RenderManifest, file_digest, site_key
from ..settings import load_settings
from .content import with_translations

RENDER_INPUTS = "render_inputs"  # write_file keyword: a string naming everything the page shows
# Below this many pages, forking costs more than sharing the renders saves (with the default
# PARK_DIGEST_WORKERS = 0; a number set there is used for any site).
MIN_SHARED_RENDERS = 200


@dataclass
class PendingRender:
    """A write_file call kept for render_pending: Pelican's arguments, and the manifest key."""
    name: str
    target: str
    key: str
    template: Any
    context: dict
    args: tuple  # relative_urls, paginated, template_name, override_output, url
    kwargs: dict


class DigestWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings)
        self._digests: dict[str, str] = {}
        self._manifest: RenderManifest | None = None
        self._pending: dict[str, PendingRender] = {}  # by target
        self._workers = load_settings(self.settings).workers if settings else 1
        self._deferring = self._workers != 1  # until render_pending: later pages are written at once

    # -- inputs ------------------------------------------------------------------------------

    def source_digest(self, path: str) -> str:
        if path not in self._digests:
            self._digests[path] = file_digest(path)
        return self._digests[path]

    def content_inputs(self, items: Iterable[Any]) -> str:
        """The source files of these contents (path and bytes): all their pages can show."""
        return "\n".join(sorted(f"{item.source_path}\0{self.source_digest(item.source_path)}"
                                for item in items))

    @property
    def manifest(self) -> RenderManifest:
        if self._manifest is None:  # first use: the settings are complete by then
            digest = load_settings(self.settings)
            key = site_key(self.settings, [Path(self.settings["THEME"])],
                           [code_version(), pelican.__version__, jinja2.__version__])
            path = digest.cache_dir / "renders" / f"{folder_for(self.output_path)}.json"
            self._manifest = RenderManifest.load(path, key)
        return self._manifest

    def save_render_manifest(self) -> None:
        if self._manifest is not None:
            self._manifest.save()

    # -- writing -----------------------------------------------------------------------------

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
        if target in self._pending:
            self.render_pending()  # the same page again: Pelican's rules, in the order of the calls
        key = self._key(name, template, relative_urls, inputs)
        if self._keep(name, target, key, context):
            return None
        pending = PendingRender(name, target, key, template, context,
                                (relative_urls, paginated, template_name, override_output, url), kwargs)
        if self._deferring and target not in self._written_files and target not in self._overridden_files:
            self._pending[target] = pending
            return None
        result = self._write_page(pending)
        if os.path.isfile(target):
            self.manifest.record(name, key, target)
        return result

    def fresh(self, name: str, template, context: dict, relative_urls: bool, inputs: str) -> bool:
        """The page on disk is what rendering it would give (the render manifest): it counts as
        written. For a caller whose page context costs something to make."""
        target = sanitised_join(self.output_path, name)
        return target not in self._pending and \
            self._keep(name, target, self._key(name, template, relative_urls, inputs), context)

    def _key(self, name: str, template, relative_urls: bool, inputs: str) -> str:
        return self.manifest.key(name, template.name, str(bool(relative_urls)), inputs)

    def _keep(self, name: str, target: str, key: str, context: dict) -> bool:
        if target not in self._written_files and self.manifest.fresh(name, key, target):
            self._written_files.add(target)
            signals.content_written.send(target, context=context)
            return True
        return False

    def render_pending(self, meanwhile: Callable[[], None] | None = None) -> None:
        """Render the pages write_file kept, shared between processes when there are many;
        `meanwhile` runs in this process while the others start. Then, here, as if this process
        had rendered them all: the pages written, the manifest entries and content_written (which
        the other processes do not send, lest a receiver act twice). Pages written after this
        are written at once."""
        jobs, self._pending, self._deferring = list(self._pending.values()), {}, False
        workers = self._workers
        if not workers:
            workers = (os.cpu_count() or 1) if len(jobs) >= MIN_SHARED_RENDERS else 1
        elsewhere = run_shared(jobs, self._write_page, workers, signals.content_written.muted, meanwhile)
        for job in elsewhere:
            self._written_files.add(job.target)
            if job.args[3]:  # override_output
                self._overridden_files.add(job.target)
            signals.content_written.send(job.target, context={**job.context, **job.kwargs})
        for job in jobs:
            if os.path.isfile(job.target):
                self.manifest.record(job.name, job.key, job.target)

    def _write_page(self, job: PendingRender):
        return super().write_file(job.name, job.template, job.context, *job.args, **job.kwargs)

    def write_text(self, name: str, make: Callable[[], str | None], inputs: str) -> None:
        """A file the digest builds itself (feed, data download, sitemap): `make` runs only when
        `inputs` changed or the file did."""
        target = sanitised_join(self.output_path, name)
        key = self.manifest.key(name, "text", inputs)
        if self.manifest.fresh(name, key, target):
            return
        text = make()
        if text is None:
            return
        write_if_changed(Path(target), text.encode("utf-8"))
        self.manifest.record(name, key, target)

    def _open_w(self, filename, encoding, override=False):
        """As Pelican's, but through ChangedOnlyFile. The checks against writing a file twice are
        Pelican's own (Writer._open_w), repeated because that method opens the file itself."""
        if filename in self._overridden_files or (filename in self._written_files and not override):
            return super()._open_w(filename, encoding, override)  # Pelican skips or refuses
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return ChangedOnlyFile(Path(filename), encoding)
