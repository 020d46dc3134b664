"""Park Digest: Chinese newspaper pages about high-tech parks → a trilingual Pelican site."""
from pelican import signals

from .hooks import DigestPlugin

PLUGIN = DigestPlugin()  # one per process; Pelican may call register() again, connecting it once


def register():
    signals.initialized.connect(PLUGIN.initialize)
    signals.readers_init.connect(PLUGIN.use_story_reader)
    signals.article_generator_init.connect(PLUGIN.write_stories)
    signals.generator_init.connect(PLUGIN.add_template_globals)
    signals.page_generator_finalized.connect(PLUGIN.drop_unpublished_pages)
    signals.get_generators.connect(PLUGIN.get_generators)
    signals.all_generators_finalized.connect(PLUGIN.start_search)
    signals.get_writer.connect(PLUGIN.get_writer)
    signals.finalized.connect(PLUGIN.finish)
