"""Translation benchmark (issue: translation).

A pack built like the test pack but at the real Argos en→zh shape — Transformer base (6+6 layers,
d_model 512, 8 heads, FFN 2048), ~32k vocabulary, int8 — with random weights, so the decoding length
is capped (``--max-len``) to stop random weights running away. Side by side on the same sentences
with the same decoding options (beam 2, the same cap):

  raw:        a ctranslate2.Translator.translate_batch loop (SentencePiece encode/decode around it)
  crosspost:  translate_posts over 500 stored posts (segmenting, token protection, sentence
              splitting, memory look-ups, one batched call per caption set, storage)
  crosspost, second pass: the same again with --force, served from the translation memory

Goals: first pass >= 0.9x the raw throughput; second pass >= 100x faster than the first.

    python benchmarks/translate_bench.py [--captions 500] [--max-len 16]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

TEMPLATES = [
    "Morning run by the river with my best friend 🏃‍♀️ #running #fyp @bestie",
    "My sourdough finally worked after {n} weeks! Recipe in the comments 🍞\n#baking #sourdough",
    "Packing for Chengdu ✈️ who has tips for a first visit? Day {n} of my trip. #travel #tiktokrefugee",
    "Studio tour: this is where I paint every day. Link: https://alice.example.com/{n} #art",
    "Thank you all for following me here, it means a lot. New video every Monday, see you next week!",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--captions", type=int, default=500)
    parser.add_argument("--max-len", type=int, default=16)
    args = parser.parse_args()

    from argos_pack import build_pack_dir

    import crosspost.translation.engine as engine
    from crosspost.paths import resolve
    from crosspost.store import open_store
    from crosspost.translation.service import BatchStats, _plan, translate_posts

    engine.MAX_DECODING_LENGTH = args.max_len
    work = Path(tempfile.mkdtemp(prefix="crosspost-trbench-"))
    try:
        location = resolve(work / "data").ensure()
        packages = location.languages_dir / "packages"
        packages.mkdir(parents=True)
        print("building a Transformer-base int8 pack (random weights)…", file=sys.stderr)
        pack = build_pack_dir(
            packages, "en", "zh", layers=6, d_model=512, heads=8, ffn=2048, vocab=32000, quantization="int8"
        )
        pack.rename(packages / "translate-en_zh")
        store = open_store(location)
        captions = [TEMPLATES[i % len(TEMPLATES)].format(n=i) for i in range(args.captions)]
        with store.transaction():
            store.db.execute("INSERT INTO accounts (username) VALUES ('bench')")
            store.db.conn.executemany(
                "INSERT INTO posts (account_id, created_at, caption, updated_at) VALUES (1, ?, ?, ?)",
                [
                    (f"2024-01-01T00:{i // 60 % 60:02d}:{i % 60:02d}Z" if i < 3600 else f"2024-01-02T{i}", c, "x")
                    for i, c in enumerate(captions)
                ],
            )
        # The raw loop gets exactly the sentences Crosspost sends to the engine.
        sentences: list[str] = []
        for caption in captions:
            _plan(caption, {}, sentences, "zh")
        model = engine.load_model(packages / "translate-en_zh")
        unique = list(dict.fromkeys(sentences))

        start = time.perf_counter()
        for i in range(0, len(unique), 32):
            batch = unique[i : i + 32]
            tokens = [model.tokenizer.encode(s, out_type=str) for s in batch]
            results = model.translator.translate_batch(
                tokens,
                beam_size=engine.BEAM_SIZE,
                max_decoding_length=args.max_len,
                max_batch_size=32,
                batch_type="examples",
                replace_unknowns=True,
            )
            [model.tokenizer.decode(r.hypotheses[0]) for r in results]
        raw = time.perf_counter() - start

        stats = BatchStats()
        start = time.perf_counter()
        translate_posts(store, location, None, "en", "zh", stats=stats)
        first = time.perf_counter() - start

        again = BatchStats()
        start = time.perf_counter()
        translate_posts(store, location, list(range(1, args.captions + 1)), "en", "zh", force=True, stats=again)
        second = time.perf_counter() - start
        store.close()
        print(
            f"{args.captions} captions, {len(sentences)} sentences ({len(unique)} distinct), "
            f"Transformer-base int8, beam {engine.BEAM_SIZE}, max length {args.max_len}"
        )
        print(f"raw translate_batch loop:     {raw:7.2f} s  ({len(unique) / raw:6.1f} sentences/s)")
        print(f"crosspost, first pass:        {first:7.2f} s  ({len(unique) / first:6.1f} sentences/s)")
        print(
            f"crosspost, second (memory):   {second:7.3f} s  ({again.captions_from_memory}/{args.captions} captions from memory)"  # noqa: E501
        )
        print(
            f"throughput ratio {raw / first:.2f}x of raw (goal >= 0.9x); memory speed-up {first / second:.0f}x "
            "(goal >= 100x)"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
