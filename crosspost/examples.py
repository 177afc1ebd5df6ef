"""Sample data for every typed error and every problem code: the faces' tests word each of them in
both languages (``tests/gui/test_core_api_faces.py``), so a new error or code without its words in
the window and the CLI fails there."""

from __future__ import annotations

import datetime as dt
from typing import Any

from crosspost import errors as e
from crosspost.records import Problem
from crosspost.values import Layout, ProblemCode


def problems() -> list[Problem]:
    """Every problem code with sample facts."""
    rednote, bluesky = {"platform": "rednote"}, {"platform": "bluesky"}
    facts: dict[ProblemCode, dict[str, Any]] = {
        ProblemCode.TITLE_TOO_LONG: {"used": 31, "unit": "chars", "limit": 20, **rednote},
        ProblemCode.BODY_TOO_LONG: {"used": 1200, "unit": "chars", "limit": 1000, **rednote},
        ProblemCode.TITLE_EMPTY: rednote,
        ProblemCode.TOO_MANY_TOPICS: {"count": 12, "limit": 10, **rednote},
        ProblemCode.NO_TRANSLATION: {"layout": Layout.BILINGUAL, "lang": "zh"},
        ProblemCode.DOUBTFUL_SENTENCES: {"count": 2},
        ProblemCode.EXTERNAL_LINK: rednote,
        ProblemCode.TIKTOK_NAMES: {"names": ("@bestie", "@runclub"), **rednote},
        ProblemCode.TAGS_TOO_LONG: {"used": 305, "limit": 300, **bluesky},
        ProblemCode.THREAD: {"parts": 3},
        ProblemCode.NO_ALT_TEXT: {"media": (1, 3), **bluesky},
        ProblemCode.NO_MEDIA: {},
        ProblemCode.TOO_MANY_PHOTOS: {"count": 5, "allowed": 4, **bluesky},
        ProblemCode.NO_VIDEOS: {"platform": "instagram"},
        ProblemCode.VIDEO_TOO_LONG: {"seconds": 912.4, "max_seconds": 900, **rednote},
        ProblemCode.NOT_RENDERED: rednote,
        ProblemCode.FILE_TOO_LARGE: {"file": "1.jpg", "size": 32_500_000, "max_size": 30_000_000, **rednote},
        ProblemCode.WRONG_ASPECT: {
            "file": "1.mp4",
            "width": 1000,
            "height": 1000,
            "aspects": ("9:16", "3:4"),
            **rednote,
        },
        ProblemCode.TITLE_SHORTENED: {"limit": 20, "unit": "chars", **rednote},
        ProblemCode.TOPICS_LEFT_OUT: {"limit": 10, "topics": ("fyp", "viral"), **rednote},
        ProblemCode.COVER_TEXT_UNDRAWABLE: {"blank": False, "missing": ("م", "ر"), "more": False},
    }
    return [Problem(code, facts[code]) for code in ProblemCode]


def errors() -> list[e.UserError]:
    """Every typed error with sample data (its plain ``UserError`` too)."""
    too_long = Problem(
        ProblemCode.BODY_TOO_LONG, {"used": 320, "unit": "graphemes", "limit": 300, "platform": "bluesky"}
    )
    not_rendered = Problem(ProblemCode.NOT_RENDERED, {"platform": "rednote"})
    export_faults = [
        e.ExportUnreadable(
            fault,
            "TikTok_Data.zip",
            f"TikTok_Data.zip: {fault.value}",
            member="user_data_tiktok.json",
            detail="bad byte",
            limit="256",
        )
        for fault in e.ExportFault
    ]
    return [
        e.UserError("Something is wrong with the input."),
        *export_faults,
        *[
            e.ModelUnusable(
                fault,
                "translate-en_zh.argosmodel",
                f"bad pack: {fault.value}",
                missing=["model/model.bin"],
                pair="en→fr",
            )
            for fault in e.ModelFault
        ],
        e.NotFound("post", 7),
        e.NotFound("draft", "x", malformed=True),
        e.NotFound("media", 3),
        e.NothingGiven("post ID"),
        e.InvalidChoice("fit mode", "zoom", ["crop", "pad", "blur"]),
        e.NoMediaOnDisk(7),
        e.NoMediaOnDisk(7, draft_id=2),
        e.LinksExpired(7, "2024-12-23T10:00:00Z"),
        e.LinksExpired(None, None),
        e.NoTranslation(7, "zh", "bilingual"),
        e.NoTranslation(7, None, "translated"),
        e.NoLanguagePack("en", "zh"),
        e.LanguagePackBroken("en", "zh", "bad model"),
        e.IndexUnreachable(),
        e.ModelPairUnknown("my-model"),
        e.AlreadyPosted(2, "rednote", "2025-01-02T03:04:05Z"),
        e.NotRendered(2, "RedNote"),
        e.ExportBlocked({2: not_rendered}, {3: "2025-01-02T03:04:05Z"}),
        e.FolderNotWritable("/x", "permission denied"),
        e.TrimNeeded(120, 60, "RedNote"),
        e.EditKept("translation", 7),
        e.MediaNotLost(7, 3),
        e.InsecureServer("http://pds.example"),
        e.ServerRedirected("bsky.social", "http://other.example", "sign_in"),
        e.ServerTooSlow("bsky.social", 60, "record"),
        e.AnswerTooLarge("bsky.social", 4 * 1024**2, "sign_in"),
        e.BadAnswer("bsky.social", "record"),
        e.DiskFull("/data/media", 250, 12.0),
        e.ReversePackMissing("zh", "en"),
        e.WholeEditExists(7, "zh"),
        e.NoKeyringError(),
        e.NoAccount("bluesky"),
        e.NoAccount("bluesky", "me.bsky.social"),
        e.SeveralAccounts("bluesky", ["a.bsky.social", "b.bsky.social"]),
        e.SecretMissing("bluesky", "me.bsky.social", "keyring"),
        e.PublishingBusy(),
        e.NoPublishApi(2, "rednote", "RedNote"),
        e.NotReadyToPublish(too_long, draft_id=2, post_id=7, platform="bluesky", lang="zh", as_thread=True),
        e.NotReadyToPublish(not_rendered, draft_id=2, post_id=7, platform="bluesky", lang=None),
        e.OtherAccount(2),
        e.NothingToTranslate(2, original_layout=True),
        e.NothingToTranslate(2, original_layout=False),
        e.PublishError("bsky.social refused the request (ExpiredToken).", kind=e.PublishFailure.AUTH),
        e.PublishError("Cannot reach bsky.social: the computer seems to be offline.", kind="offline"),
        *[e.PublishError(f"bsky.social: {kind}", kind=kind) for kind in e.PublishFailure],
        e.PublishError(
            "bsky.social is limiting how fast this account can post.",
            kind=e.PublishFailure.RATE_LIMITED,
            retry_after=dt.datetime(2025, 1, 2, 3, 4, tzinfo=dt.timezone.utc),
        ),
    ]
