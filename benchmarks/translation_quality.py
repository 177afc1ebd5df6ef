"""Translation quality on your own captions: chrF of every installed model of a pair, side by side.

FILE.tsv holds one caption a line: the source, a tab, a reference translation written by a person
(lines starting with # are comments). Every installed model of PAIR (an Argos pack, a quickmt
model) translates the sources the way Crosspost does (protected tokens, the model's sentence
splitting, Simplified Chinese into zh; no glossary and no memory, so the models are compared as they
are), and sacrebleu's chrF against the references is printed for each, higher is better.

    python benchmarks/translation_quality.py en-zh benchmarks/data/captions-en-zh.tsv
    python benchmarks/translation_quality.py en-zh my-captions.tsv --data-dir DIR --lines

The data folder is Crosspost's (``--data-dir`` or ``CROSSPOST_DATA_DIR`` as for the app).
``benchmarks/data/captions-en-zh.tsv`` is a small held-out set written for this (30 creator captions).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def read_pairs(path: Path) -> list[tuple[str, str]]:
    pairs = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
            raise SystemExit(f"{path}:{n}: a line needs a source, one tab, and a reference.")
        pairs.append((parts[0].strip(), parts[1].strip()))
    if not pairs:
        raise SystemExit(f"{path} has no caption lines.")
    return pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pair", metavar="PAIR", help="FROM-TO, e.g. en-zh")
    parser.add_argument("file", metavar="FILE.tsv", type=Path)
    parser.add_argument("--data-dir", metavar="DIR", help="Crosspost's data folder (default: the app's)")
    parser.add_argument("--lines", action="store_true", help="also print every caption's translations")
    args = parser.parse_args(argv)

    from sacrebleu.metrics import CHRF

    from crosspost.errors import UserError
    from crosspost.paths import resolve
    from crosspost.translation import engine
    from crosspost.translation.packs import packs_for_pair
    from crosspost.translation.pipeline import Route, check_code, translate_plain

    try:
        source, target = (check_code(c) for c in args.pair.replace("_", "-").replace("→", "-").split("-", 1))
    except (ValueError, UserError) as exc:
        raise SystemExit(f"{args.pair!r} is not a pair such as en-zh ({exc}).") from None
    pairs = read_pairs(args.file)
    location = resolve(args.data_dir)
    models = packs_for_pair(location, source, target)
    if not models:
        raise SystemExit(f"No {source}→{target} model is installed in {location.root}.")
    sources, references = [s for s, _ in pairs], [r for _, r in pairs]
    rows, outputs = [], {}
    for pack in models:
        assert pack.path is not None  # installed
        route = Route(source, target, [engine.load_model(pack.path)])
        started = time.perf_counter()
        hypotheses = translate_plain(route, sources)
        seconds = time.perf_counter() - started
        score = CHRF().corpus_score(hypotheses, [references]).score
        rows.append((pack.name, pack.kind, pack.version, pack.licence or "-", score, seconds, pack.active))
        outputs[pack.name] = hypotheses
    print(f"{source}→{target}: {len(pairs)} captions from {args.file}")
    print(f"{'model':<20} {'kind':<8} {'version':<14} {'licence':<12} {'chrF':>6} {'seconds':>8}")
    for name, kind, version, licence, score, seconds, active in sorted(rows, key=lambda r: -r[4]):
        mark = "  (in use)" if active else ""
        print(f"{name:<20} {kind:<8} {version:<14} {licence:<12} {score:6.1f} {seconds:8.2f}{mark}")
    if args.lines:
        for i, (src, ref) in enumerate(pairs):
            print(f"\n[{i + 1}] {src}\n  reference: {ref}")
            for name in outputs:
                print(f"  {name}: {outputs[name][i]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
