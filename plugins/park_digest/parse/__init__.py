"""A page → stories: read (decode), normalize, layout (blocks), segment (stories), parks, dates."""
