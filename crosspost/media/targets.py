"""What a render aims at: pixel size, fit mode, file-size cap — derived from a platform profile."""

from __future__ import annotations

from dataclasses import dataclass

from crosspost.errors import UserError
from crosspost.platforms import PlatformProfile
from crosspost.values import Fit

# Shapes a caller may ask for instead of the profile's preferred size (width, height at 1080 wide).
SHAPES = {"9:16": (1080, 1920), "3:4": (1080, 1440), "4:5": (1080, 1350), "1:1": (1080, 1080)}


@dataclass(frozen=True)
class Target:
    width: int
    height: int
    fit: Fit = Fit.CROP
    max_bytes: int | None = None
    pad_color: tuple[int, int, int] = (255, 255, 255)
    max_fps: int = 60
    max_seconds: float | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "fit", Fit.parse(self.fit, "fit mode"))  # a member, also when given its word


def image_target(profile: PlatformProfile, fit: Fit | None = None, shape: str | None = None) -> Target:
    if profile.image is None:
        raise UserError(f"{profile.display_name['en']} takes no photos; render a video for it instead.")
    width, height = SHAPES[shape] if shape else (profile.image.width, profile.image.height)
    cap = profile.limit_value("image_size")
    return Target(width, height, fit or profile.default_fit, int(cap) if cap else None)


def video_target(profile: PlatformProfile, fit: Fit | None = None, shape: str | None = None) -> Target:
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
