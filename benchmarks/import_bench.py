"""Import benchmark (issue: foundation).

Builds a ~150 MB JSON export (2,000 own posts, 700,000 watch-history rows, plus searches and
messages), then times, side by side and alternating, two whole commands in fresh processes:

  crosspost: python -m crosspost --data-dir TMP import user_data_tiktok.json   (start-up included)
  baseline:  python -c "json.load(open(user_data_tiktok.json, 'rb'))"

and prints wall time and peak RSS of each, and their ratios. Goals: time <= 0.5x, RSS <= 0.25x.

    python benchmarks/import_bench.py [--rounds 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def build(path: Path, watch_rows: int = 700_000, search_rows: int = 400_000, posts: int = 2000) -> None:
    """An export of POSTS posts after WATCH_ROWS watch-history and SEARCH_ROWS search rows."""
    from exports import json_export_dict, sample_posts

    data = json_export_dict("json-2025", sample_posts(posts), watch_rows=1)
    data["Activity"]["Video Browsing History"]["VideoList"] = [
        {
            "Date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}:{i % 59:02d}",
            "Link": f"https://www.tiktokv.com/share/video/{7200000000000000000 + i * 7919}/",
        }
        for i in range(watch_rows)
    ]
    data["Activity"]["Search History"]["SearchList"] = [
        {"Date": "2024-03-01 10:00:00", "SearchTerm": f"search term number {i} sourdough starter tips"}
        for i in range(search_rows)
    ]
    # Pretty-printed like TikTok's own file.
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)


def run(cmd: list[str], env: dict) -> tuple[float, float]:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode()
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{err}")
    return elapsed, usage.ru_maxrss / 1024  # KiB on Linux -> MiB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="build/keep the export in this folder")
    parser.add_argument("--build-only", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build_only:
        build(args.build_only)
        return

    work = args.keep or Path(tempfile.mkdtemp(prefix="crosspost-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    export = work / "user_data_tiktok.json"
    if not export.exists():
        print("building the export…", file=sys.stderr)
        # In a child process: this process must stay small, because a forked child starts with
        # its parent's resident pages counted in its peak RSS.
        subprocess.run([sys.executable, __file__, "--build-only", str(export)], check=True)
    size_mb = export.stat().st_size / 1e6
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    baseline_cmd = [sys.executable, "-c", f"import json; json.load(open({str(export)!r}, 'rb'))"]
    results = {"crosspost": [], "json.load": []}
    try:
        for i in range(args.rounds):
            data_dir = work / f"data-{i}"
            shutil.rmtree(data_dir, ignore_errors=True)
            ours = [sys.executable, "-m", "crosspost", "--data-dir", str(data_dir), "import", str(export)]
            results["crosspost"].append(run(ours, env))
            results["json.load"].append(run(baseline_cmd, env))
            shutil.rmtree(data_dir, ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    def med(name, k):
        return statistics.median(r[k] for r in results[name])

    t_ours, t_base = med("crosspost", 0), med("json.load", 0)
    m_ours, m_base = med("crosspost", 1), med("json.load", 1)
    print(f"export: {size_mb:.0f} MB, 2,000 posts, 700,000 watch-history rows; {args.rounds} rounds, medians")
    print(f"{'':12} {'time (s)':>10} {'peak RSS (MiB)':>16}")
    print(f"{'crosspost':12} {t_ours:10.2f} {m_ours:16.1f}")
    print(f"{'json.load':12} {t_base:10.2f} {m_base:16.1f}")
    print(f"ratio time {t_ours / t_base:.2f}x (goal <= 0.50x)   ratio RSS {m_ours / m_base:.2f}x (goal <= 0.25x)")


if __name__ == "__main__":
    main()
