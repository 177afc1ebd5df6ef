"""Reading TikTok "Download your data" exports into the store."""

from crosspost.importing.importer import ImportResult, import_paths

__all__ = ["ImportResult", "import_paths"]
