"""Nothing private from the export ever reaches the store file."""

from __future__ import annotations

import pytest
from exports import LAYOUTS, PRIVATE_MARKERS, build_export, sample_posts, write_zip

from crosspost.cli.main import main


@pytest.mark.parametrize("layout", LAYOUTS)
def test_no_private_byte_reaches_the_database(layout, data_dir, tmp_path):
    path = write_zip(tmp_path / "export.zip", build_export(layout, sample_posts(4), watch_rows=50))
    assert main(["--data-dir", str(data_dir), "import", str(path)]) == 0
    # Close every connection so the WAL is checkpointed into the main file, then read every file
    # the store consists of as raw bytes (main file, and WAL/SHM if they remain).
    store_files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert any(p.name == "crosspost.db" for p in store_files)
    blob = b"".join(p.read_bytes() for p in store_files)
    assert b"alice_bakes" in blob  # the public profile name is kept: the check can see text
    for what, marker in PRIVATE_MARKERS.items():
        assert marker.encode() not in blob, f"{what} leaked into the store"
