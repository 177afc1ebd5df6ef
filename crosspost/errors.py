"""Errors a user can act on, as typed values.

Every failure the user can fix (bad input, wrong state) is a ``UserError``. The core says *what* is
wrong in a neutral sentence (``str(error)``) and carries the facts as attributes; it never names a
command, a ``--flag``, a button or a menu. Each face words the remedy its own way:
``crosspost.cli.remedies`` as a command to run, ``crosspost.gui.messages`` as a button or menu to use
(translatable). Anything else escaping is a bug.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # records and values import this module
    from crosspost.records import Draft, Problem


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
    """Drafts that cannot be exported as they are (nothing was written): each blocked draft with
    the first error of its preflight, and the drafts already posted (with when)."""

    def __init__(self, problems: Mapping[int, Problem], posted: Mapping[int, str | None] | None = None) -> None:
        self.problems = dict(problems)  # draft id → its first error
        self.posted = dict(posted or {})  # draft id → when it was posted
        reasons = [f"draft {did} was already posted on {when}" for did, when in self.posted.items()]
        reasons += [f"draft {did}: {problem.message}" for did, problem in self.problems.items()]
        super().__init__("Not exported (nothing was written): " + "; ".join(reasons) + ".")


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


class DiskFull(UserError):
    """The disk holding a folder Crosspost writes to is full."""

    def __init__(self, folder: str, need_mb: int, free_mb: float | None = None) -> None:
        self.folder, self.need_mb, self.free_mb = folder, need_mb, free_mb
        now = f" (only {free_mb:.0f} MB free now)" if free_mb is not None and free_mb < need_mb else ""
        super().__init__(f"The disk holding {folder} is full{now}: free {need_mb} MB and run it again.")


class ReversePackMissing(UserError):
    """Back-translation needs the reverse pack (zh→en for an en→zh translation)."""

    def __init__(self, source: str, target: str) -> None:
        self.source, self.target = source, target
        super().__init__(
            f"Showing what the translation says needs the {source}→{target} language pack "
            f"(the reverse of the {target}→{source} one); it is not installed."
        )


class WholeEditExists(UserError):
    """The translation is the user's own wording as a whole; a sentence edit would replace it."""

    def __init__(self, post_id: int, lang: str) -> None:
        self.post_id, self.lang = post_id, lang
        super().__init__(
            f"The {lang} translation of post {post_id} is your own wording as a "
            "whole; editing one sentence would replace it with the sentence-by-sentence one."
        )


# --- accounts and publishing -------------------------------------------------------------------------


class NoKeyringError(UserError):
    """No keyring backend works here and the user did not opt in to the file."""

    def __init__(self) -> None:
        super().__init__(
            "No keyring is available on this computer to keep the app password safely, so nothing was stored. "
            "Install and unlock one (GNOME Keyring, KWallet), or allow Crosspost to keep it in a file in its "
            "data folder that only you can read."
        )


class NoAccount(UserError):
    """No account for the platform (or none with that handle)."""

    def __init__(self, platform: str, handle: str | None = None) -> None:
        self.platform, self.handle = platform, handle
        super().__init__(f"There is no {platform} account{' ' + handle if handle else ''} in Crosspost.")


class SeveralAccounts(UserError):
    """Several accounts for the platform and no handle to choose one."""

    def __init__(self, platform: str, handles: list[str]) -> None:
        self.platform, self.handles = platform, handles
        super().__init__(f"There are several {platform} accounts ({', '.join(handles)}) and none was chosen.")


class SecretMissing(UserError):
    """The account's app password is gone from where it was kept."""

    def __init__(self, platform: str, handle: str, where: str) -> None:
        self.platform, self.handle, self.where = platform, handle, where
        super().__init__(
            f"The app password of {handle} is missing from the "
            f"{'keyring' if where == 'keyring' else 'secrets file'}; remove the account and add it again."
        )


class PublishingBusy(UserError):
    """Another publishing run holds the data dir's lock."""

    def __init__(self) -> None:
        super().__init__("Another publishing run is going on for this data folder; try again when it has finished.")


class NoPublishApi(UserError):
    """A draft for a platform Crosspost does not publish to itself (the user uploads the export)."""

    def __init__(self, draft_id: int, platform: str, platform_name: str | None = None) -> None:
        self.draft_id, self.platform = draft_id, platform
        name = platform_name or platform
        super().__init__(f"Crosspost cannot publish to {name} by itself; export the draft and upload it there.")


