"""Whole-archive rendering benchmark (issue 15): keep what already fits, re-encode only what must change.

40 TikTok-shaped clips made with PyAV (3-5 s, 30 fps, H.264 + AAC in MP4):
  20 already fitting RedNote: 9:16 at 720×1280 (10) and 1080×1920 (10)
  10 landscape 1920×1080 (must be cropped to 9:16)
  10 portrait stored as 1920×1080 with a 90° rotation in the metadata (must be turned upright)

rendered for RedNote (fit crop) in one run by
  crosspost: one data dir with a draft per clip, then `python -m crosspost drafts render --all`
             (the batch path: keeps the fitting clips, encodes the rest)
  ffmpeg:    the ffmpeg executable from imageio-ffmpeg re-encoding all 40 to 1080×1920 with the same
             settings (scale+crop, yuv420p, libx264 preset medium CRF 21, AAC 128 kb/s 48 kHz stereo,
             +faststart), one after the other (x264 uses every core by itself)

Prints both times, the throughput ratio (goal >= 10x), the bound the mix allows (the time ffmpeg
spends on the 20 clips that must be re-encoded in any case), and checks that every fitting clip's
video stream in Crosspost's output is bit-identical to its source (SHA-256 over the packets).

    python benchmarks/archive_render_bench.py [--clips-per-group 10]
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_clip(path: Path, width: int, height: int, seconds: float, rotation: int | None = None) -> Path:
    """A clip like a phone's: moving picture, 30 fps, H.264 (B-frames) + AAC 44.1 kHz mono."""
    import av
    import numpy as np

    fps = 30
    x = np.linspace(0, 255, width, dtype=np.uint8)[None, :, None]
    y = np.linspace(0, 255, height, dtype=np.uint8)[:, None, None]
    base = np.concatenate(
        [
            np.broadcast_to(x, (height, width, 1)),
            np.broadcast_to(y, (height, width, 1)),
            np.full((height, width, 1), 90, np.uint8),
        ],
        axis=2,
    )
    rng = np.random.default_rng(width * 7 + height)
    noise = rng.integers(0, 40, (height, width, 3), dtype=np.uint8)
    with av.open(str(path), "w", format="mp4") as c:
        v = c.add_stream("libx264", rate=fps, options={"preset": "veryfast", "crf": "23"})
        v.width, v.height, v.pix_fmt = width, height, "yuv420p"
        if rotation is not None:
            v.set_display_rotation(rotation)
        a = c.add_stream("aac", rate=44100)
        a.layout = "mono"
        for i in range(int(seconds * fps)):
            img = base + np.roll(noise, i * 5, axis=1)
            x0 = (i * 17) % max(1, width - 120)
            img[height // 3 : height // 3 + 120, x0 : x0 + 120] = 255
            for p in v.encode(av.VideoFrame.from_ndarray(img, format="rgb24")):
                c.mux(p)
        for p in v.encode():
            c.mux(p)
        t = 0
        while t < seconds * 44100:
            arr = (np.sin(np.arange(t, t + 1024) * 2 * np.pi * 440 / 44100) * 0.3).astype(np.float32)
            frame = av.AudioFrame.from_ndarray(arr.reshape(1, -1), format="flt", layout="mono")
            frame.sample_rate, frame.pts = 44100, t
            t += 1024
            for p in a.encode(frame):
                c.mux(p)
        for p in a.encode():
            c.mux(p)
    return path


def packet_hash(path: Path) -> str:
    import av

    digest = hashlib.sha256()
    with av.open(str(path)) as c:
        for packet in c.demux(video=0):
            if packet.size:
                digest.update(bytes(packet))
    return digest.hexdigest()


def ffmpeg_reencode(ffmpeg: str, source: Path, out: Path) -> None:
    subprocess.run(
        [
            ffmpeg,
            "-y",
            "-loglevel",
            "error",
            "-i",
            str(source),
            "-vf",
            "scale=w=1080:h=1920:force_original_aspect_ratio=increase:flags=bicubic,"
            "crop=w=1080:h=1920,setsar=1,fps=30,format=yuv420p",
            "-c:v",
            "libx264",
            "-preset",
            "medium",
            "-crf",
            "21",
            "-c:a",
            "aac",
            "-b:a",
            "128k",
            "-ar",
            "48000",
            "-ac",
            "2",
            "-movflags",
            "+faststart",
            str(out),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--clips-per-group", type=int, default=10, help="clips in each of the 4 groups (default 10: 40 clips)"
    )
    args = parser.parse_args()
    import imageio_ffmpeg

    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "tests"))
    from exports import build_export, sample_posts, write_zip

    from crosspost.drafts.queue import create_drafts, draft_json
    from crosspost.paths import resolve
    from crosspost.posts import attach_files
    from crosspost.store import open_store

    ffmpeg = imageio_ffmpeg.get_ffmpeg_exe()
    n = args.clips_per_group
    work = Path(tempfile.mkdtemp(prefix="crosspost-archivebench-"))
    try:
        clips_dir = work / "clips"
        clips_dir.mkdir()
        groups = [
            ("fit-720", 720, 1280, None),
            ("fit-1080", 1080, 1920, None),
            ("landscape", 1920, 1080, None),
            ("rotated", 1920, 1080, 90),
        ]
        clips: list[tuple[str, Path]] = []
        print(f"making {4 * n} clips…", file=sys.stderr)
        t0 = time.perf_counter()
        for group, w, h, rotation in groups:
            for i in range(n):
                seconds = 3 + i % 3
                clips.append((group, make_clip(clips_dir / f"{group}-{i:02d}.mp4", w, h, seconds, rotation)))
        print(f"  made in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        total_seconds = sum(3 + i % 3 for i in range(n)) * 4

        # A Crosspost data dir with one RedNote draft (fit crop) per clip.
        data = work / "data"
        export = write_zip(
            work / "export.zip",
            build_export("json-2025", [dataclasses.replace(p, images=0) for p in sample_posts(len(clips))]),
        )
        env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        subprocess.run(
            [sys.executable, "-m", "crosspost", "--data-dir", str(data), "import", str(export)],
            check=True,
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        location = resolve(data)
        store = open_store(location)
        post_ids = [r[0] for r in store.db.execute("SELECT id FROM posts ORDER BY created_at")]
        for post_id, (_, clip) in zip(post_ids, clips):
            attach_files(store, post_id, [clip])
        drafts = create_drafts(store, post_ids, "rednote", layout="original", fit="crop")
        store.close()
        draft_for_clip = {clip: d["id"] for d, (_, clip) in zip(drafts, clips)}

        # The same archive, copied before any render, for timing the fitting clips alone.
        data_fit = work / "data-fitting"
        shutil.copytree(data, data_fit)
        fitting_ids = [str(draft_for_clip[c]) for g, c in clips if g.startswith("fit")]

        print("crosspost: drafts render --all …", file=sys.stderr)
        t0 = time.perf_counter()
        run = subprocess.run(
            [sys.executable, "-m", "crosspost", "--data-dir", str(data), "drafts", "render", "--all", "--json"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        ours = time.perf_counter() - t0
        if run.returncode != 0:
            sys.exit(f"crosspost failed:\n{run.stderr}")
        report = json.loads(run.stdout)

        t0 = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "crosspost",
                "--data-dir",
                str(data_fit),
                "drafts",
                "render",
                *fitting_ids,
                "--json",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            check=True,
        )
        ours_fitting = time.perf_counter() - t0

        print("ffmpeg: re-encoding all clips…", file=sys.stderr)
        ff_out = work / "ffmpeg"
        ff_out.mkdir()
        per_group: dict[str, float] = {}
        for group, clip in clips:
            t0 = time.perf_counter()
            ffmpeg_reencode(ffmpeg, clip, ff_out / clip.name)
            per_group[group] = per_group.get(group, 0.0) + time.perf_counter() - t0
        theirs = sum(per_group.values())

        store = open_store(location)
        identical = kept = 0
        fitting = [(g, c) for g, c in clips if g.startswith("fit")]
        methods: dict[str, dict[str, int]] = {}
        for group, clip in clips:
            d = draft_json(store, draft_for_clip[clip])
            [m] = [m for m in d["media_detail"] if m.get("rendered")]
            methods.setdefault(group, {}).setdefault(m["render_method"], 0)
            methods[group][m["render_method"]] += 1
            if group.startswith("fit"):
                kept += m["render_method"] == "copy"
                identical += packet_hash(Path(m["rendered"])) == packet_hash(clip)
            if d["problems"] and any(p["level"] == "error" for p in d["problems"]):
                sys.exit(f"draft {d['id']} does not pass preflight: {d['problems']}")
        store.close()

        must = per_group["landscape"] + per_group["rotated"]
        print(f"{len(clips)} clips ({total_seconds:g} s of video) → RedNote 1080×1920, fit crop")
        print("  paths taken: " + ", ".join(f"{g}: {methods[g]}" for g, *_ in groups))
        print(
            f"crosspost batch (drafts render --all): {ours:7.1f} s  "
            f"({report['kept']} kept, {report['encoded']} re-encoded)"
        )
        print(
            f"ffmpeg re-encoding everything:         {theirs:7.1f} s  "
            f"(fitting {per_group['fit-720'] + per_group['fit-1080']:.1f} s, landscape "
            f"{per_group['landscape']:.1f} s, rotated {per_group['rotated']:.1f} s)"
        )
        print(f"throughput ratio {theirs / ours:.2f}x (goal >= 10x)")
        print(
            f"  bound on this mix, even with free copies: ffmpeg all / ffmpeg on the 20 that must be "
            f"re-encoded = {theirs / must:.2f}x"
        )
        fit_theirs = per_group["fit-720"] + per_group["fit-1080"]
        print(
            f"the {len(fitting)} fitting clips alone: crosspost {ours_fitting:.1f} s, ffmpeg {fit_theirs:.1f} s: "
            f"{fit_theirs / ours_fitting:.1f}x"
        )
        print(
            f"fitting clips kept: {kept}/{len(fitting)}; video streams bit-identical (packet SHA-256): "
            f"{identical}/{len(fitting)}"
        )
        if identical != len(fitting):
            sys.exit("FAIL: a fitting clip's video stream changed")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
