"""Built-in sample data for ``crosspost --self-test`` and for trying the app: a small TikTok export
(JSON, 2025 layout) with three posts and matching local media, generated on demand so the package
stays small and nothing private is shipped."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from fractions import Fraction
from pathlib import Path

SAMPLE_POSTS = [
    (
        dt.datetime(2025, 1, 14, 3, 12, 45),
        "Hello RedNote! 👋 I moved here from TikTok and I'm learning Chinese. "
        "Here is my morning run by the river 🏃‍♀️\n#tiktokrefugee #running #hello",
        1520,
        "video",
    ),
    (
        dt.datetime(2025, 1, 12, 18, 40, 2),
        "My sourdough finally worked!! Recipe in the comments 🍞 #baking #sourdough",
        843,
        "image",
    ),
    (dt.datetime(2025, 1, 9, 9, 5, 31), "Weekend photo dump from the coast 🌊 #photodump #travel", 377, "image"),
]


def _video_id(moment: dt.datetime) -> int:
    return (int(moment.replace(tzinfo=dt.timezone.utc).timestamp()) << 32) | 0x5EED


def _photo(path: Path, hue: int, label: str) -> None:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (900, 1200), (hue, 140, 200 - hue // 2))
    draw = ImageDraw.Draw(image)
    for i in range(0, 1200, 40):
        draw.line([(0, i), (900, i + 300)], fill=(255, 255, 255), width=3)
    draw.ellipse([250, 350, 650, 750], fill=(250, 220, 120), outline=(90, 60, 20), width=12)
    draw.text((60, 1080), label, fill=(255, 255, 255))
    image.save(path, "JPEG", quality=85)


def _video(path: Path) -> None:
    import av
    import numpy as np

    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=Fraction(12, 1))
        stream.width, stream.height, stream.pix_fmt = 360, 640, "yuv420p"
        for i in range(18):
            frame = np.zeros((640, 360, 3), np.uint8)
            frame[:, :, 0] = 40 + i * 5
            frame[:, :, 1] = np.linspace(60, 200, 640, dtype=np.uint8)[:, None]
            frame[250 + i * 6 : 330 + i * 6, 120:240] = (255, 200, 80)
            for packet in stream.encode(av.VideoFrame.from_ndarray(frame, format="rgb24")):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)


def make_sample(folder: Path) -> tuple[Path, Path]:
    """Write the sample export zip and a folder of matching media into FOLDER; return both paths."""
    folder.mkdir(parents=True, exist_ok=True)
    media = folder / "my-media"
    media.mkdir(exist_ok=True)
    entries = []
    for i, (moment, caption, likes, kind) in enumerate(SAMPLE_POSTS):
        stamp = int(moment.replace(tzinfo=dt.timezone.utc).timestamp())
        link = (
            f"https://v16-webapp-prime.tiktokv.com/video/{stamp}/v.mp4?x-tos-expires={stamp + 864000}"
            if kind == "video"
            else f"https://p16-sign.tiktokcdn-us.com/obj/tos-useast5-i-photomode/{stamp}.jpeg?x-tos-expires={stamp + 864000}"  # noqa: E501
        )
        entries.append(
            {
                "Date": moment.strftime("%Y-%m-%d %H:%M:%S"),
                "Link": link,
                "Likes": str(likes),
                "WhoCanView": "Everyone",
                "AllowComments": "Yes",
                "Title": caption,
                "Sound": "original sound - sample",
            }
        )
        name = media / f"{_video_id(moment)}.{'mp4' if kind == 'video' else 'jpg'}"
        if kind == "video":
            _video(name)
        else:
            _photo(name, 60 + 60 * i, caption.split("!")[0][:30])
    data = {
        "Profile": {
            "Profile Info": {
                "ProfileMap": {"userName": "sample_creator", "bioDescription": "Baker, runner, new on RedNote"}
            }
        },
        "Post": {"Posts": {"VideoList": entries}, "Recently Deleted Posts": {"PostList": None}},
    }
    export = folder / "TikTok_Data_sample.zip"
    with zipfile.ZipFile(export, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("user_data_tiktok.json", json.dumps(data, ensure_ascii=False, indent=2))
    return export, media
