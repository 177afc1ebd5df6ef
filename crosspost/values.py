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


class GlossaryKind(_Choice):
    """A glossary entry: a term the translator keeps as the user wrote it, or a hashtag → topic mapping."""

    TERM = "term"
    TOPIC = "topic"


class ProblemCode(_Choice):
    """What a preflight or compose problem is about; a face words it from the code and its facts.

    The values are the ``code`` strings of the JSON shapes."""

    TITLE_TOO_LONG = "title_too_long"  # used, unit, limit, platform
    BODY_TOO_LONG = "body_too_long"  # used, unit, limit, platform
    TITLE_EMPTY = "title_empty"  # platform
    TOO_MANY_TOPICS = "too_many_topics"  # count, limit, platform
    NO_TRANSLATION = "no_translation"  # layout, lang
    DOUBTFUL_SENTENCES = "doubtful_sentences"  # count
    EXTERNAL_LINK = "external_link"  # platform
    TIKTOK_NAMES = "tiktok_names"  # names, platform
    TAGS_TOO_LONG = "tags_too_long"  # used, limit, platform
    THREAD = "thread"  # parts
    NO_ALT_TEXT = "no_alt_text"  # media (1-based numbers), platform
    NO_MEDIA = "no_media"
    TOO_MANY_PHOTOS = "too_many_photos"  # count, allowed, platform
    NO_VIDEOS = "no_videos"  # platform
    VIDEO_TOO_LONG = "video_too_long"  # seconds, max_seconds, platform
    NOT_RENDERED = "not_rendered"  # platform
    FILE_TOO_LARGE = "file_too_large"  # file, size, max_size (bytes), platform
    WRONG_ASPECT = "wrong_aspect"  # file, width, height, aspects, platform
    TITLE_SHORTENED = "title_shortened"  # limit, unit, platform
    TOPICS_LEFT_OUT = "topics_left_out"  # limit, topics, platform
    COVER_TEXT_UNDRAWABLE = "cover_text_undrawable"  # blank (nothing drawn), missing (characters), more

    @property
    def level(self) -> ProblemLevel:
        return ProblemLevel.WARNING if self in _WARNINGS else ProblemLevel.ERROR

    @property
    def field(self) -> str:
        """The draft field the problem is about."""
        return _FIELDS.get(self, "media")


_WARNINGS = frozenset(
    {
        ProblemCode.TITLE_EMPTY,
        ProblemCode.DOUBTFUL_SENTENCES,
        ProblemCode.EXTERNAL_LINK,
        ProblemCode.TIKTOK_NAMES,
        ProblemCode.THREAD,
        ProblemCode.NO_ALT_TEXT,
        ProblemCode.TITLE_SHORTENED,
        ProblemCode.TOPICS_LEFT_OUT,
        ProblemCode.COVER_TEXT_UNDRAWABLE,
    }
)
_FIELDS = {
    ProblemCode.TITLE_TOO_LONG: "title",
    ProblemCode.TITLE_EMPTY: "title",
    ProblemCode.TITLE_SHORTENED: "title",
    ProblemCode.TOO_MANY_TOPICS: "topics",
    ProblemCode.TOPICS_LEFT_OUT: "topics",
    ProblemCode.NO_ALT_TEXT: "alt_text",
    ProblemCode.COVER_TEXT_UNDRAWABLE: "cover",
    **dict.fromkeys(
        (
            ProblemCode.BODY_TOO_LONG,
            ProblemCode.NO_TRANSLATION,
            ProblemCode.DOUBTFUL_SENTENCES,
            ProblemCode.EXTERNAL_LINK,
            ProblemCode.TIKTOK_NAMES,
            ProblemCode.TAGS_TOO_LONG,
            ProblemCode.THREAD,
        ),
        "body",
    ),
}
