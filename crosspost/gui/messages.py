"""The window's words for a core error or problem: what is wrong and the button or menu that fixes it,
translatable like every other string. Each error is worded from its type and facts, each problem from
its ``ProblemCode`` and facts (a ``match``, as the CLI's ``remedies`` does), never from the core's
English sentence. Never a command or a ``--flag``: the person using the window never opens a terminal
(``tests/gui/test_core_api_faces.py`` words every typed error and every problem code)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from crosspost import errors
from crosspost.gui.import_words import export_fault_text, model_fault_text
from crosspost.gui.labels import layout_label, platform_label, unit_label
from crosspost.gui.language_names import language_name
from crosspost.gui.words import fill
from crosspost.records import Problem
from crosspost.values import ProblemCode


def _platform(name: object) -> str:
    """The platform NAME ("rednote") in the UI language; NAME as it is when it is not a platform."""
    from crosspost.platforms import all_profiles

    for profile in all_profiles():
        if name in (profile.name, profile.display_name["en"]):
            return platform_label(profile)
    return str(name)


class Messages(QObject):
    """The translation context "Messages": the window's sentence for each error type and problem code."""

    def accounts(self) -> str:
        return self.tr("Tools → Settings… → Accounts…")

    def field(self, field: str) -> str:
        return {"title": self.tr("title"), "body": self.tr("body")}.get(field, field)

    # --- errors ------------------------------------------------------------------------------------

    def error(self, exc: errors.UserError) -> str:  # noqa: C901 - one case a type, as the CLI's remedies
        match exc:
            case errors.NotFound(kind="post", ident=ident):
                return fill(self.tr("Post %1 is no longer in your library; it may have been removed."), ident)
            case errors.NotFound(kind="draft", ident=ident):
                return fill(self.tr("Draft %1 is no longer in the queue; it may have been deleted."), ident)
            case errors.NotFound(ident=ident):
                return fill(self.tr("Item %1 is no longer there; reopen the post and try again."), ident)
            case errors.NothingGiven():
                return self.tr("Select at least one item in the list first.")
            case errors.InvalidChoice(field=field, value=value, choices=choices):
                return fill(self.tr("“%1” is not a valid %2; choose one of: %3."), value, field, ", ".join(choices))
            case errors.NoMediaOnDisk():
                return self.tr(
                    "This post has no photo or video on this computer yet. Use Post → Fetch media while "
                    "the export's links work, or Post → Attach files… (or drop your files on the post)."
                )
            case errors.LinksExpired(expired_at=when):
                return fill(
                    self.tr(
                        "The export's media links expired%1. Attach your own files with Post → Attach "
                        "files… (or drop them on the post), or request a new export from TikTok."
                    ),
                    fill(self.tr(" on %1"), when[:10]) if when else "",
                )
            case errors.NoTranslation(lang=None, layout=layout):
                return fill(
                    self.tr("The %1 layout needs a target language: choose one in Tools → Settings."),
                    layout_label(layout),
                )
            case errors.NoTranslation(lang=lang, layout=layout):
                return fill(
                    self.tr(
                        "This post has no %1 translation yet, which the %2 layout needs. Press Translate "
                        "in the editor first, or choose “Original only” as the layout."
                    ),
                    lang,
                    layout_label(layout),
                )
            case (
                errors.NoLanguagePack(source=s, target=t)
                | errors.LanguagePackBroken(source=s, target=t)
                | errors.ReversePackMissing(source=s, target=t)
            ):
                sentence = {
                    errors.NoLanguagePack: self.tr(
                        "No %1→%2 language pack is installed. Install it in Tools → Language packs."
                    ),
                    errors.LanguagePackBroken: self.tr(
                        "The %1→%2 language pack is damaged. Remove it and install it again in Tools → Language packs."
                    ),
                    errors.ReversePackMissing: self.tr(
                        "Showing what the translation says needs the %1→%2 language pack. Install it in "
                        "Tools → Language packs."
                    ),
                }[type(exc)]
                return fill(sentence, language_name(s), language_name(t))
            case errors.IndexUnreachable():
                return self.tr(
                    "The list of language packs cannot be downloaded (are you offline?). Connect and "
                    "try again, or install a pack file you have with Tools → Language packs → Install from file…."
                )
            case errors.AlreadyPosted(draft_id=did, platform=platform, posted_at=when):
                return fill(
                    self.tr("Draft %1 was already marked as posted on %2 (%3)."), did, _platform(platform), when or ""
                )
            case errors.NotRendered():
                return self.tr("The draft's media is not rendered yet: select it in the Drafts tab and press Render.")
            case errors.ExportBlocked(problems=problems, posted=posted):
                reasons = [fill(self.tr("draft %1 was already posted (%2)"), d, w or "") for d, w in posted.items()]
                reasons += [fill(self.tr("draft %1: %2"), d, self.problem(p)) for d, p in problems.items()]
                return fill(
                    self.tr("Nothing was exported: %1. Fix the problems shown in the Drafts tab first."),
                    "; ".join(reasons),
                )
            case errors.FolderNotWritable(path=path, reason=reason):
                return fill(self.tr("Crosspost cannot write to %1 (%2). Choose another folder."), path, reason)
            case errors.DiskFull(folder=folder, need_mb=need, free_mb=free):
                free_now = fill(self.tr(" (only %1 MB free now)"), f"{free:.0f}") if free is not None else ""
                return fill(
                    self.tr("The disk holding %1 is full%2: free %3 MB and try again."),
                    folder,
                    free_now if free is not None and free < need else "",
                    need,
                )
            case errors.TrimNeeded(seconds=s, max_seconds=m, platform=platform):
                return fill(
                    self.tr("The video is %1 s long; %2 takes at most %3 s. Trim it before rendering."),
                    f"{s:.0f}",
                    _platform(platform),
                    f"{m:.0f}",
                )
            case errors.MediaNotLost():
                return self.tr("This photo or video is on this computer, so it is not lost and stays with the post.")
            case errors.EditKept(what=what):
                return fill(self.tr("You edited this %1 by hand, so it was kept."), what)
            case errors.ModelPairUnknown(name=name):
                return fill(
                    self.tr(
                        "The name of %1 does not say which languages it translates. Rename its folder after "
                        "them, like quickmt-en-zh, and install it again. Nothing was installed."
                    ),
                    name,
                )
            case errors.ExportUnreadable():
                return export_fault_text(exc)
            case errors.ModelUnusable():
                return model_fault_text(exc)
            case errors.WholeEditExists(lang=lang):
                return fill(
                    self.tr(
                        "The %1 translation of this post is your own wording as a whole; editing one "
                        "sentence would replace it with the sentence-by-sentence one."
                    ),
                    lang,
                )
            case _:
                return self.publishing_error(exc)

    def server_action(self, action: str) -> str:
        """What a network call was doing (``crosspost.errors.SERVER_ACTIONS``), in the UI language."""
        return {
            "sign_in": self.tr("the sign-in"),
            "record": self.tr("the record look-up"),
            "post": self.tr("the new post"),
            "upload": self.tr("the upload"),
            "handle": self.tr("the handle look-up"),
            "video": self.tr("the video upload"),
        }.get(action) or self.tr("a request")

    def afterwards(self, action: str) -> str:
        """What stayed as it was after a failed network call, and what to do."""
        if action == "sign_in":
            return self.tr("Nothing was stored; check the server and try Add again.")
        return self.tr("The draft is unchanged; press Publish again later.")

    def publishing_error(self, exc: errors.UserError) -> str:  # noqa: C901 - one case a type
        match exc:
            case errors.InsecureServer(url=url):
                return fill(
                    self.tr(
                        "%1 is a plain http address, and Crosspost sends app passwords and tokens only over https: "
                        "use %2 as the account's server (Tools → Settings… → Accounts…)."
                    ),
                    url,
                    "https://" + url.split("://", 1)[-1],
                )
            case errors.ServerRedirected(host=host, target=target, action=action):
                return fill(
                    self.tr(
                        "%1 redirected %2 to %3. Crosspost never sends a password or token to another address, "
                        "so it stopped. %4"
                    ),
                    host,
                    self.server_action(action),
                    target,
                    self.afterwards(action),
                )
            case errors.ServerTooSlow(host=host, seconds=seconds, action=action):
                return fill(
                    self.tr(
                        "%1 took the connection but did not answer %2 within %3 s: the server is too slow or stuck. %4"
                    ),
                    host,
                    self.server_action(action),
                    f"{seconds:.0f}",
                    self.afterwards(action),
                )
            case errors.AnswerTooLarge(host=host, limit=limit, action=action):
                return fill(
                    self.tr("%1 sent an answer to %2 larger than %3 MB, so Crosspost stopped reading it. %4"),
                    host,
                    self.server_action(action),
                    f"{limit / 1024**2:.0f}",
                    self.afterwards(action),
                )
            case errors.BadAnswer(host=host, action=action):
                return fill(
                    self.tr("%1 answered %2 with something Crosspost cannot read (not a Bluesky server's answer). %3"),
                    host,
                    self.server_action(action),
                    self.afterwards(action),
                )
            case errors.NoKeyringError():
                return self.tr(
                    "No keyring is available on this computer to keep the app password safely, so nothing was "
                    "stored. Install and unlock one (GNOME Keyring, KWallet), or tick “Keep the app password "
                    "in a file only I can read”."
                )
            case errors.NoAccount(platform=platform):
                return fill(
                    self.tr("There is no %1 account in Crosspost yet: add one in %2."),
                    _platform(platform),
                    self.accounts(),
                )
            case errors.SeveralAccounts(platform=platform):
                return fill(
                    self.tr("There are several %1 accounts; keep only the one to publish with in %2."),
                    _platform(platform),
                    self.accounts(),
                )
            case errors.SecretMissing(handle=handle):
                return fill(
                    self.tr("The app password of %1 is missing: remove the account in %2 and add it again."),
                    handle,
                    self.accounts(),
                )
            case errors.PublishError():
                return self.publish_failure(exc)
            case errors.NotReadyToPublish(problem=problem):
                thread = {
                    ProblemCode.BODY_TOO_LONG: self.tr(
                        "Shorten it, or publish it as a thread: tick “Publish a caption over the length limit as a "
                        "thread of replies” in Alt text…."
                    ),
                    ProblemCode.TAGS_TOO_LONG: self.tr(
                        "For a thread, tick “Publish a caption over the length limit as a thread of replies” in "
                        "Alt text…."
                    ),
                }.get(problem.code)
                return self.problem(problem) + (" " + thread if thread else "")
            case errors.NoPublishApi(platform=platform):
                return fill(
                    self.tr("Crosspost cannot publish to %1 by itself: export the draft and upload it there."),
                    _platform(platform),
                )
            case errors.OtherAccount():
                return fill(
                    self.tr(
                        "Publishing this draft was started with another account; add that account again in %1 "
                        "to finish it."
                    ),
                    self.accounts(),
                )
            case errors.NothingToTranslate(original_layout=True):
                return self.tr(
                    "This draft shows the original caption only, so its alt texts stay as they are. "
                    "Create it again with a translated or bilingual layout to translate them."
                )
            case errors.NothingToTranslate():
                return self.tr("Write the alt texts first; then they can be translated like the caption.")
            case errors.PublishingBusy():
                return self.tr(
                    "Another publishing run is going on (perhaps a scheduled one); try again when it has finished."
                )
        return str(exc)

    def publish_failure(self, exc: errors.PublishError) -> str:
        """A failed publish in the UI language where its kind says it all; else with the server's words."""
        F = errors.PublishFailure
        if exc.kind == F.RATE_LIMITED and exc.retry_after is not None:
            return fill(
                self.tr("The server is limiting how fast this account can post; wait until %1 and publish again."),
                exc.retry_after.astimezone().strftime("%H:%M"),
            )
        if exc.kind == F.AUTH:
            return fill(
                self.tr("The server did not accept the sign-in. Add the account again with a new app password in %1."),
                self.accounts(),
            )
        said: dict[str, str] = {  # a kind's value or member: StrEnum members hash as their words
            F.OFFLINE: self.tr(
                "Cannot reach the server: the computer seems to be offline or the server is down. The draft "
                "is unchanged; publish it again when the connection is back."
            ),
            F.RATE_LIMITED: self.tr(
                "The server is limiting how fast this account can post; wait a while and publish again."
            ),
            F.TWO_FACTOR: self.tr(
                "This account asks for a sign-in code sent by email (two-factor sign-in). Use an app password "
                "instead: app passwords skip the code."
            ),
            F.ACCOUNT: self.tr("The account was taken down by its server; it cannot post."),
            F.EMAIL: self.tr(
                "The server wants the account's email address confirmed before it can post; confirm it from "
                "the message the server sent, then publish again."
            ),
            F.MAIN_PASSWORD: self.tr(
                "That is the account's main password. Crosspost only keeps app passwords: make one in "
                "Bluesky's Settings → Privacy and security → App passwords and use it here."
            ),
        }
        return said.get(exc.kind) or fill(self.tr("Publishing did not go through: %1"), str(exc))

    # --- problems ----------------------------------------------------------------------------------

    def problem(self, problem: Problem) -> str:  # noqa: C901 - one case a code
        f = problem.facts
        platform = _platform(f.get("platform", ""))
        match problem.code:
            case ProblemCode.TITLE_TOO_LONG | ProblemCode.BODY_TOO_LONG:
                return fill(
                    self.tr("The %1 is %2 long; %3 allows %4."),
                    self.field(problem.field),
                    unit_label(f["unit"], f["used"]),
                    platform,
                    unit_label(f["unit"], f["limit"]),
                )
            case ProblemCode.TITLE_EMPTY:
                return fill(self.tr("The title is empty; %1 notes with a short, punchy title do better."), platform)
            case ProblemCode.TOO_MANY_TOPICS:
                return fill(self.tr("%n topic(s); %1 allows %2.", "", f["count"]), platform, f"{f['limit']:g}")
            case ProblemCode.NO_TRANSLATION:
                return fill(
                    self.tr("The “%1” layout needs a translation (%2): use Translate in the editor first."),
                    layout_label(f["layout"]),
                    f["lang"],
                )
            case ProblemCode.DOUBTFUL_SENTENCES:
                return self.tr(
                    "%n sentence(s) may be mistranslated: what the translation says back is far from your caption.",
                    "",
                    f["count"],
                )
            case ProblemCode.EXTERNAL_LINK:
                return fill(
                    self.tr(
                        "The body has an external link; %1 limits the reach of notes with links. Consider removing it."
                    ),
                    platform,
                )
            case ProblemCode.TIKTOK_NAMES:
                return fill(
                    self.tr("%1 are TikTok names; they mean nothing on %2. Remove them or mention the people there."),
                    ", ".join(f["names"]),
                    platform,
                )
            case ProblemCode.TAGS_TOO_LONG:
                return fill(
                    self.tr("With its #tags the post is %1 long; %2 allows %3. Shorten it, or publish it as a thread."),
                    unit_label("graphemes", f["used"]),
                    platform,
                    unit_label("graphemes", f["limit"]),
                )
            case ProblemCode.THREAD:
                return self.tr("The caption goes out as a thread of %n post(s).", "", f["parts"])
            case ProblemCode.NO_ALT_TEXT:
                return fill(
                    self.tr(
                        "%n photo(s) or video(s) (%1) without alt text: people using screen readers on %2 will "
                        "not know what they show. Add it in Alt text….",
                        "",
                        len(f["media"]),
                    ),
                    ", ".join(str(i) for i in f["media"]),
                    platform,
                )
            case ProblemCode.NO_MEDIA:
                return self.tr("The post has no media on disk: use Post → Fetch media or Post → Attach files.")
            case ProblemCode.TOO_MANY_PHOTOS:
                return fill(
                    self.tr("%n photo(s); %1 takes at most %2 per post.", "", f["count"]), platform, f["allowed"]
                )
            case ProblemCode.NO_VIDEOS:
                return fill(self.tr("%1 takes no videos."), platform)
            case ProblemCode.VIDEO_TOO_LONG:
                return fill(
                    self.tr("The video is %1 s long; %2 takes at most %3 s. Trim it before rendering."),
                    f"{f['seconds']:.0f}",
                    platform,
                    f"{f['max_seconds']:.0f}",
                )
            case ProblemCode.NOT_RENDERED:
                return fill(self.tr("The media is not rendered for %1 yet: use Render in the drafts queue."), platform)
            case ProblemCode.FILE_TOO_LARGE:
                return fill(
                    self.tr("%1 is %2 MB; %3 takes at most %4 MB."),
                    f["file"],
                    f"{f['size'] / 1e6:.1f}",
                    platform,
                    f"{f['max_size'] / 1e6:.0f}",
                )
            case ProblemCode.WRONG_ASPECT:
                return fill(
                    self.tr("%1 is %2×%3; %4 accepts %5."),
                    f["file"],
                    f["width"],
                    f["height"],
                    platform,
                    ", ".join(f["aspects"]),
                )
            case ProblemCode.TITLE_SHORTENED:
                return fill(
                    self.tr("The title was shortened to fit %1's limit of %2; check it still reads well."),
                    platform,
                    unit_label(f["unit"], f["limit"]),
                )
            case ProblemCode.COVER_TEXT_UNDRAWABLE if f["blank"]:
                return self.tr("The cover text can't be drawn with the cover font; the cover would carry no title.")
            case ProblemCode.COVER_TEXT_UNDRAWABLE:
                return fill(
                    self.tr("The cover text can't be drawn with the cover font: %1 will be left out."),
                    " ".join(f["missing"]) + (" …" if f["more"] else ""),
                )
            case ProblemCode.TOPICS_LEFT_OUT:
                return fill(
                    self.tr("%1 takes at most %2 topics; left out: %3."),
                    platform,
                    f"{f['limit']:g}",
                    ", ".join("#" + t for t in f["topics"]),
                )


_messages = Messages()


def window_message(exc: errors.UserError) -> str:
    """EXC in the window's words, in the UI language."""
    return _messages.error(exc)


def problem_text(problem: Problem) -> str:
    """A preflight or compose problem in the UI language, with the window action that fixes it."""
    return _messages.problem(problem)
