"""Export: one folder per draft, ready to upload by hand.

``DIR/2025-01-14 Morning run by the river/`` holds the rendered media numbered in order
(``01.jpg``, ``02.mp4`` …), ``cover.jpg``, ``caption.txt`` (title, blank line, body, blank line,
topics as the platform expects them pasted) and ``draft.json``. Each bundle is written to a hidden
temporary folder and renamed into place, so a failure never leaves half a bundle."""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import regex

from crosspost.drafts.cover import plain_cover_of, write_cover
from crosspost.drafts.preflight import is_ok
from crosspost.drafts.store import check, get_draft, set_status
from crosspost.errors import ExportBlocked, FolderNotWritable, NothingGiven
from crosspost.platforms import get_profile
from crosspost.posts import get_post
from crosspost.records import Draft
from crosspost.store import Store, utc_now
from crosspost.values import DraftStatus


def caption_text(d: Draft) -> str:
    profile = get_profile(d.platform)
    topics = " ".join(profile.topic_format.format(topic=t) for t in d.topics)
    parts = []
    if profile.limit("title") is not None:
        parts += [d.title, ""]
    parts.append(d.body)
    if topics:
        parts += ["", topics]
    return "\n".join(parts).strip("\n") + "\n"


# A file name may hold 255 BYTES on most filesystems (ext4, APFS; NTFS: 255 UTF-16 units).
# A bundle's name leaves room for " (NNN)" and the hidden ".NAME.zip.part" / ".NAME.exporting".
NAME_BYTES = 200


def cap_bytes(text: str, limit: int) -> str:
    """TEXT cut to at most LIMIT bytes of UTF-8, between whole characters (grapheme clusters, so an
    emoji with its modifiers is kept or dropped whole)."""
    if len(text.encode("utf-8")) <= limit:
        return text
    out, used = [], 0
    for cluster in regex.findall(r"\X", text):
        size = len(cluster.encode("utf-8"))
        if used + size > limit:
            break
        out.append(cluster)
        used += size
    return "".join(out)


def bundle_name(d: Draft, created_at: str) -> str:
    # control and format characters go, but not the joiner inside an emoji such as 🧑🏽‍🍳
    title = regex.sub(
        r"(?:[\\/:*?\"<>|\p{Cc}\p{Co}\p{Cs}\p{Cn}]|(?!\u200d)\p{Cf})+", " ", d.title or d.body[:40] or f"draft {d.id}"
    )
    title = regex.sub(r"\s+", " ", title).strip(" .")[:60]
    title = cap_bytes(title, NAME_BYTES - 11).strip(" .") or f"draft {d.id}"
    return f"{created_at[:10]} {title}"


def bundle_json(d: Draft, media: list[str], has_cover: bool) -> dict[str, Any]:
    """What ``draft.json`` in a bundle holds: what a person uploads, and nothing private. No notes
    (they are never published), no path of this computer (the bundle's own file names only), no
    queue state (status, where it was exported, when it was edited)."""
    return {
        "id": d.id,
        "post": d.post_id,
        "platform": d.platform,
        "title": d.title,
        "body": d.body,
        "topics": list(d.topics),
        "media": media,
        "cover": "cover.jpg" if has_cover else None,
        "alt_texts": [d.alt_texts.get(m.media, "") for m in d.sources][: len(media)],
        "layout": str(d.layout),
        "lang": d.target_lang,
        "planned_at": d.planned_at,
        "exported_at": utc_now(),
    }


def export_drafts(
    store: Store, draft_ids: Sequence[int | str], to: str | Path, *, as_zip: bool = False, force: bool = False
) -> dict[str, list[str]]:
    drafts = [get_draft(store, i) for i in draft_ids]
    if not drafts:
        raise NothingGiven("draft ID")
    blocked, codes = [], {}
    for d in drafts:
        problems = check(store, d)
        if d.status is DraftStatus.POSTED and not force:
            blocked.append(f"draft {d.id} was already posted on {d.posted_at}")
        elif not is_ok(problems) and not force:
            first = next(p for p in problems if p.is_error)
            blocked.append(f"draft {d.id}: {first.message}")
            codes[d.id] = first.code
    if blocked:
        raise ExportBlocked(blocked, codes)
    to = Path(to).expanduser()
    try:
        to.mkdir(parents=True, exist_ok=True)
        probe = to / f".crosspost-write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise FolderNotWritable(str(to), str(exc.strerror or exc)) from None

    from crosspost.faults import writing_to

    with writing_to(to):
        return _export(store, drafts, to, as_zip, force)


def _export(store: Store, drafts: list[Draft], to: Path, as_zip: bool, force: bool) -> dict[str, list[str]]:
    bundles = []
    for d in drafts:
        created = get_post(store, d.post_id).created_at
        name = bundle_name(d, created)
        final = to / name
        n = 1
        while final.exists() or (to / f"{final.name}.zip").exists():
            n += 1
            final = to / f"{name} ({n})"
        staging = to / f".{final.name}.exporting"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        try:
            index = 0
            for m in d.media:
                source = (
                    m.rendered
                    if m.rendered and Path(m.rendered).exists()
                    else (m.source if force and m.source and Path(m.source).exists() else None)
                )
                if source is None:
                    continue
                index += 1
                shutil.copy2(source, staging / f"{index:02d}{Path(source).suffix.lower()}")
            plain = plain_cover_of(d)
            if plain is not None:  # drawn now: the style or text may have changed since render
                write_cover(store, d, plain, staging / "cover.jpg")
            elif d.cover and Path(d.cover).exists():
                shutil.copy2(d.cover, staging / "cover.jpg")
            (staging / "caption.txt").write_text(caption_text(d), encoding="utf-8")
            media = sorted(p.name for p in staging.iterdir() if p.suffix in (".jpg", ".mp4") and p.name != "cover.jpg")
            data = bundle_json(d, media, (staging / "cover.jpg").exists())
            (staging / "draft.json").write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
            if as_zip:
                target = final.with_name(final.name + ".zip")
                tmp_zip = to / f".{final.name}.zip.part"
                with zipfile.ZipFile(tmp_zip, "w", zipfile.ZIP_STORED) as z:
                    for path in sorted(staging.iterdir()):
                        z.write(path, f"{final.name}/{path.name}")
                os.replace(tmp_zip, target)
                shutil.rmtree(staging)
                final = target
            else:
                staging.rename(final)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        with store.transaction():
            set_status(store, d.id, DraftStatus.EXPORTED, exported_to=str(final))
        bundles.append(str(final))
    return {"bundles": bundles}
