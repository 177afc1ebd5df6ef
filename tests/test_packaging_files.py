"""Cheap checks of the installer files (the full PyInstaller build runs in .ci/run, not here)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent


def test_desktop_file_is_valid_and_bilingual():
    desktop = ROOT / "packaging" / "linux" / "crosspost.desktop"
    text = desktop.read_text(encoding="utf-8")
    for key in (
        "Name=Crosspost",
        "GenericName=",
        "GenericName[zh_CN]=",
        "Categories=",
        "Exec=crosspost-gui %F",
        "Icon=crosspost",
    ):
        assert key in text
    assert "application/zip" in text and "application/json" in text
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr


def test_metainfo_is_well_formed():
    root = ET.parse(ROOT / "packaging" / "linux" / "io.github.crosspost.Crosspost.metainfo.xml").getroot()
    assert root.tag == "component" and root.findtext("id") == "io.github.crosspost.Crosspost"
    assert root.findtext("project_license") == "GPL-3.0-or-later"
    assert root.find("launchable").text == "crosspost.desktop"


def test_icon_script_makes_every_size(tmp_path):
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "make-icons")],
        capture_output=True,
        text=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr
    icons = ROOT / "resources" / "icons"
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        with Image.open(icons / f"crosspost-{size}.png") as image:
            assert image.size == (size, size)
            assert image.getpixel((size // 2, size // 8))[3] > 0  # drawn, not empty
    with Image.open(icons / "crosspost.ico") as ico:
        assert (256, 256) in ico.info["sizes"]
    with Image.open(icons / "crosspost.icns") as icns:
        assert icns.size[0] >= 256
    assert (ROOT / "crosspost" / "resources" / "icons" / "crosspost-256.png").exists()


def test_notices_name_pyav_and_ffmpeg(tmp_path):
    out = tmp_path / "NOTICES.txt"
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "third_party_notices.py"), str(out)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert "GPL-3.0-or-later" in text and "x264" in text and "FFmpeg" in text
    for name in ("av ", "PySide6", "sqlite-utils", "ctranslate2", "Pillow"):
        assert name.lower() in text.lower()


def test_every_runtime_dependency_is_listed_as_bundled():
    """Help → About and THIRD-PARTY-NOTICES.txt list every package the app runs with: each of
    pyproject's dependencies is in crosspost/bundled.py (atproto, httpx, keyring, sacrebleu and
    filelock were missing), and the notices written from that list name each one."""
    import re
    import tomllib

    from crosspost.bundled import bundled_names

    def norm(name: str) -> str:
        return re.sub(r"[-_.]+", "-", name).lower()

    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    wanted = {norm(re.split(r"[<>=!~;\[ ]", dep, maxsplit=1)[0]) for dep in deps}
    assert len(wanted) >= 15
    assert wanted - {norm(n) for n in bundled_names()} == set()


def test_licence_is_gpl3():
    assert (
        "GNU GENERAL PUBLIC LICENSE" in (ROOT / "LICENSE").read_text() and "Version 3" in (ROOT / "LICENSE").read_text()
    )


@pytest.mark.parametrize(
    "path",
    [
        "packaging/build-linux",
        "packaging/build-translations",
        "packaging/make-icons",
        "packaging/macos/build-dmg",
        "scripts/run-tests.sh",
        "scripts/run-app.sh",
        ".ci/run",
    ],
)
def test_scripts_are_executable_or_run_with_bash(path):
    p = ROOT / path
    assert p.exists()
    if p.suffix != ".sh" and "ci" not in path:
        assert p.stat().st_mode & 0o111
