"""Rendering a draft's media for its platform (through the media pipeline) and its cover image."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from crosspost.drafts.cover import PLAIN_NAME, write_cover
from crosspost.errors import UserError
from crosspost.media.cover import extract_cover
from crosspost.media.images import render_image, render_image_from_pil
from crosspost.media.targets import image_target, video_target
from crosspost.media.video import render_video
from crosspost.paths import DataLocation
from crosspost.platforms import get_profile
from crosspost.progress import NEVER_CANCELLED, CancelToken, Progress, ProgressCallback, no_progress
from crosspost.store import Store, utc_now


def render_draft(store: Store, location: DataLocation, draft_id, *, cover_at: float | None = None,
                 progress: ProgressCallback | None = None, cancel: CancelToken | None = None) -> dict:
    from crosspost.drafts.preflight import check_draft, is_ok
    from crosspost.drafts.queue import draft_json, require_draft, set_status

    progress = progress or no_progress
    cancel = cancel or NEVER_CANCELLED
    d = require_draft(store, draft_id)
    profile = get_profile(d["platform"])
    media = d["media"]
    local = [m for m in media if m.get("source") and Path(m["source"]).exists()]
    if not local:
        raise UserError(f"Draft {d['id']} has no media on disk to render. Fetch it with "
                        f"`crosspost media fetch {d['post_id']}` or attach a file with "
                        f"`crosspost posts attach {d['post_id']} FILE`.")
    folder = location.renders_dir / f"draft-{d['id']}"
    staging = location.renders_dir / f".draft-{d['id']}.rendering"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    fit = d["fit"] or profile.default_fit
    focus = {r[0]: (r[1] if r[1] is not None else 0.5, r[2] if r[2] is not None else 0.5)
             for r in store.db.execute("SELECT id, focus_x, focus_y FROM media WHERE post_id = ? "
                                       "AND (focus_x IS NOT NULL OR focus_y IS NOT NULL)", [d["post_id"]])}
    try:
        for index, m in enumerate(local, 1):
            cancel.check()
            progress(Progress(index - 1, len(local), f"rendering {index} of {len(local)}"))
            if m["kind"] == "image":
                if profile.image is None:
                    raise UserError(f"{profile.display_name['en']} takes no photos; choose another platform for this post.")
                result = render_image(m["source"], staging / f"{index:02d}.jpg", image_target(profile, fit),
                                      focus=focus.get(m["media"]))
            else:
                if profile.video is None:
                    raise UserError(f"{profile.display_name['en']} takes no videos; choose another platform for this post.")
                result = render_video(m["source"], staging / f"{index:02d}.mp4", video_target(profile, fit),
                                      cancel=cancel, focus=focus.get(m["media"]), progress=lambda p, i=index: progress(
                                          Progress(i - 1 + (p.fraction or 0), len(local), p.message)))
            m["rendered_name"] = result.path.name
            m["rendered_width"], m["rendered_height"] = result.width, result.height
        first = local[0]
        cover_target = image_target(profile, fit) if profile.image else video_target(profile, fit)
        plain = staging / PLAIN_NAME  # the frame without text; cover.jpg carries the title
        if first["kind"] == "video":
            render_image_from_pil(extract_cover(first["source"], cover_at), plain, cover_target)
        else:
            render_image(first["source"], plain, cover_target)
        write_cover(store, d, plain, staging / "cover.jpg")
        shutil.rmtree(folder, ignore_errors=True)
        staging.rename(folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    for m in local:
        m["rendered"] = str(folder / m.pop("rendered_name"))
    with store.transaction():
        store.db.execute("UPDATE drafts SET media = ?, cover = ?, updated_at = ? WHERE id = ?",
                         [json.dumps(media), str(folder / "cover.jpg"), utc_now(), d["id"]])
        if d["status"] == "draft" and is_ok(check_draft(store, d["id"])):
            set_status(store, d["id"], "ready")
    progress(Progress(len(local), len(local), "rendered"))
    return draft_json(store, d["id"])
