"""The main window: welcome and drop zone, library, editor, drafts queue, task panel, menus."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QCheckBox, QFileDialog, QFrame, QHBoxLayout, QLabel, QLineEdit, QListView, QMainWindow,
    QMessageBox, QPushButton, QSplitter, QStackedWidget, QTabWidget, QVBoxLayout, QWidget,
)

from crosspost.gui.drop import DropHandler
from crosspost.gui.task_panel import TaskPanel
from crosspost.gui.tasks import TaskRunner
from crosspost.paths import DataLocation

# The library, editor, queue and store (sqlite-utils, the translation and media helpers behind them)
# are imported and built right after the window is first shown (``ensure_ready``), so the window
# appears about as fast as an empty one.



def show_error(parent, message: str, details: str = ""):
    """What happened and what to do, in a dialog (``dialogs.show_error``; imported when first needed)."""
    from crosspost.gui.dialogs import show_error as show

    return show(parent, message, details)


class WelcomePage(QWidget):
    """First run: what to do, and a big drop zone."""

    openRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.heading, self.steps, self.zone_label = QLabel(), QLabel(), QLabel()
        self.heading.setStyleSheet("font-size: 26px; font-weight: 700; color: #d81e06;")
        self.steps.setWordWrap(True)
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.zone = QFrame()
        self.zone.setObjectName("dropZone")
        self.zone.setMinimumSize(QSize(520, 200))
        self.set_drag_active(False)
        self.zone_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zone_label.setStyleSheet("font-size: 20px; color: #b0413e; background: transparent;")
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.openRequested)
        zone_layout = QVBoxLayout(self.zone)
        zone_layout.addStretch(1)
        zone_layout.addWidget(self.zone_label)
        zone_layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignHCenter)
        zone_layout.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 40, 60, 40)
        layout.addWidget(self.heading)
        layout.addWidget(self.steps)
        layout.addSpacing(16)
        layout.addWidget(self.zone, 1)
        self.retranslate()

    def set_drag_active(self, active: bool) -> None:
        colour = "#ffe3e0" if active else "#fff7f6"
        self.zone.setStyleSheet(f"#dropZone {{ border: 3px dashed #e8776d; border-radius: 18px; background: {colour}; }}")

    def changeEvent(self, event):  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Bring your TikTok posts to RedNote"))
        self.steps.setText(self.tr(
            "<p>1. In TikTok open <b>Profile → Menu ☰ → Settings and privacy → Account → Download your data</b>.</p>"
            "<p>2. Choose <b>JSON</b> (or TXT) and <b>All data</b>, then <b>Request data</b>. TikTok prepares it within "
            "a few days; download it from the <b>Download data</b> tab.</p>"
            "<p>3. Drop the zip here. Your messages and history are never read; only your own posts.</p>"))
        self.zone_label.setText(self.tr("Drop your TikTok export here"))
        self.open_button.setText(self.tr("Choose a file or folder…"))


class MainWindow(QMainWindow):
    importFinished = Signal(object)
    taskFailed = Signal(str)

    def __init__(self, location: DataLocation):
        super().__init__()
        self.location = location.ensure()
        self.settings = QSettings(str(self.location.root / "settings.ini"), QSettings.Format.IniFormat)
        self._ready = False
        self.runner = TaskRunner(self.location, self)
        self.runner.default_failure = self._task_failed
        self.drop = DropHandler(self)
        self.drop.pathsDropped.connect(self.import_paths)
        self.setAcceptDrops(True)
        self.installEventFilter(self.drop)

        self.welcome = WelcomePage()
        self.welcome.openRequested.connect(self.choose_import)
        self.drop.dragActive.connect(self.welcome.set_drag_active)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(QWidget())  # the library and queue go here once built
        self.pages.setCurrentIndex(1)
        self.task_panel = TaskPanel(self.runner)
        central = QWidget()
        cv = QVBoxLayout(central)
        cv.setContentsMargins(6, 6, 6, 6)
        cv.addWidget(self.pages, 1)
        cv.addWidget(self.task_panel)
        self.setCentralWidget(central)
        self._build_menus()
        icon = Path(__file__).resolve().parent.parent / "resources" / "icons" / "crosspost-256.png"
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        self.retranslate()
        QTimer.singleShot(0, self.ensure_ready)

    def ensure_ready(self) -> None:
        """Open the store and build the library, editor and queue (once)."""
        if self._ready:
            return
        self._ready = True
        from crosspost.gui.editor import PostEditor
        from crosspost.gui.models import PostsModel
        from crosspost.gui.queue_view import QueueView
        from crosspost.store import open_store

        self.store = open_store(self.location)
        self.posts_model = PostsModel(self.store, self)
        self.posts_model.thumbnailWanted.connect(self._make_thumbnail)
        self.library = QListView()
        self.library.setModel(self.posts_model)
        self.library.setUniformItemSizes(True)
        # Lay out a large library in batches, so a search that matches 10,000 posts repaints at once.
        self.library.setLayoutMode(QListView.LayoutMode.Batched)
        self.library.setBatchSize(100)
        self.library.setIconSize(QSize(96, 96))
        self.library.setWordWrap(True)
        self.library.setSpacing(2)
        self.library.setAlternatingRowColors(True)
        self.library.selectionModel().currentChanged.connect(self._post_selected)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.untranslated = QCheckBox()
        self.untranslated.toggled.connect(self._filter_changed)
        self.count_label = QLabel()
        library_pane = QWidget()
        lp = QVBoxLayout(library_pane)
        lp.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.untranslated)
        lp.addLayout(bar)
        lp.addWidget(self.library, 1)
        lp.addWidget(self.count_label)

        self.editor = PostEditor(self.store, self.settings)
        self.editor.translateRequested.connect(self.translate_post)
        self.editor.draftRequested.connect(self.create_draft)
        self.editor.changed.connect(lambda _: self.posts_model.reload())
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(library_pane)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(1, 2)

        self.queue = QueueView(self.store)
        self.queue.renderRequested.connect(self.render_draft)
        self.queue.renderManyRequested.connect(self.render_drafts)
        self.queue.exportRequested.connect(self.export_drafts)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.splitter, "")
        self.tabs.addTab(self.queue, "")
        self.tabs.currentChanged.connect(lambda i: i == 1 and self.queue.reload())
        placeholder = self.pages.widget(1)
        self.pages.removeWidget(placeholder)
        placeholder.deleteLater()
        self.pages.addWidget(self.tabs)

        self.act_undo = self.editor.undo_stack.createUndoAction(self)
        self.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.act_redo = self.editor.undo_stack.createRedoAction(self)
        self.act_redo.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Y")])
        self.menu_edit.insertActions(self.act_find, [self.act_undo, self.act_redo])
        self.act_export.triggered.connect(lambda: self.queue.export_selected())
        self.retranslate()
        self._restore_state()
        self.refresh()

    # --- menus, i18n, state -----------------------------------------------------------------------
    def _build_menus(self) -> None:
        self.menu_file = self.menuBar().addMenu("")
        self.menu_edit = self.menuBar().addMenu("")
        self.menu_tools = self.menuBar().addMenu("")
        self.act_import = QAction(self, shortcut=QKeySequence.StandardKey.Open, triggered=self.choose_import)
        self.act_import_folder = QAction(self, triggered=lambda: self.choose_import(folder=True))
        self.act_export = QAction(self, shortcut=QKeySequence("Ctrl+E"))
        self.act_quit = QAction(self, shortcut=QKeySequence.StandardKey.Quit, triggered=self.close)
        self.act_find = QAction(self, shortcut=QKeySequence.StandardKey.Find, triggered=self._focus_search)
        self.act_delete = QAction(self, shortcut=QKeySequence.StandardKey.Delete, triggered=self.delete_selected)
        self.act_languages = QAction(self, triggered=self.open_languages)
        self.act_settings = QAction(self, shortcut=QKeySequence.StandardKey.Preferences, triggered=self.open_settings)
        for a in (self.act_import, self.act_import_folder, self.act_export):
            self.menu_file.addAction(a)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        for a in (self.act_find, self.act_delete):
            self.menu_edit.addAction(a)
        self.menu_tools.addAction(self.act_languages)
        self.menu_tools.addAction(self.act_settings)

    def changeEvent(self, event):  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Crosspost — TikTok to RedNote"))
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_edit.setTitle(self.tr("&Edit"))
        self.menu_tools.setTitle(self.tr("&Tools"))
        self.act_import.setText(self.tr("&Import…"))
        self.act_import_folder.setText(self.tr("Import a &folder…"))
        self.act_export.setText(self.tr("&Export drafts…"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_find.setText(self.tr("&Find"))
        self.act_delete.setText(self.tr("&Delete draft"))
        self.act_languages.setText(self.tr("&Language packs…"))
        self.act_settings.setText(self.tr("&Settings…"))
        if not self._ready:
            return
        self.search.setPlaceholderText(self.tr("Search captions and translations (Ctrl+F)"))
        self.untranslated.setText(self.tr("Not translated yet"))
        self.tabs.setTabText(0, self.tr("Library"))
        self.tabs.setTabText(1, self.tr("Drafts queue"))
        self._update_count()

    def set_language(self, choice: str) -> None:
        from crosspost.gui.i18n import apply_language

        apply_language(QApplication.instance(), choice)

    def _restore_state(self) -> None:
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([420, 860])
        self.tabs.setCurrentIndex(int(self.settings.value("window/tab", 0) or 0))

    def _save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/tab", self.tabs.currentIndex())
        self.settings.sync()

    def closeEvent(self, event):  # noqa: N802
        if self.runner.busy:
            answer = QMessageBox.question(self, self.tr("Crosspost"),
                                          self.tr("A job is still running. Cancel it and quit?"))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            self.runner.cancel_all()
            self.runner.wait(30)
        if self._ready:
            self._save_state()
        self.runner.shutdown()
        if self._ready:
            self.store.close()
        event.accept()

    # --- library ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.ensure_ready()
        self.posts_model.reload()
        has_posts = self.store.db.execute("SELECT 1 FROM posts LIMIT 1").fetchone() is not None
        self.pages.setCurrentIndex(1 if has_posts else 0)
        self._update_count()
        if has_posts and not self.library.currentIndex().isValid() and self.posts_model.rowCount():
            self.library.setCurrentIndex(self.posts_model.index(0))
        if self.tabs.currentIndex() == 1:
            self.queue.reload()

    def _update_count(self) -> None:
        n = self.posts_model.rowCount()
        self.count_label.setText(self.tr("%n post(s)", "", n))

    def _search_changed(self, text: str) -> None:
        self.posts_model.search = text
        self.posts_model.reload(data_changed=False)
        self._update_count()

    def _filter_changed(self, checked: bool) -> None:
        self.posts_model.only_untranslated = checked
        self.posts_model.reload(data_changed=False)
        self._update_count()

    def _focus_search(self) -> None:
        self.ensure_ready()
        self.tabs.setCurrentIndex(0)
        self.search.setFocus()
        self.search.selectAll()

    def _post_selected(self, current, _previous) -> None:
        if current.isValid():
            self.editor.load(self.posts_model.post_id(current.row()))

    def _make_thumbnail(self, post_id: int, media_path: str) -> None:
        from crosspost.media.thumbnails import thumbnail_for

        cache = self.location.thumbnails_dir
        self.runner.run(self.tr("Thumbnail"), lambda store, progress, cancel: str(thumbnail_for(cache, media_path)),
                        on_success=lambda path: self.posts_model.set_thumbnail(post_id, path),
                        on_failure=lambda message, details: None)  # no thumbnail: the row shows without one

    # --- jobs -------------------------------------------------------------------------------------
    def choose_import(self, folder: bool = False) -> None:
        if folder:
            path = QFileDialog.getExistingDirectory(self, self.tr("Import an unpacked export"))
            paths = [path] if path else []
        else:
            paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Import your TikTok export"), str(Path.home()),
                                                    self.tr("TikTok export (*.zip *.json *.txt)"))
        if paths:
            self.import_paths(paths)

    def import_paths(self, paths: list[str], media_dir: str | None = None) -> int:
        """Import exports (zip, folder, .json/.txt) in the background; media files go to --media."""
        self.ensure_ready()
        from crosspost.importing import import_paths
        from crosspost.importing.local_media import MEDIA_SUFFIXES

        exports = [p for p in paths if Path(p).suffix.lower() not in MEDIA_SUFFIXES]
        if not exports:
            show_error(self, self.tr("That is not a TikTok export. Drop the zip from TikTok's “Download your data”, "
                                     "its folder, or its user_data_tiktok.json."))
            return 0
        name = Path(exports[0]).name

        def job(store, progress, cancel):
            return import_paths(store, exports, media_dir=media_dir, progress=progress, cancel=cancel)

        def done(result):
            self.refresh()
            self.statusBar().showMessage(
                self.tr("Imported %1 new and %2 updated post(s).").replace("%1", str(result.added)).replace(
                    "%2", str(result.updated)), 8000)
            self.importFinished.emit(result)

        return self.runner.run(self.tr("Importing %1").replace("%1", name), job, on_success=done)

    def translate_post(self, post_id: int) -> int:
        self.ensure_ready()
        from crosspost.translation.service import translate_posts

        location, target = self.location, self.settings.value("defaults/target_lang", "zh")
        return self.runner.run(self.tr("Translating"), lambda store, progress, cancel: translate_posts(
            store, location, [post_id], "auto", target, progress=progress, cancel=cancel),
            on_success=lambda _: (self.editor.load(post_id), self.posts_model.reload()))

    def create_draft(self, post_id: int, platform: str, layout: str):
        self.ensure_ready()
        from crosspost.drafts.queue import create_drafts
        from crosspost.errors import UserError

        try:
            drafts = create_drafts(self.store, [post_id], platform, layout,
                                   self.settings.value("defaults/target_lang", "zh") if layout != "original" else None,
                                   fit=self.editor.fit.currentData())
        except UserError as exc:
            show_error(self, str(exc))
            return None
        self.tabs.setCurrentIndex(1)
        self.queue.reload()
        self.statusBar().showMessage(self.tr("Draft created."), 5000)
        return drafts[0]

    def render_draft(self, draft_id: int) -> int:
        self.ensure_ready()
        from crosspost.drafts.render import render_draft

        location = self.location
        reencode = self.queue.reencode.isChecked()
        return self.runner.run(self.tr("Rendering draft %1").replace("%1", str(draft_id)),
                               lambda store, progress, cancel: render_draft(store, location, draft_id,
                                                                            progress=progress, cancel=cancel,
                                                                            reencode=reencode),
                               on_success=lambda _: self.queue.reload())

    def render_drafts(self, ids: list[int]) -> int:
        """Several drafts as one batch (resumable; drafts already rendered are skipped)."""
        self.ensure_ready()
        from crosspost.drafts.batch_render import render_drafts

        location = self.location
        reencode = self.queue.reencode.isChecked()

        def done(report) -> None:
            self.queue.reload()
            if report.failed:
                from crosspost.gui.dialogs import show_error

                show_error(self, "\n".join(f"{draft_id}: {message}" for draft_id, message in report.failed))

        return self.runner.run(self.tr("Rendering %1 drafts").replace("%1", str(len(ids))),
                               lambda store, progress, cancel: render_drafts(store, location, ids, reencode=reencode,
                                                                             progress=progress, cancel=cancel),
                               on_success=done)

    def export_drafts(self, ids: list[int], folder: str) -> None:
        self.ensure_ready()
        from crosspost.drafts.export import export_drafts
        from crosspost.errors import UserError

        try:
            result = export_drafts(self.store, ids, folder)
        except UserError as exc:
            show_error(self, str(exc))
            return
        self.queue.reload()
        if result["bundles"]:
            from crosspost.gui.queue_view import open_folder

            open_folder(str(Path(result["bundles"][0]).parent))

    def delete_selected(self) -> None:
        self.ensure_ready()
        ids = self.queue.selected_ids() if self.tabs.currentIndex() == 1 else []
        if not ids:
            return
        answer = QMessageBox.question(self, self.tr("Crosspost"), self.tr("Delete %n draft(s)? Your posts stay.", "", len(ids)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        with self.store.transaction():
            self.store.db.execute(f"DELETE FROM drafts WHERE id IN ({','.join('?' * len(ids))})", ids)
        self.queue.reload()

    def open_languages(self):
        from crosspost.gui.dialogs import LanguagePacksDialog

        dialog = LanguagePacksDialog(self)
        dialog.open()
        return dialog

    def open_settings(self):
        from crosspost.gui.dialogs import SettingsDialog

        dialog = SettingsDialog(self)
        dialog.open()
        return dialog

    def _task_failed(self, message: str, details: str) -> None:
        """A job without its own failure handling failed: say so (once)."""
        self.taskFailed.emit(message)
        QTimer.singleShot(0, lambda: show_error(self, message, details))
