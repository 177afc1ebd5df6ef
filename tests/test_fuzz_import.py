"""A bounded mutation fuzz of real-shaped exports (issue 14): every damaged export ends in exit 0 or
exit 1 with a message, never a traceback, a hang or a usage error. Fixed seed, a few hundred cases,
run in-process through the CLI entry point."""

from __future__ import annotations

import io
import random
import signal
import zipfile

import pytest
from exports import build_export, sample_posts, write_zip

from crosspost.cli.main import main

SEED = 14
CASES = 400
SECONDS_PER_CASE = 20  # a hang fails the case instead of the whole suite


def _zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buffer.getvalue()


def _mutate(rng: random.Random, data: bytes) -> bytes:
    data = bytearray(data)
    for _ in range(rng.choice((1, 1, 2, 3, 8))):
        how = rng.randrange(7)
        at = rng.randrange(len(data)) if data else 0
        if how == 0:  # flip bits
            data[at] ^= 1 << rng.randrange(8)
        elif how == 1:  # a random byte
            data[at] = rng.randrange(256)
        elif how == 2:  # cut the end off
            del data[at:]
        elif how == 3:  # delete a run
            del data[at : at + rng.randrange(1, 64)]
        elif how == 4:  # insert junk
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 16)))
        elif how == 5:  # repeat a run (duplicated keys, sections, headers)
            run = data[at : at + rng.randrange(1, 200)]
            data[at:at] = run * rng.randrange(1, 4)
        else:  # an interesting value: huge counts, quotes, brackets, a zip signature
            data[at:at] = rng.choice(
                [
                    b"99999999999999999999",
                    b"-1",
                    b'"',
                    b"[",
                    b"{",
                    b"}",
                    b"\\",
                    b"PK\x03\x04",
                    b"\xff\xff\xff\xff",
                    b"1e999",
                    b"\x00",
                    b"\xc3",
                ]
            )
        if not data:
            break
    return bytes(data)


def _exports() -> list[tuple[str, bytes]]:
    posts = sample_posts(6)
    posts[5].deleted = True
    json_files = build_export("json-2026", posts)
    txt_files = build_export("txt-posts", posts)
    return [
        ("zip", _zip_bytes({f"TikTok_Data/{k}" if not k.endswith(".json") else k: v for k, v in json_files.items()})),
        ("zip", _zip_bytes({f"TikTok_Data/{k}": v for k, v in txt_files.items()})),
        ("json", json_files["user_data_tiktok.json"]),
        ("txt-in-zip", txt_files["Post/Posts.txt"]),
        ("json-in-zip", json_files["user_data_tiktok.json"]),
    ]


def _alarm(signum, frame):
    raise TimeoutError("an import of a fuzzed export did not finish")


@pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="the per-case time-out needs SIGALRM")
def test_mutated_exports_never_crash(tmp_path, capsys):
    rng = random.Random(SEED)
    data_dir = tmp_path / "data"
    seeds = _exports()
    # A store that already holds the intact export, so updates and merges are exercised too.
    intact = write_zip(tmp_path / "intact.zip", build_export("json-2026", sample_posts(6)))
    assert main(["--data-dir", str(data_dir), "import", str(intact)]) == 0
    capsys.readouterr()
    outcomes = {0: 0, 1: 0}
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        for case in range(CASES):
            kind, original = seeds[case % len(seeds)]
            mutated = _mutate(rng, original)
            if kind == "zip":
                path = tmp_path / f"case{case}.zip"
                path.write_bytes(mutated)
            elif kind == "json":
                path = tmp_path / f"case{case}" / "user_data_tiktok.json"
                path.parent.mkdir()
                path.write_bytes(mutated)
            else:  # the content damaged, the zip around it sound: the readers are hit, not zipfile
                path = tmp_path / f"case{case}.zip"
                name = "TikTok_Data/Post/Posts.txt" if kind == "txt-in-zip" else "user_data_tiktok.json"
                path.write_bytes(_zip_bytes({name: mutated}))
            signal.alarm(SECONDS_PER_CASE)
            try:
                code = main(["--data-dir", str(data_dir), "import", str(path), "--json"])
            except SystemExit as exc:  # argparse only; a usage error is not an outcome for a path
                code = exc.code
            finally:
                signal.alarm(0)
            out, err = capsys.readouterr()
            assert code in (0, 1), (case, kind, code, err)
            assert "Traceback" not in err, (case, err)
            if code == 1:
                assert err.startswith("crosspost: ") and len(err.strip().splitlines()) == 1, (case, err)
            path.unlink()
            outcomes[code] += 1
    finally:
        signal.signal(signal.SIGALRM, previous)
    # Both outcomes occur: the fuzz reaches the readers, not only the zip checks.
    assert outcomes[0] > 20 and outcomes[1] > 20, outcomes
