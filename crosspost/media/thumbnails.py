"""Small cached JPEG thumbnails of media for the library view, made lazily on first request."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PIL import ImageOps

from crosspost.errors import UserError
from crosspost.media.images import atomic_write, encode_jpeg, load_image
from crosspost.media.probe import sniff
from crosspost.values import MediaKind

THUMB_SIZE = 320


def thumbnail_path(cache_dir: Path, source: Path, size: int = THUMB_SIZE) -> Path:
    """Where the thumbnail of SOURCE lives: keyed by its path, size on disk and modification time,
    so an edited or replaced file gets a fresh thumbnail."""
    stat = source.stat()
    key = hashlib.sha1(f"{source.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{size}".encode()).hexdigest()
    return cache_dir / key[:2] / f"{key}.jpg"


def thumbnail_for(cache_dir: str | Path, source: str | Path, size: int = THUMB_SIZE) -> Path:
    """The thumbnail of a photo or video (its sharpest early frame), made now if not cached."""
    cache_dir, source = Path(cache_dir), Path(source)
    try:
        target = thumbnail_path(cache_dir, source, size)
    except OSError as exc:
        raise UserError(f"{source} cannot be read ({exc.strerror or exc}).") from None
    if target.exists():
        return target
    with open(source, "rb") as f:
        kind = sniff(f.read(32))
    if kind == MediaKind.IMAGE:
        image = load_image(source, cover=(size, size))
    elif kind == MediaKind.VIDEO:
        from crosspost.media.cover import frame_at

        image = frame_at(source, 0.5)
    else:
        raise UserError(f"{source.name} is not a photo or video.")
    image = ImageOps.contain(image, (size, size))
    data, _ = encode_jpeg(image, quality=80)
    atomic_write(target, data)
    return target
