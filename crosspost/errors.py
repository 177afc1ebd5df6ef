"""Errors a user can act on, as typed values.

Every failure the user can fix (bad input, wrong state) is a ``UserError``. The core says *what* is
wrong in a neutral sentence (``str(error)``) and carries the facts as attributes; it never names a
command, a ``--flag``, a button or a menu. Each face words the remedy its own way:
``crosspost.cli.remedies`` as a command to run, ``crosspost.gui.messages`` as a button or menu to use
(translatable). Anything else escaping is a bug.
"""

from __future__ import annotations

from collections.abc import Sequence


class UserError(Exception):
    """A problem with the input or the state, with a sentence that says what is wrong."""

    exit_code = 1

    def __init__(self, message: str = "") -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class NotFound(UserError):
    """No post/draft/media/account with this ID (or the ID is not a number)."""

    def __init__(self, kind: str, ident: object, *, malformed: bool = False) -> None:
        self.kind, self.ident, self.malformed = kind, ident, malformed
        super().__init__(f"{ident!r} is not a {kind} ID." if malformed else f"There is no {kind} {ident}.")


class NothingGiven(UserError):
    """A command that needs at least one item got none."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        super().__init__(f"Give at least one {kind}.")


class InvalidChoice(UserError):
    """A value outside a fixed set (fit mode, layout, status, platform…)."""

    def __init__(self, field: str, value: object, choices: Sequence[str]) -> None:
        self.field, self.value, self.choices = field, value, list(choices)
        super().__init__(f"Unknown {field} {value!r}: use one of {', '.join(self.choices)}.")


class NoMediaOnDisk(UserError):
    """The post's media is not on this computer yet (links only)."""

    def __init__(self, post_id: int, draft_id: int | None = None) -> None:
        self.post_id, self.draft_id = post_id, draft_id
        what = f"Draft {draft_id}" if draft_id is not None else f"Post {post_id}"
        super().__init__(f"{what} has no media on disk yet.")


class LinksExpired(UserError):
    """The export's signed media links stopped working."""

    def __init__(self, post_id: int | None, expired_at: str | None) -> None:
        self.post_id, self.expired_at = post_id, expired_at
        when = f" on {expired_at[:10]}" if expired_at else ""
        super().__init__(f"The export's media links expired{when}; TikTok no longer serves them.")


class NoTranslation(UserError):
    """A layout that shows a translation, for a post that has none in that language."""

    def __init__(self, post_id: int, lang: str | None, layout: str) -> None:
        self.post_id, self.lang, self.layout = post_id, lang, layout
        if lang:
            super().__init__(f"Post {post_id} has no {lang} translation for the {layout} layout.")
        else:
            super().__init__(f"The {layout} layout needs a target language.")


class NoLanguagePack(UserError):
    """No installed pack (direct or through English) for a language pair."""

    def __init__(self, source: str, target: str) -> None:
        self.source, self.target = source, target
        super().__init__(f"No {source}→{target} language pack is installed.")


class LanguagePackBroken(UserError):
    """An installed pack that cannot be loaded."""

    def __init__(self, source: str, target: str, detail: str) -> None:
        self.source, self.target, self.detail = source, target, detail
        super().__init__(f"The {source}→{target} language pack cannot be loaded ({detail}); reinstall it.")


class IndexUnreachable(UserError):
    """The language-pack index cannot be downloaded (offline, or the server is down)."""

    def __init__(self) -> None:
        super().__init__(
            "The language pack index cannot be reached (are you offline?). Nothing was changed. "
            "Connect and try again, or install a pack you have from its .argosmodel file."
        )


class ModelPairUnknown(UserError):
    """A translation model whose name does not say its language pair, and no pair was given."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(
            f"{name}: its name does not say its language pair (like quickmt-en-zh); name its folder after "
            "the pair, or say the pair. Nothing was installed."
        )


class AlreadyPosted(UserError):
    """A draft already marked posted; doing it again needs an explicit force."""

    def __init__(self, draft_id: int, platform: str, posted_at: str | None) -> None:
        self.draft_id, self.platform, self.posted_at = draft_id, platform, posted_at
        super().__init__(f"Draft {draft_id} was already marked posted on {platform} at {posted_at}.")


class NotRendered(UserError):
    """A draft whose media is not rendered for its platform yet."""

    def __init__(self, draft_id: int, platform: str) -> None:
        self.draft_id, self.platform = draft_id, platform
        super().__init__(f"Draft {draft_id}'s media is not rendered for {platform} yet.")


class ExportBlocked(UserError):
    """Drafts that cannot be exported as they are (nothing was written)."""

    def __init__(self, reasons: Sequence[str], codes: dict[int, str] | None = None) -> None:
        self.reasons = list(reasons)
        self.codes = dict(codes or {})  # draft id → the code of its first problem
        super().__init__("Not exported (nothing was written): " + "; ".join(self.reasons) + ".")


class FolderNotWritable(UserError):
    """A folder the user chose cannot be written to."""

    def __init__(self, path: str, reason: str) -> None:
        self.path, self.reason = path, reason
        super().__init__(f"The folder {path} is not writable ({reason}).")


class TrimNeeded(UserError):
    """A video longer than the platform takes."""

    def __init__(self, seconds: float, max_seconds: float, platform: str) -> None:
        self.seconds, self.max_seconds, self.platform = seconds, max_seconds, platform
        super().__init__(f"The video is {seconds:.0f} s long; {platform} takes at most {max_seconds:.0f} s.")


class EditKept(UserError):
    """The user's own text would be replaced; only an explicit request does that."""

    def __init__(self, what: str, post_id: int) -> None:
        self.what, self.post_id = what, post_id
        super().__init__(f"Post {post_id} has a {what} you edited; it was kept.")


