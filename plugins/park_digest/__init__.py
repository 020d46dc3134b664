"""Park Digest: Chinese newspaper pages about high-tech parks → a trilingual Pelican site."""
from pelican import signals

from . import hooks


def register():
    signals.initialized.connect(hooks.check_settings)
    signals.initialized.connect(hooks.separate_pelican_cache)
    signals.initialized.connect(hooks.exit_without_collecting)
    signals.initialized.connect(hooks.collect_garbage_less)
    signals.readers_init.connect(hooks.use_story_reader)
    signals.article_generator_init.connect(hooks.write_stories)
    signals.content_object_init.connect(hooks.attach_story_data)
    signals.generator_init.connect(hooks.add_template_globals)
    signals.page_generator_finalized.connect(hooks.drop_unpublished_pages)
    signals.get_generators.connect(hooks.get_generators)
    signals.all_generators_finalized.connect(hooks.start_search_index)
    signals.get_writer.connect(hooks.get_writer)
    signals.content_written.connect(hooks.track_written)
