"""The one place that owns the store's schema.

Migrations are numbered and applied in order with sqlite-utils' ``Migrations``; each runs in its own
transaction and is recorded in ``_sqlite_migrations``. ``PRAGMA user_version`` mirrors the number of the
last one applied, so ``SCHEMA_VERSION`` is a plain integer a person can check with the sqlite3 shell.

Never edit a migration that has shipped: add a new one. ``tests/test_store.py`` upgrades a file from
every earlier version to the newest.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from crosspost.store.versions import MIGRATION_NAMES, MIGRATION_SET

migrations = Migrations(MIGRATION_SET)


def _add_columns(db: Database, table: str, *columns: str) -> None:
    """``ALTER TABLE TABLE ADD COLUMN`` for each column definition of COLUMNS, in order."""
    for column in columns:
        db.execute(f"ALTER TABLE {table} ADD COLUMN {column}")


@migrations(name="0001_foundation")
def _foundation(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE accounts (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL DEFAULT 'tiktok',
            username TEXT NOT NULL,
            display_name TEXT,
            bio TEXT,
            usual_lang TEXT,
            UNIQUE (source, username)
        )"""
    )
    db.execute(
        """
        CREATE TABLE imports (
            id INTEGER PRIMARY KEY,
            account_id INTEGER REFERENCES accounts(id),
            file TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            layout TEXT NOT NULL,
            posts_seen INTEGER NOT NULL DEFAULT 0,
            added INTEGER NOT NULL DEFAULT 0,
            updated INTEGER NOT NULL DEFAULT 0,
            unchanged INTEGER NOT NULL DEFAULT 0,
            warnings TEXT NOT NULL DEFAULT '[]',
            imported_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE posts (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts(id),
            source TEXT NOT NULL DEFAULT 'tiktok',
            created_at TEXT NOT NULL,
            caption TEXT NOT NULL DEFAULT '',
            likes INTEGER,
            collections INTEGER,
            deleted INTEGER NOT NULL DEFAULT 0,
            deleted_at TEXT,
            sound TEXT,
            location TEXT,
            add_yours_text TEXT,
            alt_text TEXT,
            cover_url TEXT,
            privacy TEXT NOT NULL DEFAULT '{}',
            import_id INTEGER REFERENCES imports(id),
            updated_at TEXT NOT NULL,
            UNIQUE (account_id, created_at)
        )"""
    )
    db.execute("CREATE INDEX posts_created_at ON posts (created_at DESC)")
    db.execute(
        """
        CREATE TABLE media (
            id INTEGER PRIMARY KEY,
            post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('video', 'image')),
            url TEXT,
            expires_at TEXT,
            path TEXT,
            origin TEXT NOT NULL DEFAULT 'export',
            size INTEGER,
            sha256 TEXT,
            mime TEXT,
            width INTEGER,
            height INTEGER,
            duration REAL,
            UNIQUE (post_id, position)
        )"""
    )
    db.execute("CREATE INDEX media_sha256 ON media (sha256)")
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)")
    db.table("posts").enable_fts(["caption"], create_triggers=True, tokenize="unicode61")


