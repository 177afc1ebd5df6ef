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
from pathlib import Path

import regex

from crosspost.drafts.cover import plain_cover_of, write_cover
from crosspost.errors import UserError
from crosspost.platforms import get_profile
from crosspost.store import Store, utc_now


def caption_text(d: dict) -> str:
    profile = get_profile(d["platform"])
    topics = " ".join(profile.topic_format.format(topic=t) for t in d["topics"])
    parts = []
    if profile.limit("title") is not None:
        parts += [d["title"], ""]
    parts.append(d["body"])
    if topics:
        parts += ["", topics]
    return "\n".join(parts).strip("\n") + "\n"


def bundle_name(d: dict, created_at: str) -> str:
    title = regex.sub(r"[\\/:*?\"<>|\p{C}]+", " ", d["title"] or d["body"][:40] or f"draft {d['id']}")
    title = regex.sub(r"\s+", " ", title).strip(" .")[:60] or f"draft {d['id']}"
    return f"{created_at[:10]} {title}"


def export_drafts(store: Store, draft_ids: list, to: str | Path, *, as_zip: bool = False,
                  force: bool = False) -> dict:
    from crosspost.drafts.preflight import check_draft, is_ok
    from crosspost.drafts.queue import draft_json, require_draft, set_status

    drafts = [require_draft(store, i) for i in draft_ids]
    if not drafts:
        raise UserError("Give at least one draft ID; `crosspost drafts list` shows them.")
    blocked = []
    for d in drafts:
        problems = check_draft(store, d["id"])
        if d["status"] == "posted" and not force:
            blocked.append(f"draft {d['id']} was already posted on {d['posted_at']}")
        elif not is_ok(problems) and not force:
            first = next(p for p in problems if p["level"] == "error")
            blocked.append(f"draft {d['id']}: {first['message']}")
    if blocked:
        raise UserError("Not exported (nothing was written): " + "; ".join(blocked) + ". Fix them, or use --force.")
    to = Path(to).expanduser()
    try:
        to.mkdir(parents=True, exist_ok=True)
        probe = to / f".crosspost-write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise UserError(f"The export folder {to} is not writable ({exc.strerror or exc}); choose another with --to.") from None

    bundles = []
    for d in drafts:
        created = store.db.execute("SELECT created_at FROM posts WHERE id = ?", [d["post_id"]]).fetchone()[0]
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
            for m in d["media"]:
                source = m.get("rendered") if m.get("rendered") and Path(m["rendered"]).exists() else (
                    m.get("source") if force and m.get("source") and Path(m["source"]).exists() else None)
                if source is None:
                    continue
                index += 1
                shutil.copy2(source, staging / f"{index:02d}{Path(source).suffix.lower()}")
            if plain_cover_of(d) is not None:  # drawn now: the style or text may have changed since render
                write_cover(store, d, plain_cover_of(d), staging / "cover.jpg")
            elif d["cover"] and Path(d["cover"]).exists():
                shutil.copy2(d["cover"], staging / "cover.jpg")
            (staging / "caption.txt").write_text(caption_text(d), encoding="utf-8")
            data = draft_json(store, d["id"])
            data.pop("media_detail", None)
            data["exported_at"] = utc_now()
            data["media"] = sorted(p.name for p in staging.iterdir() if p.suffix in (".jpg", ".mp4") and p.name != "cover.jpg")
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
            set_status(store, d["id"], "exported", exported_to=str(final))
        bundles.append(str(final))
    return {"bundles": bundles}
