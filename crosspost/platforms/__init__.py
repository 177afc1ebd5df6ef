"""Target platforms as data: one JSON file per platform in ``profiles/``, each limit with its source
and the date it was checked. Adding a platform means adding a file, not code."""

from crosspost.platforms.profiles_loader import (
    ImageSpec,
    Limit,
    PlatformProfile,
    VideoSpec,
    all_profiles,
    get_profile,
    platform_names,
)

__all__ = [
    "ImageSpec",
    "Limit",
    "PlatformProfile",
    "VideoSpec",
    "all_profiles",
    "get_profile",
    "platform_names",
]
