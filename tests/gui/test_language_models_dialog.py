"""The language dialog with both kinds of model: install a quickmt folder beside an Argos pack,
choose which one translates the pair, and download a quickmt model by name from a local hub."""

from __future__ import annotations

from gui.conftest import screenshot
from PySide6.QtCore import Qt
from quickmt_hub import Hub, serve

from crosspost.translation.packs import find_pack

EN, ZH = "English", "Chinese (Simplified)"  # the dialog names languages; it shows no codes
KIND = {"argos": "Argos Translate", "quickmt": "quickmt"}  # and the kinds of model by their names


def rows(dialog) -> list[tuple[str, ...]]:
    table = dialog.table
    return [tuple(table.item(r, c).text() for c in range(table.columnCount())) for r in range(table.rowCount())]


def select_kind(dialog, kind: str) -> None:
    for r in range(dialog.table.rowCount()):
        if dialog.table.item(r, 2).text() == KIND[kind]:
            dialog.table.selectRow(r)
            return
    raise AssertionError(f"no {kind} row")


def test_choose_between_argos_and_quickmt_in_the_dialog(window, qtbot, argos_packs, quickmt_models):
    dialog = window.open_languages()
    with qtbot.waitSignal(window.runner.finished, timeout=30000):
        dialog.install_path(str(argos_packs[("en", "zh")]))
    with qtbot.waitSignal(window.runner.finished, timeout=30000):
        dialog.install_path(str(quickmt_models[("en", "zh")]))
    shown = rows(dialog)
    assert {(r[0], r[1], r[2]) for r in shown} == {(EN, ZH, "Argos Translate"), (EN, ZH, "quickmt")}
    in_use = [r for r in shown if r[5] == "in use"]
    assert [r[2] for r in in_use] == ["quickmt"] and in_use[0][4] == "cc-by-4.0"  # the one installed last
    select_kind(dialog, "quickmt")
    assert not dialog.use_button.isEnabled()  # already the one in use
    select_kind(dialog, "argos")
    assert dialog.use_button.isEnabled()
    with qtbot.waitSignal(window.runner.finished, timeout=30000):
        qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: [r[2] for r in rows(dialog) if r[5] == "in use"] == ["Argos Translate"], timeout=10000)
    assert find_pack(window.location, "en", "zh").kind == "argos"
    assert "translated by Argos Translate" in dialog.status.text()
    screenshot(dialog, "language-models")
    # Remembered: a new dialog (and the core) still say argos.
    dialog.close()
    again = window.open_languages()
    assert [r[2] for r in rows(again) if r[5] == "in use"] == ["Argos Translate"]
    again.close()


def test_download_a_quickmt_model_by_name_from_the_dialog(window, qtbot, quickmt_models, monkeypatch):
    hub = Hub()
    hub.add(quickmt_models[("en", "zh")])
    with serve(hub):
        monkeypatch.setenv("CROSSPOST_MODEL_HUB", hub.url)
        dialog = window.open_languages()
        dialog.model_name.setText("quickmt-en-zh")
        with qtbot.waitSignal(window.runner.finished, timeout=60000):
            qtbot.mouseClick(dialog.model_download_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: any(r[2] == "quickmt" for r in rows(dialog)), timeout=10000)
    assert [r[:3] for r in rows(dialog)] == [(EN, ZH, "quickmt")]
    assert find_pack(window.location, "en", "zh").source == f"{hub.url}/quickmt/quickmt-en-zh"
    dialog.model_name.setText("quickmt-en-xx")
    with serve(Hub()) as empty:
        monkeypatch.setenv("CROSSPOST_MODEL_HUB", empty.url)
        with qtbot.waitSignal(window.runner.failed, timeout=30000):
            qtbot.mouseClick(dialog.model_download_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "quickmt-en-xx" in dialog.status.text(), timeout=10000)
    assert [r[:3] for r in rows(dialog)] == [(EN, ZH, "quickmt")]  # nothing else appeared
    dialog.close()
