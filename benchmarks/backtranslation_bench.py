"""Back-translation benchmark (issue 16: know what your Chinese says).

Two packs at the real Argos shape — Transformer base (6+6 layers, d_model 512, 8 heads, FFN 2048),
~32k vocabulary, int8 — en→zh and zh→en, random weights, so the decoding length is capped
(``--max-len``, the same both ways) to stop random weights running away. On 500 stored posts:

  forward:  translate_posts (what `crosspost translate --all` does)
  check:    check_posts after it (what `crosspost translate --check` adds): the engine's score of
            each sentence, the back-translation of every translated sentence, chrF, flags
  view:     the sentence view of one 2,000-character caption, from memory (checked before)

Goals: the check adds <= 1.1x the forward time; the view in < 100 ms.

    python benchmarks/backtranslation_bench.py [--captions 500] [--max-len 16]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from translate_bench import TEMPLATES  # noqa: E402  (the same captions as the translation benchmark)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--captions", type=int, default=500)
    parser.add_argument("--max-len", type=int, default=16)
    args = parser.parse_args()

    from argos_pack import build_pack_dir

    import crosspost.translation.engine as engine
    from crosspost.paths import resolve
    from crosspost.store import open_store
    from crosspost.translation.checking import check_post, check_posts
    from crosspost.translation.service import translate_posts

    engine.MAX_DECODING_LENGTH = args.max_len
    work = Path(tempfile.mkdtemp(prefix="crosspost-backbench-"))
    try:
        location = resolve(work / "data").ensure()
        packages = location.languages_dir / "packages"
        packages.mkdir(parents=True)
        for source, target, seed in (("en", "zh", 0), ("zh", "en", 1)):
            print(f"building a Transformer-base int8 {source}→{target} pack (random weights)…", file=sys.stderr)
            pack = build_pack_dir(
                packages,
                source,
                target,
                layers=6,
                d_model=512,
                heads=8,
                ffn=2048,
                vocab=32000,
                quantization="int8",
                seed=seed,
            )
            pack.rename(packages / f"translate-{source}_{target}")
        store = open_store(location)
        captions = [TEMPLATES[i % len(TEMPLATES)].format(n=i) for i in range(args.captions)]
        long_caption = " ".join(TEMPLATES[i % len(TEMPLATES)].format(n=1000 + i) + "." for i in range(40))[:2000]
        with store.transaction():
            store.db.execute("INSERT INTO accounts (username, usual_lang) VALUES ('bench', 'en')")
            store.db.conn.executemany(
                "INSERT INTO posts (account_id, created_at, caption, updated_at) VALUES (1, ?, ?, ?)",
                [
                    (f"2024-01-01T{i // 3600:02d}:{i // 60 % 60:02d}:{i % 60:02d}Z", c, "x")
                    for i, c in enumerate(captions + [long_caption])
                ],
            )
        ids = list(range(1, args.captions + 1))
        engine.load_model(packages / "translate-en_zh")
        engine.load_model(packages / "translate-zh_en")

        start = time.perf_counter()
        translate_posts(store, location, ids, "en", "zh")
        forward = time.perf_counter() - start

        start = time.perf_counter()
        checks = check_posts(store, location, ids, "zh", "en")
        check = time.perf_counter() - start
        sentences = sum(1 for c in checks for s in c.sentences if s.has_words)

        long_id = args.captions + 1
        translate_posts(store, location, [long_id], "en", "zh")
        first = check_post(store, location, long_id, "zh", "en")  # computes and remembers
        timings = []
        for _ in range(20):
            start = time.perf_counter()
            view = check_post(store, location, long_id, "zh", "en")
            timings.append(time.perf_counter() - start)
        assert [s.to_json() for s in view.sentences] == [s.to_json() for s in first.sentences]
        store.close()

        print(
            f"{args.captions} captions ({sentences} sentence pairs), Transformer-base int8 both ways, "
            f"beam {engine.BEAM_SIZE}, max length {args.max_len}"
        )
        print(f"forward translation:           {forward:7.2f} s")
        print(
            f"check (scores, back, chrF):    {check:7.2f} s   = {check / forward:.2f}x the forward time (goal <= 1.1x)"
        )
        print(
            f"sentence view, {len(long_caption)}-character caption, {len(view.sentences)} pairs, from memory: "
            f"median {statistics.median(timings) * 1000:.1f} ms, max {max(timings) * 1000:.1f} ms (goal < 100 ms)"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
