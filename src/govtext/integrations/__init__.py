"""Integrations at the edge: each imports the core, never the reverse."""
