"""The local SQLite store (sqlite-utils). Schema in ``schema.py``; opening and transactions here."""

from crosspost.store.db import Store, open_store, record, utc_now

__all__ = ["Store", "open_store", "record", "utc_now"]
