"""The fixed sets of values the core speaks in, spelled once.

``StrEnum`` members compare equal to their strings, so the store's TEXT columns and the JSON shapes
keep the plain words (``"draft"``, ``"crop"``) while code gets one name per value and a checked list.
"""

from __future__ import annotations

import enum

from crosspost.errors import InvalidChoice


class _Choice(enum.StrEnum):
    @classmethod
    def parse(cls, value: object, field: str):  # type: ignore[no-untyped-def]
        """VALUE as a member, or InvalidChoice naming the valid ones."""
        try:
            return cls(str(value))
        except ValueError:
            raise InvalidChoice(field, value, [m.value for m in cls]) from None

    @classmethod
    def values(cls) -> list[str]:
        return [m.value for m in cls]


class DraftStatus(_Choice):
    DRAFT = "draft"
    READY = "ready"
    EXPORTED = "exported"
    POSTED = "posted"


class Fit(_Choice):
    """How media of another shape is made to fit the platform's frame."""

    CROP = "crop"
    PAD = "pad"
    BLUR = "blur"


class Layout(_Choice):
    """Which text a draft's body shows: the caption, its translation, or both."""

    ORIGINAL = "original"
    TRANSLATED = "translated"
    BILINGUAL = "bilingual"

    @property
    def needs_translation(self) -> bool:
        return self is not Layout.ORIGINAL


class ProblemLevel(_Choice):
    ERROR = "error"  # blocks export
    WARNING = "warning"  # informs


class MediaKind(_Choice):
    VIDEO = "video"
    IMAGE = "image"
