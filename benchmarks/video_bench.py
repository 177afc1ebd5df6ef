"""Video benchmark (issue: media).

A 10 s 1080p landscape clip (30 fps, with audio) → 1080×1920 portrait with crop, side by side:

  crosspost: python -m crosspost render clip.mp4 --platform rednote --fit crop -o out.mp4
  ffmpeg:    the ffmpeg executable from imageio-ffmpeg with the same settings (scale+crop, fps cap,
             yuv420p, libx264 preset medium CRF 21, AAC 128 kb/s 48 kHz stereo, +faststart)

Prints both times and the ratio. Goal: crosspost <= 1.15x ffmpeg's time.

    python benchmarks/video_bench.py [--rounds 1] [--seconds 10]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()
    import imageio_ffmpeg

    sys.path.insert(0, str(ROOT / "tests"))
    from media_files import video

    ffmpeg = imageio_ffmpeg.get_ffmpeg_exe()
    work = Path(tempfile.mkdtemp(prefix="crosspost-vidbench-"))
    try:
        print("making the 1080p clip…", file=sys.stderr)
        clip = video(work / "clip.mp4", 1920, 1080, seconds=args.seconds, fps=30, audio=True)
        ours, theirs = [], []
        for i in range(args.rounds):
            ours.append(
                timed(
                    [
                        sys.executable,
                        "-m",
                        "crosspost",
                        "render",
                        str(clip),
                        "--platform",
                        "rednote",
                        "--fit",
                        "crop",
                        "-o",
                        str(work / f"ours{i}.mp4"),
                    ]
                )
            )
            theirs.append(
                timed(
                    [
                        ffmpeg,
                        "-y",
                        "-loglevel",
                        "error",
                        "-i",
                        str(clip),
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
                        str(work / f"ffmpeg{i}.mp4"),
                    ]
                )
            )
        a, b = statistics.median(ours), statistics.median(theirs)
        size_a = (work / "ours0.mp4").stat().st_size / 1e6
        size_b = (work / "ffmpeg0.mp4").stat().st_size / 1e6
        print(f"{args.seconds:g} s 1080p landscape → 1080×1920 crop, {args.rounds} round(s), medians")
        print(f"crosspost (PyAV): {a:6.2f} s  {size_a:.2f} MB")
        print(f"ffmpeg:           {b:6.2f} s  {size_b:.2f} MB")
        print(f"ratio {a / b:.2f}x (goal <= 1.15x)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
