"""Reading the platform profile files shipped in ``crosspost/platforms/profiles/``."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from crosspost.errors import UserError
from crosspost.values import Fit


@dataclass(frozen=True)
class Limit:
    field: str
    value: float
    unit: str
    source: str
    checked: str
    note: str | None = None

    def to_json(self) -> dict[str, Any]:
        data = {
            "field": self.field,
            "value": self.value,
            "unit": self.unit,
            "source": self.source,
            "checked": self.checked,
        }
        if self.note:
            data["note"] = self.note
        return data


@dataclass(frozen=True)
class ImageSpec:
    """The preferred output size for photos and what the platform accepts."""

    width: int
    height: int
    formats: tuple[str, ...] = ("jpg", "png")
    aspects: tuple[str, ...] = ()


@dataclass(frozen=True)
class VideoSpec:
    width: int
    height: int
    codecs: tuple[str, ...] = ("h264", "aac")
    containers: tuple[str, ...] = ("mp4",)
    aspects: tuple[str, ...] = ()
    max_fps: int = 60


@dataclass(frozen=True)
class PlatformProfile:
    name: str
    display_name: dict[str, str]
    limits: tuple[Limit, ...]
    image: ImageSpec | None
    video: VideoSpec | None
    defaults: dict[str, Any] = field(default_factory=dict)
    text_counting: dict[str, str] = field(default_factory=dict)
    topic_format: str = "#{topic}"
    topics_in_body: bool = False
    warnings: dict[str, bool] = field(default_factory=dict)
    cover_text: dict[str, Any] = field(default_factory=dict)  # title-on-cover styles, when covers carry one
    handoff: dict[str, Any] = field(default_factory=dict)  # the app's URL, the creator upload pages
    publish_api: str | None = None  # the API Crosspost publishes through ("atproto"), None: by hand

    def limit(self, name: str) -> Limit | None:
        """The limit for FIELD (e.g. "title", "images", "image_size"), or None if the platform has none."""
        for lim in self.limits:
            if lim.field == name:
                return lim
        return None

    def limit_value(self, name: str) -> float | None:
        lim = self.limit(name)
        return None if lim is None else lim.value

    @property
    def default_fit(self) -> Fit:
        fit: Fit = Fit.parse(self.defaults.get("fit", Fit.CROP), "fit mode")
        return fit

    def to_json(self) -> dict[str, Any]:
        def spec(s: object) -> dict[str, Any] | None:
            if s is None:
                return None
            return {k: (list(v) if isinstance(v, tuple) else v) for k, v in s.__dict__.items()}

        return {
            "name": self.name,
            "display_name": dict(self.display_name),
            "limits": [lim.to_json() for lim in self.limits],
            "image": spec(self.image),
            "video": spec(self.video),
            "defaults": dict(self.defaults),
            "text_counting": dict(self.text_counting),
            "topic_format": self.topic_format,
            "topics_in_body": self.topics_in_body,
            "warnings": dict(self.warnings),
            **({"cover_text": dict(self.cover_text)} if self.cover_text else {}),
            **({"handoff": dict(self.handoff)} if self.handoff else {}),
            "publish_api": self.publish_api,
        }


def _parse(data: dict[str, Any]) -> PlatformProfile:
    def tup(d: dict[str, Any], key: str) -> tuple[Any, ...]:
        return tuple(d.get(key) or ())

    image = data.get("image")
    video = data.get("video")
    return PlatformProfile(
        name=data["name"],
        publish_api=data.get("publish_api"),
        display_name=data["display_name"],
        limits=tuple(Limit(**lim) for lim in data.get("limits", [])),
        image=None
        if not image
        else ImageSpec(image["width"], image["height"], tup(image, "formats"), tup(image, "aspects")),
        video=None
        if not video
        else VideoSpec(
            video["width"],
            video["height"],
            tup(video, "codecs"),
            tup(video, "containers"),
            tup(video, "aspects"),
            int(video.get("max_fps", 60)),
        ),
        defaults=data.get("defaults", {}),
        text_counting=data.get("text_counting", {}),
        topic_format=data.get("topic_format", "#{topic}"),
        topics_in_body=bool(data.get("topics_in_body", False)),
        warnings=data.get("warnings", {}),
        cover_text=data.get("cover_text", {}),
        handoff=data.get("handoff", {}),
    )


# The order users see: the first target first, then the rest as the product brief lists them.
_ORDER = ["rednote", "instagram", "youtube-shorts", "douyin", "bluesky", "threads", "x", "lemon8"]


@functools.cache
def all_profiles() -> tuple[PlatformProfile, ...]:
    folder = resources.files("crosspost.platforms") / "profiles"
    profiles = [
        _parse(json.loads(entry.read_text(encoding="utf-8")))
        for entry in folder.iterdir()
        if entry.name.endswith(".json")
    ]
    rank = {name: i for i, name in enumerate(_ORDER)}
    return tuple(sorted(profiles, key=lambda p: (rank.get(p.name, len(rank)), p.name)))


def platform_names() -> list[str]:
    return [p.name for p in all_profiles()]


def get_profile(name: str) -> PlatformProfile:
    for profile in all_profiles():
        if profile.name == name:
            return profile
    raise UserError(f"Unknown platform {name!r}. Known platforms: {', '.join(platform_names())}.")
