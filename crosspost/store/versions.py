"""The store's schema version and its migrations' names, known without importing the migrations
(``schema.py``, which needs sqlite-utils): opening a store that is already at this version, as every
start of the window does, reads ``PRAGMA user_version`` and compares. ``schema.py`` checks at import
that its migrations are exactly these, in this order, so the two can't drift apart."""

from __future__ import annotations

MIGRATION_SET = "crosspost"  # the migration set's name in ``_sqlite_migrations``

MIGRATION_NAMES: tuple[str, ...] = (
    "0001_foundation",
    "0002_translations",
    "0003_drafts",
    "0004_media_focus",
    "0005_posts_same_second",
    "0006_user_edits",
    "0007_cover_style",
    "0008_publishing",
    "0009_translation_sentences",
    "0010_post_plan",
    "0011_captions_to_check",
    "0012_written_in_and_gone_links",
)
SCHEMA_VERSION = len(MIGRATION_NAMES)
