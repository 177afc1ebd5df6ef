"""The plain records every export reader produces, and the value clean-up they all share."""

from __future__ import annotations

import datetime as dt
import functools
import re
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, unquote, unquote_plus, urlsplit

EMPTY_VALUES = {"", "n/a", "none", "null", "nil", "undefined"}


def clean(value: Any) -> Any:
    """Strip strings and turn the export's many spellings of "nothing" into None."""
    if isinstance(value, str):
        value = value.strip()
        if value.lower() in EMPTY_VALUES:
            return None
    return value


@functools.lru_cache(maxsize=4096)
def key_of(name: str) -> str:
    """A key as the readers compare it: case, spaces, underscores and punctuation ignored.

    "Recently Deleted Posts", "RecentlyDeletedPosts" and "recently_deleted_posts" are one key."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


def normalized(mapping: dict[str, Any]) -> dict[str, Any]:
    """MAPPING with its keys passed through ``key_of``, for repeated look-ups with ``get``."""
    return {key_of(k): v for k, v in mapping.items()}


def get(mapping: Any, *names: str, keys_normalized: bool = False) -> Any:
    """The value of the first of NAMES present in MAPPING, keys matched with ``key_of``."""
    if not isinstance(mapping, dict):
        return None
    index = mapping if keys_normalized else normalized(mapping)
    for name in names:
        wanted = key_of(name)
        if wanted in index:
            return index[wanted]
    return None


# The largest count kept (likes, collections): far above any real post, and exact in a JSON number
# and in SQLite's 64-bit INTEGER. A count past it is not a count; it is treated as unknown.
MAX_COUNT = 2**53


def parse_int(value: Any) -> int | None:
    value = clean(value)
    if value is None:
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        number = value
    else:
        text = str(value).replace(",", "").replace(" ", "")
        match = re.fullmatch(r"(\d{1,30}(?:\.\d{1,30})?)([kKmM]?)", text)
        if not match:
            return None
        number = float(match.group(1)) * {"": 1, "k": 1_000, "m": 1_000_000}[match.group(2).lower()]
    if not 0 <= number <= MAX_COUNT:  # also NaN and the infinities
        return None
    return int(number)


# Numeric dates (seconds since 1970) outside 1970..2999 are not dates of a post.
MIN_TIMESTAMP, MAX_TIMESTAMP = 0, 32503680000
_PLAIN_DATE = re.compile(r"(\d{4}-[01]\d-[0-3]\d)[ T]([0-2]\d:[0-5]\d:[0-6]\d)(?: ?UTC| ?Z)?")
_DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y/%m/%d %H:%M:%S", "%Y-%m-%d %H:%M")


def parse_date(value: Any) -> str | None:
    """An export date as ISO-8601 UTC ("2025-01-14T03:12:45Z"); exports write UTC without a zone."""
    value = clean(value)
    if value is None:
        return None
    if isinstance(value, (int, float)):
        if not MIN_TIMESTAMP <= value < MAX_TIMESTAMP:  # also NaN and the infinities
            return None
        moment = dt.datetime.fromtimestamp(value, dt.timezone.utc)
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    text = str(value).strip()
    fast = _PLAIN_DATE.fullmatch(text)
    if fast:  # the export's own format, "2025-01-14 03:12:45" (UTC), possibly with " UTC"
        try:
            dt.datetime.fromisoformat(f"{fast.group(1)}T{fast.group(2)}")
        except ValueError:
            return None
        return f"{fast.group(1)}T{fast.group(2)}Z"
    text = re.sub(r"\s*(UTC|GMT|Z)$", "", text, flags=re.IGNORECASE)
    offset = None
    zone = re.search(r"([+-]\d{2}):?(\d{2})$", text)
    if zone and "T" in text or (zone and text.count("-") > 2):
        sign = 1 if zone.group(1)[0] == "+" else -1
        offset = dt.timedelta(hours=int(zone.group(1)[1:]), minutes=int(zone.group(2))) * sign
        text = text[: zone.start()]
    text = text.split(".")[0]
    for fmt in _DATE_FORMATS:
        try:
            moment = dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
        try:
            if offset is not None:
                moment -= offset
        except OverflowError:  # year 1 minus a zone, year 9999 plus one
            return None
        if moment.year < 1000:
            return None
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    return None


@dataclass
class MediaRecord:
    kind: str  # "video" | "image"
    url: str
    expires_at: str | None = None


@dataclass
class PostRecord:
    created_at: str
    caption: str = ""
    likes: int | None = None
    collections: int | None = None
    deleted: bool = False
    deleted_at: str | None = None
    sound: str | None = None
    location: str | None = None
    add_yours_text: str | None = None
    alt_text: str | None = None
    cover_url: str | None = None
    privacy: dict[str, str] = field(default_factory=dict)
    media: list[MediaRecord] = field(default_factory=list)
    # The fields the export gave for this post (column names; "privacy.<name>" for each setting). A
    # field the export does not have (an older era, a shorter layout) never overwrites a known value.
    present: set[str] = field(default_factory=set, compare=False)


@dataclass
class Profile:
    """The public part of the profile: all the importer ever keeps of it."""

    username: str | None = None
    display_name: str | None = None
    bio: str | None = None


# --- links -------------------------------------------------------------------------------------

_IMAGE_HINTS = re.compile(r"(\.(jpe?g|png|webp|heic|gif)(\?|$))|~tplv-|photomode|/obj/tos-[^/]*-i-", re.I)
_EXPIRY_PARAMS = ("x-tos-expires", "x-expires", "expires", "expire")


def unwrap_link(url: str) -> str:
    """The real media link of a deleted post, out of TikTok's login redirect (possibly nested)."""
    if "login" not in url:
        return url  # (nearly every link: no need to take it apart)
    for _ in range(5):
        try:
            parts = urlsplit(url)
        except ValueError:  # e.g. an unclosed "[" where an IPv6 host would be
            return url
        if "login" not in parts.path:
            return url
        query = parse_qs(parts.query)
        target = query.get("redirect_url") or query.get("redirect")
        if not target:
            return url
        url = unquote(target[0]) if "%" in target[0] else target[0]
    return url


def link_expiry(url: str) -> str | None:
    """When a signed CDN link stops working, from its ``x-tos-expires`` parameter."""
    if "expire" not in url.lower():
        return None
    query = url.partition("?")[2].partition("#")[0]
    values: dict[str, str] = {}
    for pair in query.split("&"):  # the query's parameters, names case-insensitive, first one kept
        name, _, value = pair.partition("=")
        if "%" in name or "+" in name or "%" in value or "+" in value:
            name, value = unquote_plus(name), unquote_plus(value)
        if value:
            values.setdefault(name.lower(), value)
    for name in _EXPIRY_PARAMS:
        if name in values:
            try:
                seconds = int(values[name])
            except ValueError:
                continue
            if 1_000_000_000 < seconds < 10_000_000_000:
                return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))
    return None


def media_from_link(link: Any) -> list[MediaRecord]:
    """One ``Link`` value → media records: several whitespace-separated URLs are a slideshow."""
    link = clean(link)
    if link is None:
        return []
    if isinstance(link, list):
        urls = [str(u).strip() for u in link if clean(u)]
    else:
        urls = [u for u in re.split(r"\s+", str(link)) if u]
    urls = [unwrap_link(u) for u in urls if u.lower().startswith(("http://", "https://"))]
    slideshow = len(urls) > 1
    records = []
    for url in urls:
        kind = "image" if slideshow or _IMAGE_HINTS.search(url) else "video"
        records.append(MediaRecord(kind=kind, url=url, expires_at=link_expiry(url)))
    return records
