"""Measuring Park Digest: the bench (make bench), its synthetic corpus, and scores against the
hand annotations (eval_parse, eval_facts). Not part of the plugin."""
