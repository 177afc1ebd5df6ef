"""Handing a draft to the platform's upload page in the browser: which page (by where the account
is registered, from the platform profile), which files to drag there, and the folder to show."""

from __future__ import annotations

from pathlib import Path

from crosspost.errors import UserError
from crosspost.platforms import get_profile
from crosspost.records import Draft


def creator_page_url(platform: str, region: str = "overseas") -> str:
    """The upload page for an account registered in REGION ("overseas" or "mainland")."""
    profile = get_profile(platform)
    pages = profile.handoff.get("creator_pages") or {}
    if not pages:
        raise UserError(f"Crosspost knows no upload page for {profile.display_name['en']}.")
    if region not in pages:
        raise UserError(f"Unknown account region {region!r}: use one of {', '.join(sorted(pages))}.")
    url: str = pages[region]["url"]
    return url


def upload_files(d: Draft) -> list[Path]:
    """The rendered files to upload, in order. For a photo note the cover (the first photo with the
    title on it) comes first, since the platform uses the first photo as the cover; for a video it
    comes after the video (to set as the video's cover)."""
    media = [Path(m.rendered) for m in d.media if m.rendered and Path(m.rendered).is_file()]
    cover = Path(d.cover) if d.cover and Path(d.cover).is_file() else None
    if cover is None or d.cover_style == "none":
        return media
    has_video = any(m.kind == "video" for m in d.media if m.rendered)
    return media + [cover] if has_video else [cover] + media


def bundle_folder(d: Draft) -> Path | None:
    """The folder to show beside the browser: the exported bundle, else the rendered files' folder."""
    if d.exported_to and Path(d.exported_to).is_dir():
        return Path(d.exported_to)
    files = upload_files(d)
    return files[0].parent if files else None
