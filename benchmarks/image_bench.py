"""Photo benchmark (issue: media).

40 twelve-megapixel JPEGs (4032×3024, photo-like content) → 1080×1440 (RedNote, crop), whole
commands side by side:

  crosspost: python -m crosspost render *.jpg --platform rednote --fit crop -o OUT
             (JPEG draft decoding at the smallest scale that covers the target, all cores)
  naive:     one-core Pillow loop: open, exif_transpose, ImageOps.fit(LANCZOS), save(quality=90)

Prints times, output sizes and the speed ratio. Goal: >= 3x faster at equal output size.

    python benchmarks/image_bench.py [--count 40] [--rounds 1]
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

NAIVE = """
import sys
from pathlib import Path
from PIL import Image, ImageOps
out = Path(sys.argv[1])
for name in sys.argv[2:]:
    with Image.open(name) as im:
        im = ImageOps.exif_transpose(im)
        fitted = ImageOps.fit(im, (1080, 1440), Image.Resampling.LANCZOS)
        fitted.save(out / (Path(name).stem + ".jpg"), quality=90)
"""


def build(folder: Path, count: int) -> list[Path]:
    import numpy as np
    from PIL import Image

    sys.path.insert(0, str(ROOT / "tests"))
    from media_files import gps_exif, scene

    rng = np.random.default_rng(7)
    paths = []
    base = np.asarray(scene(4032, 3024, (0.6, 0.4)), dtype=np.int16)
    for i in range(count):
        grain = rng.integers(-12, 13, size=(3024, 4032, 1), dtype=np.int16)  # sensor-like noise
        pixels = np.clip(base + grain + i, 0, 255).astype(np.uint8)
        path = folder / f"IMG_{i:04d}.jpg"
        Image.fromarray(pixels).save(path, quality=92, exif=gps_exif(1 if i % 4 else 6))
        paths.append(path)
    return paths


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="crosspost-imgbench-"))
    try:
        src = work / "src"
        src.mkdir()
        print(f"making {args.count} 12 MP JPEGs…", file=sys.stderr)
        inputs = [str(p) for p in build(src, args.count)]
        ours, naive = [], []
        for i in range(args.rounds):
            out_a, out_b = work / f"ours{i}", work / f"naive{i}"
            out_b.mkdir()
            ours.append(
                timed(
                    [
                        sys.executable,
                        "-m",
                        "crosspost",
                        "render",
                        *inputs,
                        "--platform",
                        "rednote",
                        "--fit",
                        "crop",
                        "-o",
                        str(out_a),
                    ]
                )
            )
            naive.append(timed([sys.executable, "-c", NAIVE, str(out_b), *inputs]))
        from PIL import Image

        sizes_a = {Image.open(p).size for p in (work / "ours0").iterdir()}
        sizes_b = {Image.open(p).size for p in (work / "naive0").iterdir()}
        bytes_a = sum(p.stat().st_size for p in (work / "ours0").iterdir())
        bytes_b = sum(p.stat().st_size for p in (work / "naive0").iterdir())
        t_a, t_b = statistics.median(ours), statistics.median(naive)
        print(f"{args.count} × 12 MP JPEG → 1080×1440, {args.rounds} round(s), medians")
        print(f"crosspost render: {t_a:6.2f} s   output {sorted(sizes_a)}  {bytes_a / 1e6:.1f} MB")
        print(f"naive Pillow loop: {t_b:6.2f} s   output {sorted(sizes_b)}  {bytes_b / 1e6:.1f} MB")
        print(f"speed-up {t_b / t_a:.2f}x (goal >= 3x)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
