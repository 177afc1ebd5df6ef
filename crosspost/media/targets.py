"""What a render aims at: pixel size, fit mode, file-size cap — derived from a platform profile."""

from __future__ import annotations

from dataclasses import dataclass

from crosspost.errors import UserError
from crosspost.platforms import PlatformProfile

FIT_MODES = ("crop", "pad", "blur")

# Shapes a caller may ask for instead of the profile's preferred size (width, height at 1080 wide).
SHAPES = {"9:16": (1080, 1920), "3:4": (1080, 1440), "4:5": (1080, 1350), "1:1": (1080, 1080)}


@dataclass(frozen=True)
class Target:
    width: int
    height: int
    fit: str = "crop"
    max_bytes: int | None = None
    pad_color: tuple[int, int, int] = (255, 255, 255)
    max_fps: int = 60
    max_seconds: float | None = None

    def __post_init__(self) -> None:
        if self.fit not in FIT_MODES:
            raise UserError(f"Unknown fit mode {self.fit!r}: use one of {', '.join(FIT_MODES)}.")


def image_target(profile: PlatformProfile, fit: str | None = None, shape: str | None = None) -> Target:
    if profile.image is None:
        raise UserError(f"{profile.display_name['en']} takes no photos; render a video for it instead.")
    width, height = SHAPES[shape] if shape else (profile.image.width, profile.image.height)
    cap = profile.limit_value("image_size")
    return Target(width, height, fit or profile.default_fit, int(cap) if cap else None)


def video_target(profile: PlatformProfile, fit: str | None = None, shape: str | None = None) -> Target:
    if profile.video is None:
        raise UserError(f"{profile.display_name['en']} takes no videos.")
    shape = shape or profile.defaults.get("video_shape")
    width, height = SHAPES[shape] if shape in SHAPES else (profile.video.width, profile.video.height)
    cap = profile.limit_value("video_size")
    seconds = profile.limit_value("video_duration")
    return Target(
        width,
        height,
        fit or profile.default_fit,
        int(cap) if cap else None,
        max_fps=profile.video.max_fps,
        max_seconds=seconds,
    )
