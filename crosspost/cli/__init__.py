"""The command-line face of the core: one module per feature (see main.py)."""