@migrations(name="0002_translations")
def _translations(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE translations (
            id INTEGER PRIMARY KEY,
            post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
            lang TEXT NOT NULL,
            source_lang TEXT NOT NULL,
            text TEXT NOT NULL,
            pack TEXT,
            pack_version TEXT,
            pivot TEXT,
            edited INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (post_id, lang)
        )"""
    )
    db.execute(
        """
        CREATE TABLE translation_memory (
            key TEXT PRIMARY KEY,
            source_lang TEXT NOT NULL,
            target_lang TEXT NOT NULL,
            source_text TEXT NOT NULL,
            text TEXT NOT NULL,
            pack_version TEXT NOT NULL,
            glossary_version INTEGER NOT NULL,
            created_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE glossary (
            id INTEGER PRIMARY KEY,
            source_lang TEXT NOT NULL,
            target_lang TEXT NOT NULL,
            term TEXT NOT NULL,
            translation TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'term' CHECK (kind IN ('term', 'topic')),
            created_at TEXT NOT NULL,
            UNIQUE (source_lang, target_lang, kind, term)
        )"""
    )
    db.table("translations").enable_fts(["text"], create_triggers=True, tokenize="unicode61")


@migrations(name="0003_drafts")
def _drafts(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE drafts (
            id INTEGER PRIMARY KEY,
            post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
            platform TEXT NOT NULL,
            layout TEXT NOT NULL DEFAULT 'bilingual',
            target_lang TEXT,
            status TEXT NOT NULL DEFAULT 'draft'
                CHECK (status IN ('draft', 'ready', 'exported', 'posted')),
            title TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            topics TEXT NOT NULL DEFAULT '[]',
            media TEXT NOT NULL DEFAULT '[]',
            cover TEXT,
            fit TEXT,
            planned_at TEXT,
            notes TEXT NOT NULL DEFAULT '',
            exported_to TEXT,
            posted_at TEXT,
            posted_url TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (post_id, platform)
        )"""
    )
    db.execute(
        """
        CREATE TABLE draft_edits (
            id INTEGER PRIMARY KEY,
            draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
            field TEXT NOT NULL,
            old_value TEXT,
            new_value TEXT,
            edited_at TEXT NOT NULL
        )"""
    )
    db.table("drafts").enable_fts(["title", "body", "topics"], create_triggers=True, tokenize="unicode61")


@migrations(name="0004_media_focus")
def _media_focus(db: Database) -> None:
    # Where the crop window sits when a photo or video is cropped for a platform (0..1 across the
    # free space on each axis; NULL: automatic, toward the busiest region).
    _add_columns(db, "media", "focus_x REAL", "focus_y REAL")


@migrations(name="0005_posts_same_second", transactional=False)
def _posts_same_second(db: Database) -> None:
    # Posts created in the same second are kept apart: a post's identity becomes (account,
    # created_at, seq), seq numbering the posts of one second (0 for the only one, as before).
    # SQLite cannot change a UNIQUE constraint in place, so the table is rebuilt the way SQLite's
    # manual says (foreign keys off, so the rebuild never cascades into media, drafts or
    # translations), keeping every row, id, index and full-text trigger. Its own transaction: the
    # PRAGMA has no effect inside one.
    columns = [row[1] for row in db.execute("PRAGMA table_info(posts)").fetchall()]
    if "seq" in columns:
        return  # rebuilt already; only the record of it was missing
    old_unique = "UNIQUE (account_id, created_at)"
    table_sql = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'posts'").fetchone()[0]
    if old_unique not in table_sql:
        raise RuntimeError("The posts table does not have the expected identity constraint.")
    new_sql = table_sql.replace("CREATE TABLE posts", "CREATE TABLE posts_new", 1).replace(
        old_unique, "seq INTEGER NOT NULL DEFAULT 0,\n            UNIQUE (account_id, created_at, seq)", 1
    )
    dependents = [
        row[0]
        for row in db.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'posts' AND type IN ('index', 'trigger') "
            "AND sql IS NOT NULL"
        )
    ]
    conn = db.conn
    if conn.in_transaction:
        conn.commit()
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        with db.atomic():
            names = ", ".join(f'"{c}"' for c in columns)
            db.execute(new_sql)
            db.execute(f"INSERT INTO posts_new ({names}) SELECT {names} FROM posts")
            db.execute("DROP TABLE posts")
            db.execute("ALTER TABLE posts_new RENAME TO posts")
            for sql in dependents:
                db.execute(sql)
            if db.execute("PRAGMA foreign_key_check").fetchone() is not None:
                raise RuntimeError("Rebuilding the posts table broke a reference.")
    finally:
        conn.execute("PRAGMA foreign_keys = ON")


@migrations(name="0006_user_edits")
def _user_edits(db: Database) -> None:
    # What the user typed is kept over re-imports: the caption in use stays the user's when
    # caption_edited, and TikTok's latest text goes to tiktok_caption (changed_on_tiktok says a
    # newer export brought a different one). Topics and title chosen in the editor belong to the
    # post (NULL: taken from the caption) and reach every draft made from it.
    _add_columns(
        db,
        "posts",
        "caption_edited INTEGER NOT NULL DEFAULT 0",
        "tiktok_caption TEXT",
        "caption_changed_on_tiktok INTEGER NOT NULL DEFAULT 0",
        "user_topics TEXT",
        "user_title TEXT",
    )


@migrations(name="0007_cover_style")
def _cover_style(db: Database) -> None:
    # The title drawn on a draft's cover: the style (NULL: the platform's default; 'none': no text)
    # and the text (NULL or '': the draft's title).
    _add_columns(db, "drafts", "cover_style TEXT", "cover_text TEXT")


