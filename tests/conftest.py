"""Shared test set-up: Qt off-screen, every test in its own data dir, nothing in the real home."""

from __future__ import annotations

import os

from screens import offscreen_screen

# Before anything imports Qt: no display needed, and the same rendering everywhere. The screen is a
# common desktop's (1920×1200), not Qt's default 800×800: the window is fitted into its screen.
os.environ.setdefault("QT_QPA_PLATFORM", offscreen_screen(1920, 1200))

import pytest

_TRANSLATING_FIXTURES = {"argos_packs", "en_zh", "en_zh_both", "quickmt_models"}


def pytest_collection_modifyitems(config, items):
    """Mark the tests that run a translation pack (``translation``) and the window's tests (``window``):
    CI runs both again with CTranslate2's generic CPU kernels, so a test that depends on one CPU's
    floating point (the exact words or length of machine output) can't land."""
    for item in items:
        if _TRANSLATING_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.translation)
        if "/tests/gui/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.window)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch):
    """Point HOME and the XDG dirs at a temporary folder so a stray write to the home is caught
    (``tests/test_paths.py`` asserts the fake home stays empty) and the user's real files are safe."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.delenv("CROSSPOST_DATA_DIR", raising=False)
    return home


@pytest.fixture
def data_dir(tmp_path):
    """A fresh Crosspost data dir for one test."""
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def location(data_dir):
    from crosspost.paths import resolve

    return resolve(data_dir).ensure()


@pytest.fixture
def store(location):
    from crosspost.store import open_store

    s = open_store(location)
    yield s
    s.close()


@pytest.fixture(scope="session")
def argos_packs(tmp_path_factory):
    """Tiny real .argosmodel files: en→zh, fr→en (for pivoting fr→en→zh), en→fr and zh→en."""
    from argos_pack import build_pack

    folder = tmp_path_factory.mktemp("packs")
    return {
        ("en", "zh"): build_pack(folder / "en_zh.argosmodel", "en", "zh", seed=1),
        ("fr", "en"): build_pack(folder / "fr_en.argosmodel", "fr", "en", seed=2),
        ("en", "fr"): build_pack(folder / "en_fr.argosmodel", "en", "fr", seed=3),
        ("zh", "en"): build_pack(folder / "zh_en.argosmodel", "zh", "en", seed=4),  # back-translation
    }


@pytest.fixture
def en_zh(location, argos_packs):
    """A data dir with the en→zh pack installed."""
    from crosspost.translation.packs import install_pack

    install_pack(location, argos_packs[("en", "zh")])
    return location


from bluesky_support import pds  # noqa: E402,F401  (the session-wide local PDS for the Bluesky tests)


@pytest.fixture
def en_zh_both(en_zh, argos_packs):
    """A data dir with en→zh and its reverse, zh→en (for back-translation), installed."""
    from crosspost.translation.packs import install_pack

    install_pack(en_zh, argos_packs[("zh", "en")])
    return en_zh


@pytest.fixture(scope="session")
def quickmt_models(tmp_path_factory):
    """Tiny real quickmt model folders (quickmt's hub layout): en→zh and zh→en (back-translation),
    one with a joint vocabulary and no pair in its name, and an en→zh one that writes Traditional."""
    from quickmt_model import ENGLISH, SIMPLIFIED, TRADITIONAL, build_quickmt_dir

    folder = tmp_path_factory.mktemp("quickmt")
    return {
        ("en", "zh"): build_quickmt_dir(folder, "en", "zh", seed=11),
        ("zh", "en"): build_quickmt_dir(folder, "zh", "en", source_text=SIMPLIFIED, target_text=ENGLISH, seed=12),
        "joint": build_quickmt_dir(folder / "joint", "en", "zh", name="my-model", joint=True, seed=13),
        "traditional": build_quickmt_dir(folder / "trad", "en", "zh", target_text=TRADITIONAL, seed=14),
    }
