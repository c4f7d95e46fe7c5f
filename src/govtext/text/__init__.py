"""Preparing the text: normalized view, reading files, document structure."""
