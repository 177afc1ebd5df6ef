"""Rendering a draft's media for its platform (through the media pipeline) and its cover image."""

from __future__ import annotations

import shutil
from pathlib import Path

from crosspost.drafts.store import get_draft, save_render
from crosspost.drafts.cover import PLAIN_NAME, write_cover
from crosspost.errors import NoMediaOnDisk, UserError
from crosspost.media.cover import extract_cover
from crosspost.media.images import render_image, render_image_from_pil
from crosspost.media.targets import image_target, video_target
from crosspost.media.video import render_video
from crosspost.paths import DataLocation
from crosspost.platforms import PlatformProfile, get_profile
from crosspost.progress import NEVER_CANCELLED, CancelToken, Progress, ProgressCallback, no_progress
from crosspost.posts import post_media
from crosspost.records import CheckedDraft, Draft, DraftMedia
from crosspost.store import Store
from crosspost.values import MediaKind


def render_draft(store: Store, location: DataLocation, draft_id: int | str, *, cover_at: float | None = None,
                 progress: ProgressCallback | None = None, cancel: CancelToken | None = None) -> CheckedDraft:
    progress = progress or no_progress
    cancel = cancel or NEVER_CANCELLED
    d = get_draft(store, draft_id)
    profile = get_profile(d.platform)
    local = [m for m in d.media if m.source and Path(m.source).exists()]
    if not local:
        raise NoMediaOnDisk(d.post_id, d.id)
    from filelock import FileLock, Timeout

    locks = location.cache / "locks"
    locks.mkdir(parents=True, exist_ok=True)
    lock = FileLock(locks / f"draft-{d.id}.render.lock", timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise UserError(f"Draft {d.id} is being rendered by another Crosspost right now; nothing was "
                        "changed. Wait for that one to finish.") from None
    from crosspost.faults import writing_to

    try:
        with writing_to(location.renders_dir):
            return _render_locked(store, location, d, profile, local, cover_at, progress, cancel)
    finally:
        lock.release()


def _render_locked(store: Store, location: DataLocation, d: Draft, profile: PlatformProfile, local: list[DraftMedia],
                   cover_at: float | None, progress: ProgressCallback, cancel: CancelToken) -> CheckedDraft:
    folder = location.renders_dir / f"draft-{d.id}"
    staging = location.renders_dir / f".draft-{d.id}.rendering"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    fit = d.fit or profile.default_fit
    focus = {m.id: m.focus for m in post_media(store, d.post_id) if m.focus is not None}
    rendered: dict[int, DraftMedia] = {}
    try:
        for index, m in enumerate(local, 1):
            cancel.check()
            progress(Progress(index - 1, len(local), f"rendering {index} of {len(local)}"))
            assert m.source is not None
            if m.kind is MediaKind.IMAGE:
                if profile.image is None:
                    raise UserError(f"{profile.display_name['en']} takes no photos; choose another platform for this post.")
                result = render_image(m.source, staging / f"{index:02d}.jpg", image_target(profile, fit),
                                      focus=focus.get(m.media))
            else:
                if profile.video is None:
                    raise UserError(f"{profile.display_name['en']} takes no videos; choose another platform for this post.")
                result = render_video(m.source, staging / f"{index:02d}.mp4", video_target(profile, fit),
                                      cancel=cancel, focus=focus.get(m.media), progress=lambda p, i=index: progress(
                                          Progress(i - 1 + (p.fraction or 0), len(local), p.message)))
            rendered[m.media] = m.replace(rendered=str(folder / result.path.name), rendered_width=result.width,
                                          rendered_height=result.height)
        first = local[0]
        assert first.source is not None
        cover_target = image_target(profile, fit) if profile.image else video_target(profile, fit)
        plain = staging / PLAIN_NAME  # the frame without text; cover.jpg carries the title
        if first.kind is MediaKind.VIDEO:
            render_image_from_pil(extract_cover(first.source, cover_at), plain, cover_target)
        else:
            render_image(first.source, plain, cover_target)
        write_cover(store, d, plain, staging / "cover.jpg")
        shutil.rmtree(folder, ignore_errors=True)
        staging.rename(folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    media = [rendered.get(m.media, m) for m in d.media]
    result_draft = save_render(store, d, media, str(folder / "cover.jpg"))
    progress(Progress(len(local), len(local), "rendered"))
    return result_draft