class MediaNotLost(UserError):
    """Dropping a media item that still has its file on this computer."""

    def __init__(self, post_id: int, media_id: int) -> None:
        self.post_id, self.media_id = post_id, media_id
        super().__init__(f"Media {media_id} of post {post_id} is on this computer; only a lost item can be dropped.")


# --- servers on the network (Bluesky sign-in and publishing) ----------------------------------------------

#: What a network call was doing, for the sentences: the ``action`` of the server errors below.
SERVER_ACTIONS = {
    "sign_in": "the sign-in",
    "record": "the record look-up",
    "post": "the new post",
    "upload": "the upload",
    "handle": "the handle look-up",
    "video": "the video upload",
    "other": "a request",
}


def _afterwards(action: str) -> str:
    """What stayed as it was: no account is added by a failed sign-in; a failed publish leaves the draft."""
    return "nothing was stored" if action == "sign_in" else "the draft is unchanged, publish it again later"


class InsecureServer(UserError):
    """A plain http:// server that is not this computer: passwords and tokens only travel over https."""

    def __init__(self, url: str) -> None:
        self.url = url
        https = "https://" + url.split("://", 1)[-1]
        super().__init__(
            f"{url} is a plain http address, and Crosspost sends app passwords and tokens only over "
            f"https (use {https})."
        )


class ServerRedirected(UserError):
    """A server answered with a redirect: Crosspost never sends a password or token to another address."""

    def __init__(self, host: str, target: str, action: str = "other") -> None:
        self.host, self.target, self.action = host, target, action
        super().__init__(
            f"{host} redirected {SERVER_ACTIONS.get(action, 'a request')} to {target}, and Crosspost never sends "
            f"a password or token to another address, so it stopped: {_afterwards(action)}."
        )


class ServerTooSlow(UserError):
    """A server that did not answer within the deadline: slow or stuck, not offline."""

    def __init__(self, host: str, seconds: float, action: str = "other") -> None:
        self.host, self.seconds, self.action = host, seconds, action
        super().__init__(
            f"{host} took the connection but did not answer {SERVER_ACTIONS.get(action, 'a request')} within "
            f"{seconds:.0f} s (the server is too slow or stuck): {_afterwards(action)}."
        )


class AnswerTooLarge(UserError):
    """A server's answer over the size any answer of its kind can have; reading stopped at the cap."""

    def __init__(self, host: str, limit: int, action: str = "other") -> None:
        self.host, self.limit, self.action = host, limit, action
        super().__init__(
            f"{host} sent an answer to {SERVER_ACTIONS.get(action, 'a request')} larger than "
            f"{limit / 1024**2:.0f} MB, so Crosspost stopped reading it: {_afterwards(action)}."
        )


class BadAnswer(UserError):
    """A server answered with something that is not the AT Protocol answer asked for (HTML, other JSON)."""

    def __init__(self, host: str, action: str = "other") -> None:
        self.host, self.action = host, action
        super().__init__(
            f"{host} answered {SERVER_ACTIONS.get(action, 'a request')} with something Crosspost cannot read "
            f"(not a Bluesky server's answer): {_afterwards(action)}."
        )


class Cancelled(Exception):
    """The user cancelled a long job; whatever it did so far was rolled back or kept whole."""


#: Every typed error with sample data: the faces' tests word each of them.
def examples() -> list[UserError]:
    return [
        UserError("Something is wrong with the input."),
        NotFound("post", 7),
        NotFound("draft", "x", malformed=True),
        NotFound("media", 3),
        NothingGiven("post ID"),
        InvalidChoice("fit mode", "zoom", ["crop", "pad", "blur"]),
        NoMediaOnDisk(7),
        NoMediaOnDisk(7, draft_id=2),
        LinksExpired(7, "2024-12-23T10:00:00Z"),
        LinksExpired(None, None),
        NoTranslation(7, "zh", "bilingual"),
        NoTranslation(7, None, "translated"),
        NoLanguagePack("en", "zh"),
        LanguagePackBroken("en", "zh", "bad model"),
        IndexUnreachable(),
        AlreadyPosted(2, "rednote", "2025-01-02T03:04:05Z"),
        NotRendered(2, "RedNote"),
        ExportBlocked(["draft 2: The media is not rendered"], {2: "not_rendered"}),
        FolderNotWritable("/x", "permission denied"),
        TrimNeeded(120, 60, "RedNote"),
        EditKept("translation", 7),
        MediaNotLost(7, 3),
        InsecureServer("http://pds.example"),
        ServerRedirected("bsky.social", "http://other.example", "sign_in"),
        ServerTooSlow("bsky.social", 60, "record"),
        AnswerTooLarge("bsky.social", 4 * 1024**2, "sign_in"),
        BadAnswer("bsky.social", "record"),
        ModelPairUnknown("my-model"),
    ]