class NotReadyToPublish(UserError):
    """The draft's preflight has an error; ``problem`` is the first one."""

    def __init__(
        self, problem: Problem, *, draft_id: int, post_id: int, platform: str, lang: str | None, as_thread: bool = False
    ) -> None:
        self.problem, self.draft_id, self.post_id, self.platform, self.lang = problem, draft_id, post_id, platform, lang
        self.as_thread = as_thread  # a thread of replies would carry it
        hint = " Shorten it, or publish it as a thread." if as_thread else ""
        super().__init__(f"Draft {draft_id} is not ready to publish: {problem.message}{hint}")

    @classmethod
    def of(cls, draft: Draft, problem: Problem, *, as_thread: bool = False) -> NotReadyToPublish:
        """For DRAFT, whose first preflight error is PROBLEM."""
        return cls(
            problem,
            draft_id=draft.id,
            post_id=draft.post_id,
            platform=draft.platform,
            lang=draft.target_lang,
            as_thread=as_thread,
        )


class OtherAccount(UserError):
    """A draft whose publishing was started with another account (its record keys live in that repo)."""

    def __init__(self, draft_id: int) -> None:
        self.draft_id = draft_id
        super().__init__(f"Draft {draft_id} was started with another account; publish it with that one.")


class NothingToTranslate(UserError):
    """Alt texts cannot be translated: the layout shows the original only, or there are none yet."""

    def __init__(self, draft_id: int, *, original_layout: bool) -> None:
        self.draft_id, self.original_layout = draft_id, original_layout
        super().__init__(
            f"Draft {draft_id} shows the original caption only; its alt texts stay as they are."
            if original_layout
            else f"Draft {draft_id} has no alt texts to translate yet."
        )


class PublishFailure(enum.StrEnum):
    """What kind of failure a ``PublishError`` is (what a face can word without the server's text)."""

    ERROR = "error"
    OFFLINE = "offline"  # no connection to the server
    RATE_LIMITED = "rate_limited"  # retry_after says until when
    TWO_FACTOR = "2fa"  # the account wants an e-mailed sign-in code
    ACCOUNT = "account"  # taken down
    EMAIL = "email"  # the e-mail address is not confirmed yet
    AUTH = "auth"  # the handle and app password were refused
    MAIN_PASSWORD = "main_password"  # the main password was given instead of an app password
    TOO_LARGE = "too_large"
    SERVER = "server"
    REFUSED = "refused"
    MEDIA = "media"
    VIDEO = "video"


