"""Dialogs: errors a person understands (with "Copy details"), language packs, settings."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crosspost.gui.context import AppContext
from crosspost.gui.dialog_buttons import close_row, ok_cancel
from crosspost.gui.labels import language_label, model_kind_label
from crosspost.gui.words import Retranslating, fill

log = logging.getLogger("crosspost")


def show_error(parent: QWidget, message: str, details: str = "") -> QMessageBox:
    """What happened and what to do; a traceback only behind "Copy details" (and in the log)."""
    if details:
        log.error("%s\n%s", message, details)
    box = QMessageBox(QMessageBox.Icon.Warning, parent.tr("Crosspost"), message, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setInformativeText(
            parent.tr(
                "Something unexpected happened. The details were saved in the log file; "
                "please include them if you report the problem."
            )
        )
        copy = box.addButton(parent.tr("Copy details"), QMessageBox.ButtonRole.ActionRole)
        copy.clicked.disconnect()
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(f"{message}\n\n{details}"))
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()
    return box


class LanguagePacksDialog(Retranslating, QDialog):
    """Installed models (Argos packs and quickmt models) and the index; install from a file or a
    folder, download with progress (a pack from the index, a quickmt model by name), choose which
    model translates a pair, remove."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        self.install_button = QPushButton()
        self.refresh_button = QPushButton()
        self.download_button = QPushButton()
        self.remove_button = QPushButton()
        self.folder_button = QPushButton()  # a quickmt model folder
        self.use_button = QPushButton()  # this model translates its pair (when both kinds are installed)
        self.model_name = QLineEdit("quickmt-en-zh")  # a quickmt model to download by name
        self.model_download_button = QPushButton()
        self.reverse_button = QPushButton()  # offers zh→en when en→zh is installed (back-translation)
        self.reverse_button.hide()
        self.reverse_note = QLabel()
        self.reverse_note.setWordWrap(True)
        self.reverse_button.clicked.connect(self.download_reverse)
        self.missing_reverse: tuple[str, str] | None = None
        for b in (
            self.install_button,
            self.folder_button,
            self.refresh_button,
            self.download_button,
            self.use_button,
            self.remove_button,
            self.reverse_button,
        ):
            buttons.addWidget(b)
        by_name = QHBoxLayout()
        self.model_name_label = QLabel()
        by_name.addWidget(self.model_name_label)
        by_name.addWidget(self.model_name, 1)
        by_name.addWidget(self.model_download_button)
        self.close_buttons = close_row(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.reverse_note)
        layout.addLayout(buttons)
        layout.addLayout(by_name)
        layout.addWidget(self.close_buttons)
        self.install_button.clicked.connect(self.install_from_file)
        self.refresh_button.clicked.connect(self.refresh_index)
        self.download_button.clicked.connect(self.download_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.folder_button.clicked.connect(self.install_from_folder)
        self.use_button.clicked.connect(self.use_selected)
        self.model_download_button.clicked.connect(self.download_model)
        self.available: list[Any] = []
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Language packs"))
        self.intro.setText(
            self.tr(
                "Captions are translated on this computer with Argos Translate language packs or "
                "quickmt models (quickmt writes better Chinese). Nothing is sent anywhere. Install "
                "one from a file or a folder, or download one (this needs the internet once). When "
                "a pair has both, choose the one that translates it with Use for this pair."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("From"), self.tr("To"), self.tr("Kind"), self.tr("Version"), self.tr("Licence"), self.tr("State")]
        )
        self.install_button.setText(self.tr("Install from file…"))
        self.folder_button.setText(self.tr("Install model folder…"))
        self.use_button.setText(self.tr("Use for this pair"))
        self.model_name_label.setText(self.tr("quickmt model:"))
        self.model_download_button.setText(self.tr("Download model"))
        self.refresh_button.setText(self.tr("Show available packs"))
        self.download_button.setText(self.tr("Download"))
        self.remove_button.setText(self.tr("Remove"))
        if self.missing_reverse:
            self.reverse_note.setText(
                fill(
                    self.tr(
                        "Add the reverse pack, %1 → %2, to see what your translations say: "
                        "the sentence view translates each sentence back."
                    ),
                    language_label(self.missing_reverse[0]),
                    language_label(self.missing_reverse[1]),
                )
            )
            self.reverse_button.setText(
                fill(
                    self.tr("Download %1 → %2"),
                    language_label(self.missing_reverse[0]),
                    language_label(self.missing_reverse[1]),
                )
            )

    def reload(self) -> None:
        from crosspost.translation.packs import installed_packs

        rows = [(p, True) for p in installed_packs(self.ctx.location)]
        have = {(p.from_code, p.to_code, p.kind) for p, _ in rows}
        rows += [(p, False) for p in self.available if (p.from_code, p.to_code, p.kind) not in have]
        pairs = [(p.from_code, p.to_code) for p, installed in rows if installed]
        self.table.setRowCount(len(rows))
        for i, (p, installed) in enumerate(rows):
            state = self.tr("available")
            if installed:
                state = self.tr("in use") if p.active else self.tr("installed")
            licence = (p.licence or self.tr("not stated")) if installed else ""
            names = (language_label(p.from_code), language_label(p.to_code))
            for j, text in enumerate((*names, model_kind_label(p.kind), p.version, licence, state)):
                item = QTableWidgetItem(text)
                shared = pairs.count((p.from_code, p.to_code)) > 1
                item.setData(Qt.ItemDataRole.UserRole, (p.from_code, p.to_code, installed, p.kind, p.active, shared))
                if installed and p.source:
                    item.setToolTip(p.source)
                self.table.setItem(i, j, item)
        if not rows:
            self.status.setText(self.tr("No language packs yet."))
        installed_pairs = list(dict.fromkeys(pairs))
        self.missing_reverse = next(((b, a) for a, b in installed_pairs if (b, a) not in installed_pairs), None)
        self.reverse_button.setVisible(self.missing_reverse is not None)
        self.reverse_note.setVisible(self.missing_reverse is not None)
        self.retranslate()
        self._update_buttons()

    def _update_buttons(self) -> None:
        """Download needs a selected pack that is not installed; Remove one that is."""
        selected = self._selected() or (None, None, None, None, True, False)  # nothing selected
        chosen = self._selected() is not None
        self.download_button.setEnabled(chosen and not selected[2])
        self.remove_button.setEnabled(chosen and bool(selected[2]))
        self.use_button.setEnabled(chosen and bool(selected[2]) and not selected[4] and bool(selected[5]))

    def download_reverse(self) -> int | None:
        from crosspost.translation.packs import download_pack

        if not self.missing_reverse:
            return None
        source, target = self.missing_reverse
        location = self.ctx.location
        return self.ctx.runner.run(
            fill(self.tr("Downloading %1 → %2"), language_label(source), language_label(target)),
            lambda store, progress, cancel: download_pack(location, source, target, store, progress, cancel),
            on_success=lambda pack: self.reload(),
            on_failure=self._failed,
        )

    def _selected(self) -> tuple[Any, ...] | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def install_from_file(self) -> object:
        from crosspost.gui.file_choice import FILE, choose

        self.file_dialog = choose(
            self,
            self.tr("Install a language pack"),
            FILE,
            lambda paths: self.install_path(paths[0]),
            Path.home(),
            self.tr("Language packs and models (*.argosmodel *.zip)"),
        )
        return self.file_dialog

    def install_path(self, path: str) -> int:
        from crosspost.translation.models import install_model

        location = self.ctx.location
        return self.ctx.runner.run(
            self.tr("Installing language pack"),
            lambda store, progress, cancel: install_model(location, path),
            on_success=self._installed,
            on_failure=self._failed,
        )

    def _installed(self, pack: Any) -> None:
        self._say_and_reload(
            fill(self.tr("Installed %1 → %2."), language_label(pack.from_code), language_label(pack.to_code))
        )

    def _say_and_reload(self, text: str) -> None:
        self.status.setText(text)
        self.reload()

    def install_from_folder(self) -> object:
        from crosspost.gui.file_choice import FOLDER, choose

        self.file_dialog = choose(
            self, self.tr("Install a quickmt model folder"), FOLDER, lambda paths: self.install_path(paths[0])
        )
        return self.file_dialog

    def use_selected(self) -> int | None:
        from crosspost.translation.packs import use_pack

        selected = self._selected()
        if not selected or not selected[2]:
            return None
        source, target, kind = selected[0], selected[1], selected[3]
        location = self.ctx.location
        return self.ctx.runner.run(
            fill(self.tr("Choosing the model for %1 → %2"), language_label(source), language_label(target)),
            lambda store, progress, cancel: use_pack(location, source, target, kind),
            on_success=lambda pack: self._say_and_reload(
                fill(
                    self.tr("%1 → %2 is now translated by %3."),
                    language_label(pack.from_code),
                    language_label(pack.to_code),
                    model_kind_label(pack.kind),
                )
            ),
            on_failure=self._failed,
        )

    def download_model(self) -> int | None:
        from crosspost.translation.quickmt import download_model

        name = self.model_name.text().strip()
        if not name:
            self.status.setText(self.tr("Type the name of a quickmt model first, such as quickmt-en-zh."))
            return None
        location = self.ctx.location
        return self.ctx.runner.run(
            fill(self.tr("Downloading %1"), name),
            lambda store, progress, cancel: download_model(location, name, progress, cancel),
            on_success=self._installed,
            on_failure=self._failed,
        )

    def refresh_index(self) -> int:
        from crosspost.translation.packs import available_packs

        location = self.ctx.location

        def done(result: tuple[list[Any], str | None]) -> None:
            self.available, note = result
            self.status.setText(note or self.tr("%n pack(s) in the index.", "", len(self.available)))
            self.reload()

        return self.ctx.runner.run(
            self.tr("Reading the language pack index"),
            lambda store, progress, cancel: available_packs(location, store),
            on_success=done,
            on_failure=self._failed,
        )

    def download_selected(self) -> None:
        from crosspost.translation.packs import download_pack

        selected = self._selected()
        if not selected or selected[2]:
            self.status.setText(self.tr("Choose an available pack first."))
            return
        location = self.ctx.location
        self.ctx.runner.run(
            fill(self.tr("Downloading %1 → %2"), language_label(selected[0]), language_label(selected[1])),
            lambda store, progress, cancel: download_pack(location, selected[0], selected[1], store, progress, cancel),
            on_success=lambda pack: self.reload(),
            on_failure=self._failed,
        )

    def remove_selected(self) -> None:
        from crosspost.translation.packs import remove_pack

        selected = self._selected()
        if selected and selected[2]:
            location = self.ctx.location
            self.ctx.runner.run(
                fill(self.tr("Removing %1 → %2"), language_label(selected[0]), language_label(selected[1])),
                lambda store, progress, cancel: remove_pack(location, selected[0], selected[1], selected[3]),
                on_success=lambda _: self.reload(),
                on_failure=self._failed,
            )

    def _failed(self, message: str, details: str) -> None:
        # Offline is not an error to shout about: say it plainly in the dialog.
        self.status.setText(message)
        if details:
            show_error(self, message, details)


class SettingsDialog(QDialog):
    """Tools → Settings: the UI language, the defaults for new drafts, the RedNote region, accounts."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        form = QFormLayout(self)
        self.language = QComboBox()
        for code, label in (("system", None), ("en", "English"), ("zh_CN", "简体中文")):
            self.language.addItem(label or self.tr("System default"), code)
        self.platform = QComboBox()
        from crosspost.gui.labels import fit_label, platform_label
        from crosspost.platforms import all_profiles

        for p in all_profiles():
            self.platform.addItem(platform_label(p), p.name)
        self.target = QComboBox()
        for code, label in (("zh", "中文 (zh)"), ("en", "English (en)"), ("ja", "日本語 (ja)"), ("ko", "한국어 (ko)")):
            self.target.addItem(label, code)
        self.fit = QComboBox()
        for code in ("crop", "pad", "blur"):
            self.fit.addItem(fit_label(code), code)
        self.rednote_region = QComboBox()  # which creator page "Open RedNote creator page" opens
        self.rednote_region.addItem(self.tr("Outside mainland China (creator.rednote.com)"), "overseas")
        self.rednote_region.addItem(self.tr("Mainland China (creator.xiaohongshu.com)"), "mainland")
        folder = QHBoxLayout()
        self.folder = QLabel(str(ctx.location.root))
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        open_folder = QPushButton(self.tr("Open"))
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(ctx.location.root))))
        folder.addWidget(self.folder, 1)
        folder.addWidget(open_folder)
        form.addRow(self.tr("Interface language"), self.language)
        form.addRow(self.tr("Default platform"), self.platform)
        form.addRow(self.tr("Translate captions into"), self.target)
        form.addRow(self.tr("Default fit for media"), self.fit)
        form.addRow(self.tr("RedNote account registered"), self.rednote_region)
        form.addRow(self.tr("Data folder"), folder)
        self.accounts_button = QPushButton(self.tr("Accounts…"))
        self.accounts_button.clicked.connect(self.open_accounts)
        form.addRow(self.tr("Publishing"), self.accounts_button)
        form.addRow(ok_cancel(self))
        self.setWindowTitle(self.tr("Settings"))
        s = ctx.settings
        for combo, value in (
            (self.language, s.ui_language),
            (self.platform, s.platform),
            (self.target, s.target_lang),
            (self.fit, s.fit),
            (self.rednote_region, s.rednote_region),
        ):
            combo.setCurrentIndex(max(0, combo.findData(value)))

    def open_accounts(self) -> QDialog:
        from crosspost.gui.publishing import AccountsDialog

        self.accounts_dialog = AccountsDialog(self.ctx, self)
        self.accounts_dialog.open()
        return self.accounts_dialog

    def accept(self) -> None:
        from crosspost.gui.i18n import apply_language

        s = self.ctx.settings
        s.ui_language = self.language.currentData()
        s.platform = self.platform.currentData()
        s.target_lang = self.target.currentData()
        s.fit = self.fit.currentData()
        s.rednote_region = self.rednote_region.currentData()
        s.sync()
        apply_language(QApplication.instance(), s.ui_language)  # type: ignore[arg-type]
        super().accept()
