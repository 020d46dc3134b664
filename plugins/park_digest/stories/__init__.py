"""Stories as Markdown files: one per story per language, written from the seeds and read back."""
