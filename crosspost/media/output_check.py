"""Preflight on a rendered file: would the platform take it? Every render (kept or encoded) is
checked here before it is handed out, so a render never produces a file its profile rejects.
(Duration is not checked: a long video is reported by the render's warning and the draft's
preflight, and the user chooses where to trim.)"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from crosspost.platforms import PlatformProfile

if TYPE_CHECKING:
    from crosspost.media.facts import VideoFacts

ASPECT_TOLERANCE = 0.02  # the same tolerance as the draft preflight
LOCATION_KEYS = ("location", "location-eng", "com.apple.quicktime.location.iso6709")


# The pixel formats every platform plays (4:2:0, 8 bit): a kept video must be one of them.
PLAIN_PIX_FMTS = ("yuv420p", "yuvj420p")


def _ratio(text: str) -> float:
    a, b = text.split(":")
    return float(a) / float(b)


def aspect_accepted(width: int, height: int, aspects: tuple[str, ...]) -> bool:
    return not aspects or any(abs(width / height - _ratio(a)) < ASPECT_TOLERANCE for a in aspects)


def check_video_output(path: str | Path, profile: PlatformProfile, facts: VideoFacts | None = None) -> list[str]:
    """What PROFILE would object to in the rendered video at PATH (empty: nothing). FACTS: the
    file's ``VideoFacts`` when the caller has them already."""
    from crosspost.media.facts import video_facts

    spec = profile.video
    if spec is None:
        return ["the platform takes no videos"]
    facts = facts or video_facts(path)
    problems = []
    if facts.container not in spec.containers:
        problems.append(f"the container is {facts.container}")
    if facts.video_codec not in spec.codecs or facts.pix_fmt not in PLAIN_PIX_FMTS:
        problems.append(f"the video is {facts.video_codec} {facts.pix_fmt}")
    if facts.audio_codec is not None and facts.audio_codec not in spec.codecs:
        problems.append(f"the audio is {facts.audio_codec}")
    if not aspect_accepted(facts.width, facts.height, spec.aspects):
        problems.append(f"{facts.width}×{facts.height} is not {' or '.join(spec.aspects)}")
    if facts.fps > spec.max_fps + 0.01:
        problems.append(f"{facts.fps:.3g} fps is above {spec.max_fps}")
    cap = profile.limit_value("video_size")
    if cap and facts.size > cap:
        problems.append(f"{facts.size / 1e6:.0f} MB is above {cap / 1e6:.0f} MB")
    if facts.tags & set(LOCATION_KEYS):
        problems.append("it still carries a location")
    return problems


def check_photo_output(path: str | Path, profile: PlatformProfile) -> list[str]:
    """What PROFILE would object to in the rendered photo at PATH (empty: nothing)."""
    from PIL import Image

    spec = profile.image
    if spec is None:
        return ["the platform takes no photos"]
    path = Path(path)
    problems = []
    with Image.open(path) as image:
        fmt = (image.format or "").lower()
        width, height = image.size
        exif = image.getexif()
    if fmt not in ("jpeg", "mpo") or not ({"jpg", "jpeg"} & set(spec.formats)):
        problems.append(f"it is {fmt or 'unknown'}, not a JPEG")
    if not aspect_accepted(width, height, spec.aspects):
        problems.append(f"{width}×{height} is not {' or '.join(spec.aspects)}")
    cap = profile.limit_value("image_size")
    if cap and path.stat().st_size > cap:
        problems.append(f"{path.stat().st_size / 1e6:.1f} MB is above {cap / 1e6:.1f} MB")
    if 0x8825 in exif or 0xA431 in exif:
        problems.append("it still carries a location or a camera serial number")
    return problems
