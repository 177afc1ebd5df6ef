"""Real media files for tests, made on the fly with Pillow and PyAV."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np
from PIL import Image, ImageDraw


def scene(width: int, height: int, subject_at: tuple[float, float] = (0.5, 0.5)) -> Image.Image:
    """A photo-like picture: a smooth gradient with a detailed 'subject' (a checkerboard disc)."""
    x = np.linspace(0, 1, width)[None, :]
    y = np.linspace(0, 1, height)[:, None]
    base = np.stack([80 + 100 * x + 0 * y, 120 + 60 * y + 0 * x, 160 - 60 * x + 0 * y], axis=-1)
    image = Image.fromarray(base.astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(image)
    r = min(width, height) // 6
    cx, cy = int(width * subject_at[0]), int(height * subject_at[1])
    step = max(2, r // 8)
    for i in range(cx - r, cx + r, step):
        for j in range(cy - r, cy + r, step):
            if (i - cx) ** 2 + (j - cy) ** 2 < r * r and ((i - cx) // step + (j - cy) // step) % 2 == 0:
                draw.rectangle([i, j, i + step - 1, j + step - 1], fill=(250, 250, 250))
    return image


def gps_exif(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "PhoneMaker"
    exif[0xA431] = "SERIAL-123456"  # body serial number: personal
    gps = {1: "N", 2: (31.0, 13.0, 22.8), 3: "E", 4: (121.0, 28.0, 1.2)}
    exif[0x8825] = gps
    return exif


def jpeg(path: Path, width=1200, height=900, orientation=1, subject_at=(0.5, 0.5), quality=90) -> Path:
    scene(width, height, subject_at).save(path, "JPEG", quality=quality, exif=gps_exif(orientation))
    return path


def png_with_alpha(path: Path, width=400, height=300) -> Path:
    image = scene(width, height).convert("RGBA")
    image.putalpha(Image.linear_gradient("L").resize((width, height)))
    image.save(path, "PNG")
    return path


def scrambled_png(path: Path, width=800, height=600) -> Path:
    """A PNG whole on the outside (every chunk in place, IEND at the end) whose compressed pixels are
    scrambled: only decoding finds the damage."""
    png_with_alpha(path, width, height)
    data = bytearray(path.read_bytes())
    idat = data.index(b"IDAT")
    for k in range(idat + 200, idat + 260):
        data[k] ^= 0x5A
    path.write_bytes(bytes(data))
    return path


def webp(path: Path, width=500, height=500) -> Path:
    scene(width, height).save(path, "WEBP", quality=80)
    return path


def heic(path: Path, width=640, height=480) -> Path:
    import pillow_heif

    pillow_heif.register_heif_opener()
    scene(width, height).save(path, "HEIF", quality=70)
    return path


def gif(path: Path, width=200, height=150) -> Path:
    frames = [scene(width, height, (0.3 + 0.2 * i, 0.5)).convert("P") for i in range(3)]
    frames[0].save(path, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return path


def bomb_png(path: Path, side: int = 40000) -> Path:
    """A few-KB PNG that claims SIDE×SIDE pixels (a decompression bomb)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = zlib.compress(b"\x00" * (side // 8 + 1) * 64, 9)  # far too little data: never decoded
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0))
    png += chunk(b"IDAT", raw) + chunk(b"IEND", b"")
    path.write_bytes(png)
    return path


def video(
    path: Path,
    width=320,
    height=180,
    seconds=1.0,
    fps=24,
    audio=True,
    rotation=None,
    codec="libx264",
    container_format=None,
) -> Path:
    """A real video: a moving bright bar over a colour ramp, with a 440 Hz tone when AUDIO."""
    with av.open(str(path), "w", format=container_format) as c:
        v = c.add_stream(codec, rate=fps)
        v.width, v.height, v.pix_fmt = width, height, "yuv420p"
        if rotation is not None:
            v.set_display_rotation(rotation)
        a = None
        if audio:
            a = c.add_stream("aac", rate=44100)
            a.layout = "mono"
        for i in range(int(seconds * fps)):
            img = np.zeros((height, width, 3), np.uint8)
            img[:, :, 2] = np.linspace(0, 255, width, dtype=np.uint8)[None, :]
            x = (i * 9) % max(1, width - 24)
            img[height // 3 : 2 * height // 3, x : x + 24] = 255
            for p in v.encode(av.VideoFrame.from_ndarray(img, format="rgb24")):
                c.mux(p)
        for p in v.encode():
            c.mux(p)
        if a is not None:
            _write_tone(c, a, seconds, 440)
    return path


def _write_tone(container, stream, seconds: float, hz: float) -> None:
    """A mono tone of HZ (0: silence) for SECONDS into STREAM."""
    t = 0
    while t < seconds * 44100:
        arr = (np.sin(np.arange(t, t + 1024) * 2 * np.pi * hz / 44100) * 0.3).astype(np.float32)
        frame = av.AudioFrame.from_ndarray(arr.reshape(1, -1), format="flt", layout="mono")
        frame.sample_rate, frame.pts = 44100, t
        t += 1024
        for p in stream.encode(frame):
            container.mux(p)
    for p in stream.encode():
        container.mux(p)


def audio_only(path: Path, seconds=0.5) -> Path:
    with av.open(str(path), "w", format="mp4") as c:
        a = c.add_stream("aac", rate=44100)
        a.layout = "mono"
        _write_tone(c, a, seconds, 0)
    return path


def first_frame(path: Path) -> Image.Image:
    with av.open(str(path)) as c:
        return next(c.decode(video=0)).to_image()
