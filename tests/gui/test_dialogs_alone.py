"""Dialogs built alone on an application context (no main window): Settings reads and writes the
typed settings, the language dialog installs a real pack through the context's task runner, and
Accounts lists the store's accounts."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def test_settings_dialog_writes_the_typed_settings(app_context, qtbot):
    from crosspost.gui.dialogs import SettingsDialog
    from crosspost.gui.i18n import current_language

    dialog = SettingsDialog(app_context)
    qtbot.addWidget(dialog)
    assert dialog.target.currentData() == "zh" and dialog.fit.currentData() == "blur"  # the one defaults
    assert dialog.folder.text() == str(app_context.location.root)
    dialog.target.setCurrentIndex(dialog.target.findData("ja"))
    dialog.fit.setCurrentIndex(dialog.fit.findData("crop"))
    dialog.rednote_region.setCurrentIndex(dialog.rednote_region.findData("mainland"))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    settings = app_context.settings
    assert (settings.target_lang, settings.fit, settings.rednote_region) == ("ja", "crop", "mainland")
    assert current_language() == "en"
    saved = (app_context.location.root / "settings.ini").read_text()
    assert "[defaults]" in saved and "target_lang=ja" in saved  # in the data dir, never the home


def test_language_dialog_installs_a_pack_on_the_context_runner(app_context, qtbot, argos_packs):
    from crosspost.gui.dialogs import LanguagePacksDialog

    dialog = LanguagePacksDialog(app_context)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0
    with qtbot.waitSignal(app_context.runner.finished, timeout=30000):
        dialog.install_path(str(argos_packs[("en", "zh")]))
    assert dialog.table.rowCount() == 1
    # languages by name, codes in the tooltip (issue 24: no raw codes in the window)
    assert [dialog.table.item(0, c).text() for c in (0, 1)] == ["English", "Chinese (Simplified)"]
    assert "English → Chinese (Simplified)" in dialog.status.text()
    assert dialog.reverse_button.isVisibleTo(dialog)  # zh → en is offered for back-translation
    assert dialog.reverse_button.text() == "Download Chinese (Simplified) → English"


def test_accounts_dialog_lists_the_stores_accounts(app_context, qtbot):
    from crosspost.gui.publishing import AccountsDialog

    dialog = AccountsDialog(app_context)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 0 and not dialog.remove_button.isEnabled()
    add = dialog.open_add()
    assert add.isVisible() and add.handle.placeholderText() == "alice.bsky.social"
    add.close()
    QApplication.processEvents()
