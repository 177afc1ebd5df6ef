"""``import --media DIR`` and ``posts attach``: files matched by their TikTok video ID, never guessed."""

from __future__ import annotations

import json
from fractions import Fraction

import av
import numpy as np
import pytest
from exports import build_export, sample_posts, write_zip
from PIL import Image

from crosspost.cli.main import main


def make_mp4(path, frames=6, size=(64, 112)):
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=Fraction(12, 1))
        stream.width, stream.height, stream.pix_fmt = size[0], size[1], "yuv420p"
        for i in range(frames):
            image = np.full((size[1], size[0], 3), (i * 40) % 255, dtype=np.uint8)
            for packet in stream.encode(av.VideoFrame.from_ndarray(image, format="rgb24")):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return path


@pytest.fixture
def export_and_media(tmp_path):
    posts = sample_posts(5)
    export = write_zip(tmp_path / "e.zip", build_export("json-2025", posts))
    media = tmp_path / "my videos"
    (media / "sub").mkdir(parents=True)
    make_mp4(media / f"{posts[0].video_id}.mp4")
    make_mp4(media / "sub" / f"Sourdough day [{posts[1].video_id}].mp4")
    # an ID whose time is 3 minutes after post 2: still that post (within the tolerance)
    make_mp4(media / f"{(posts[2].video_id >> 32) + 180 << 32}.mp4")
    make_mp4(media / "holiday.mp4")  # no ID: reported, not guessed
    make_mp4(media / f"{(posts[4].video_id >> 32) + 3 * 3600 << 32}.mp4")  # no post near that time
    (media / "notes.txt").write_text("not media")
    (media / f"{posts[3].video_id}.jpg").write_bytes(b"not really a jpeg")  # unreadable: unmatched
    return posts, export, media


def test_import_with_media_dir(data_dir, export_and_media, capsys):
    posts, export, media = export_and_media
    assert main(["--data-dir", str(data_dir), "import", "--json", str(export), "--media", str(media)]) == 0
    out = capsys.readouterr()
    result = json.loads(out.out)
    assert result["matched_media"] == 3
    warning = next(w for w in result["warnings"] if "matched no post" in w)
    assert "3 file(s)" in warning and "holiday.mp4" in warning
    assert main(["--data-dir", str(data_dir), "posts", "list", "--json"]) == 0
    by_date = {p["created_at"]: p for p in json.loads(capsys.readouterr().out)}
    for post in posts[:3]:
        video = by_date[post.iso]["media"][0]
        assert video["kind"] == "video" and video["path"].endswith(".mp4")
        assert video["url"].startswith("https://")  # the link is kept beside the local file
    assert by_date[posts[4].iso]["media"][0]["path"] is None
    # the same again: nothing new attached, nothing duplicated
    assert main(["--data-dir", str(data_dir), "import", "--json", str(export), "--media", str(media)]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["added"] == 0 and again["updated"] == 0
    assert main(["--data-dir", str(data_dir), "posts", "show", "1", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["media"]) == 1


def test_posts_attach_by_hand(data_dir, tmp_path, export_and_media, capsys):
    _, export, media = export_and_media
    assert main(["--data-dir", str(data_dir), "import", str(export)]) == 0
    photo = tmp_path / "photo.png"
    Image.new("RGB", (30, 40), "red").save(photo)
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "posts", "attach", "4", str(photo), "--json"]) == 0
    attached = json.loads(capsys.readouterr().out)
    assert attached[0]["kind"] == "image"
    assert main(["--data-dir", str(data_dir), "posts", "show", "4", "--json"]) == 0
    post = json.loads(capsys.readouterr().out)
    first = post["media"][0]
    assert first["path"] == str(photo.resolve()) and first["width"] == 30 and first["height"] == 40


@pytest.mark.parametrize("bad", ["missing", "text"])
def test_attach_bad_file_attaches_nothing(data_dir, tmp_path, export_and_media, capsys, bad):
    _, export, media = export_and_media
    assert main(["--data-dir", str(data_dir), "import", str(export)]) == 0
    good = media / "holiday.mp4"
    target = tmp_path / "nope.mp4" if bad == "missing" else media / "notes.txt"
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "posts", "attach", "1", str(good), str(target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("crosspost: ") and "Traceback" not in err
    assert main(["--data-dir", str(data_dir), "posts", "show", "1", "--json"]) == 0
    media = json.loads(capsys.readouterr().out)["media"]
    assert media and all(m["path"] is None for m in media)