class PublishError(UserError):
    """Publishing failed; the draft stays publishable. ``kind`` is a ``PublishFailure`` value;
    ``retry_after`` (UTC) when rate limited."""

    def __init__(
        self, message: str, *, kind: PublishFailure | str = PublishFailure.ERROR, retry_after: dt.datetime | None = None
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.retry_after = retry_after


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


def _doing(action: str) -> str:
    """What the call was doing, for a server error's sentence (``SERVER_ACTIONS``)."""
    return SERVER_ACTIONS.get(action, "a request")


class ServerFailure(Exception):
    """What the server errors below share: the server at HOST failed a call doing ACTION (a
    ``SERVER_ACTIONS`` key); the sentence says WHAT it did, then what stayed as it was: no account is
    added by a failed sign-in; a failed publish leaves the draft. A mixin before ``UserError`` in each
    error's bases, never raised by itself (each kind has its own words in the faces)."""

    def __init__(self, host: str, action: str, what: str) -> None:
        self.host, self.action = host, action
        afterwards = "nothing was stored" if action == "sign_in" else "the draft is unchanged, publish it again later"
        super().__init__(f"{host} {what}: {afterwards}.")


class InsecureServer(UserError):
    """A plain http:// server that is not this computer: passwords and tokens only travel over https."""

    def __init__(self, url: str) -> None:
        self.url = url
        https = "https://" + url.split("://", 1)[-1]
        super().__init__(
            f"{url} is a plain http address, and Crosspost sends app passwords and tokens only over "
            f"https (use {https})."
        )


class ServerRedirected(ServerFailure, UserError):
    """A server answered with a redirect: Crosspost never sends a password or token to another address."""

    def __init__(self, host: str, target: str, action: str = "other") -> None:
        self.target = target
        super().__init__(
            host,
            action,
            f"redirected {_doing(action)} to {target}, and Crosspost never sends a password or token to "
            "another address, so it stopped",
        )


class ServerTooSlow(ServerFailure, UserError):
    """A server that did not answer within the deadline: slow or stuck, not offline."""

    def __init__(self, host: str, seconds: float, action: str = "other") -> None:
        self.seconds = seconds
        super().__init__(
            host,
            action,
            f"took the connection but did not answer {_doing(action)} within {seconds:.0f} s "
            "(the server is too slow or stuck)",
        )


class AnswerTooLarge(ServerFailure, UserError):
    """A server's answer over the size any answer of its kind can have; reading stopped at the cap."""

    def __init__(self, host: str, limit: int, action: str = "other") -> None:
        self.limit = limit
        super().__init__(
            host,
            action,
            f"sent an answer to {_doing(action)} larger than {limit / 1024**2:.0f} MB, so Crosspost stopped reading it",
        )


class BadAnswer(ServerFailure, UserError):
    """A server answered with something that is not the AT Protocol answer asked for (HTML, other JSON)."""

    def __init__(self, host: str, action: str = "other") -> None:
        super().__init__(
            host,
            action,
            f"answered {_doing(action)} with something Crosspost cannot read (not a Bluesky server's answer)",
        )


class ExportFault(enum.StrEnum):
    """Why a file or folder given to the import is not a readable TikTok export."""

    NOTHING_GIVEN = "nothing_given"
    MISSING = "missing"
    NOT_READABLE = "not_readable"
    NOT_A_REGULAR_FILE = "not_a_regular_file"
    NAMED_ZIP = "named_zip"  # named .zip, but not a zip file
    BAD_ZIP = "bad_zip"  # a zip that cannot be read (incomplete or damaged)
    DAMAGED_MEMBER = "damaged_member"
    ZIP_BOMB = "zip_bomb"
    TOO_MANY_FILES = "too_many_files"
    WRONG_KIND = "wrong_kind"  # not a .zip, a folder, a .json or a .txt
    NO_EXPORT_FILES = "no_export_files"
    NO_POST_LIST = "no_post_list"
    NOT_AN_OBJECT = "not_an_object"
    EMPTY = "empty"
    NOT_UTF8 = "not_utf8"
    TRUNCATED = "truncated"
    INVALID_JSON = "invalid_json"
    TOO_DEEP = "too_deep"
    TOO_LARGE = "too_large"
    MEDIA_NOT_A_FOLDER = "media_not_a_folder"


class ExportUnreadable(UserError):
    """An export the import cannot read, with why (FAULT), what (NAME) and the facts of the case
    (MEMBER inside an archive, DETAIL from the reader, LIMIT crossed). Nothing was imported."""

    def __init__(
        self, fault: ExportFault, name: object, message: str, *, member: str = "", detail: str = "", limit: str = ""
    ) -> None:
        self.fault, self.name = fault, str(name)
        self.member, self.detail, self.limit = member, detail, limit
        super().__init__(message)


class ModelFault(enum.StrEnum):
    """Why a file or folder given as a language pack or translation model cannot be installed."""

    NOT_A_FILE = "not_a_file"
    NOT_A_PACK = "not_a_pack"  # not an Argos pack nor a quickmt model
    INCOMPLETE = "incomplete"
    TOO_LARGE = "too_large"
    NO_PAIR = "no_pair"
    WRONG_PAIR = "wrong_pair"
    DAMAGED = "damaged"
    UNSAFE_PATHS = "unsafe_paths"
    NESTED = "nested"  # a quickmt model deeper than one folder in its zip


class ModelUnusable(UserError):
    """A language pack or model that was not installed, with why (FAULT), what (NAME), the files it
    lacks (MISSING) and the pair it is (PAIR, for WRONG_PAIR). Nothing was installed."""

    def __init__(
        self, fault: ModelFault, name: object, message: str, *, missing: Sequence[str] = (), pair: str = ""
    ) -> None:
        self.fault, self.name, self.missing, self.pair = fault, str(name), list(missing), pair
        super().__init__(message)


class Cancelled(Exception):
    """The user cancelled a long job; whatever it did so far was rolled back or kept whole."""