@migrations(name="0008_publishing")
def _publishing(db: Database) -> None:
    # Accounts on the platforms Crosspost publishes to (``accounts`` holds the TikTok source
    # accounts). The secret itself is never here: it lives in the OS keyring, or in a user-only
    # file in the data dir when the user opted in (``secret_store``).
    db.execute(
        """
        CREATE TABLE platform_accounts (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            handle TEXT NOT NULL,
            server TEXT NOT NULL,
            did TEXT,
            video_service TEXT,
            secret_store TEXT NOT NULL CHECK (secret_store IN ('keyring', 'file')),
            created_at TEXT NOT NULL,
            UNIQUE (platform, handle)
        )"""
    )
    # One row per record a draft becomes (a thread has several parts). The record key is chosen and
    # stored before the record is created, so a retry after a crash looks the record up instead of
    # posting twice; uploaded blobs are kept for reuse.
    db.execute(
        """
        CREATE TABLE publications (
            id INTEGER PRIMARY KEY,
            draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
            part INTEGER NOT NULL,
            account_id INTEGER REFERENCES platform_accounts(id) ON DELETE SET NULL,
            repo TEXT NOT NULL,
            collection TEXT NOT NULL,
            rkey TEXT NOT NULL,
            text TEXT NOT NULL,
            uri TEXT,
            cid TEXT,
            created_at TEXT NOT NULL,
            posted_at TEXT,
            UNIQUE (draft_id, part)
        )"""
    )
    db.execute(
        """
        CREATE TABLE publish_blobs (
            draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            blob TEXT NOT NULL,
            uploaded_at TEXT NOT NULL,
            PRIMARY KEY (draft_id, path, sha256)
        )"""
    )
    # Per-draft publishing choices: alt text per media item (kept over re-compose), and whether a
    # caption over the platform's limit goes out as a thread.
    db.execute(
        """
        CREATE TABLE draft_alt_texts (
            draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
            media_id INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (draft_id, media_id)
        )"""
    )
    _add_columns(db, "drafts", "thread INTEGER NOT NULL DEFAULT 0", "posted_uri TEXT")


@migrations(name="0009_translation_sentences")
def _translation_sentences(db: Database) -> None:
    # The user's own wording of one sentence of a translation (typed, or an alternative picked).
    # SOURCE is the caption sentence it belongs to, so an edit follows its sentence when the caption
    # changes around it and is dropped from view (not deleted) when that sentence is gone.
    db.execute(
        """
        CREATE TABLE translation_sentences (
            id INTEGER PRIMARY KEY,
            post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
            lang TEXT NOT NULL,
            position INTEGER NOT NULL,
            source TEXT NOT NULL,
            text TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (post_id, lang, position)
        )"""
    )


@migrations(name="0010_post_plan")
def _post_plan(db: Database) -> None:
    # When the user plans to publish a post and their notes on it, set in the editor before or after
    # a draft exists: kept on the post and copied to each draft made from it (and to its drafts that
    # are not posted yet when changed).
    _add_columns(db, "posts", "planned_at TEXT", "notes TEXT")


@migrations(name="0011_captions_to_check")
def _captions_to_check(db: Database) -> None:
    # Before 0006 the window saved an edited caption over TikTok's text with nothing to say it was
    # the user's, so 0006 marked every caption TikTok's (caption_edited = 0, no tiktok_caption) and
    # the next import put TikTok's text back over the edit. Whether a caption is the user's can only
    # be told from TikTok's own text, which is in the export files of the import history, not in the
    # store: the posts whose caption was last written before 0006 are listed here, and the next
    # import settles each one from those files (``crosspost.importing.caption_check``): a caption
    # unlike TikTok's is marked edited, with TikTok's text beside it; when it cannot be told, the
    # user's text is kept and marked edited. Until then nothing overwrites these captions.
    db.execute(
        """
        CREATE TABLE captions_to_check (
            post_id INTEGER PRIMARY KEY REFERENCES posts(id) ON DELETE CASCADE,
            import_id INTEGER
        )"""
    )
    row = db.execute("SELECT applied_at FROM _sqlite_migrations WHERE name = '0006_user_edits'").fetchone()
    # sqlite-utils records "YYYY-MM-DD HH:MM:SS.ffffff+00:00"; imports record "YYYY-MM-DDTHH:MM:SSZ".
    since = str(row[0]).replace(" ", "T")[:19] if row and row[0] else "9999"
    db.execute(
        """
        INSERT INTO captions_to_check (post_id, import_id)
        SELECT p.id, p.import_id FROM posts p LEFT JOIN imports i ON i.id = p.import_id
        WHERE p.caption_edited = 0 AND p.tiktok_caption IS NULL AND p.caption != ''
          AND (i.id IS NULL OR substr(i.imported_at, 1, 19) < ?)""",
        [since],
    )


@migrations(name="0012_written_in_and_gone_links")
def _written_in_and_gone_links(db: Database) -> None:
    # The language the user says a post is written in (NULL: detected from the caption), and when
    # an export link answered 403/404/410 (the file behind it is gone for good; NULL: not known gone).
    _add_columns(db, "posts", "written_in TEXT")
    _add_columns(db, "media", "gone_at TEXT", "gone_status INTEGER")
    # Items the user dropped from a post (a lost file): a later import of the export does not bring
    # the slot back.
    db.execute(
        """
        CREATE TABLE media_dropped (
            post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            url TEXT,
            dropped_at TEXT NOT NULL,
            PRIMARY KEY (post_id, position)
        )"""
    )


# ``versions.py`` names these migrations for the code that opens a store without importing this module.
if tuple(m.name for m in migrations._migrations) != MIGRATION_NAMES:
    raise RuntimeError("crosspost/store/versions.py must list the migrations of schema.py, in order")
