"""The main window: welcome and drop zone, library, editor, drafts queue, task panel, menus."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crosspost.gui.drop import DropHandler
from crosspost.gui.screen_fit import KeepOnScreen, first_size
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
        self.notice = QLabel()  # "This export has no posts of yours in it", after such an import
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #b26a00; font-size: 15px;")
        self.notice.hide()
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
        layout.addWidget(self.notice)
        layout.addSpacing(16)
        layout.addWidget(self.zone, 1)
        self.retranslate()

    def set_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def set_drag_active(self, active: bool) -> None:
        colour = "#ffe3e0" if active else "#fff7f6"
        self.zone.setStyleSheet(
            f"#dropZone {{ border: 3px dashed #e8776d; border-radius: 18px; background: {colour}; }}"
        )

    def changeEvent(self, event):  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Bring your TikTok posts to RedNote"))
        self.steps.setText(
            self.tr(
                "<p>1. In TikTok open <b>Profile → Menu ☰ → Settings and privacy → Account → Download your data</b>.</p>"  # noqa: E501
                "<p>2. Choose <b>JSON</b> (or TXT) and <b>All data</b>, then <b>Request data</b>. TikTok prepares it within "  # noqa: E501
                "a few days; download it from the <b>Download data</b> tab.</p>"
                "<p>3. Drop the zip here. Your messages and history are never read; only your own posts.</p>"
            )
        )
        self.zone_label.setText(self.tr("Drop your TikTok export here"))
        self.open_button.setText(self.tr("Choose a file or folder…"))


class MainWindow(QMainWindow):
    importFinished = Signal(object)
    taskFailed = Signal(str)
    draftCreated = Signal(object)  # CheckedDraft
    exportFinished = Signal(object)  # {"bundles": [...]}
    mediaFetched = Signal(object)  # FetchReport

    def __init__(self, location: DataLocation):
        super().__init__()
        self.location = location.ensure()
        self.settings = QSettings(str(self.location.root / "settings.ini"), QSettings.Format.IniFormat)
        self._ready = False
        from crosspost.gui.i18n import apply_language

        # The saved UI language (English too: its catalogue has the plural forms), before any text is set.
        apply_language(QApplication.instance(), self.settings.value("ui/language", "system"))
        self.runner = TaskRunner(self.location, self)
        self.runner.default_failure = self._task_failed
        self.drop = DropHandler(self)
        self.drop.pathsDropped.connect(self.open_paths)
        self.drop.droppedOnPost.connect(lambda paths, post_id: self.open_paths(paths, post_id))
        self.setAcceptDrops(True)
        self.installEventFilter(self.drop)

        self.pages = QStackedWidget()
        self.pages.addWidget(QWidget())  # the welcome page goes here once built (after the first paint)
        self.pages.addWidget(QWidget())  # the library and queue go here once built
        self.pages.setCurrentIndex(1)
        self.task_panel = TaskPanel(self.runner)
        central = QWidget()
        cv = QVBoxLayout(central)
        cv.setContentsMargins(6, 6, 6, 6)
        from crosspost.gui.panels import ImportPanel

        self.import_panel = ImportPanel()
        cv.addWidget(self.import_panel)
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
        else:  # first run: 1280×800, or the free screen less the window's frame (a 1024×700 laptop)
            self.resize(first_size(self, QSize(0, 30)))  # the frame's real size is known once shown
        self.keep_on_screen = KeepOnScreen(self)
        self.retranslate()
        self._build_scheduled = False  # the library is built right after the first paint (paintEvent)

    def paintEvent(self, event):  # noqa: N802
        super().paintEvent(event)
        if not self._build_scheduled:
            # After the first frame is on screen, not before it: the window appears as fast as an empty one.
            self._build_scheduled = True
            QTimer.singleShot(0, self.ensure_ready)

    def ensure_ready(self) -> None:
        """Open the store and build the library, editor and queue (once)."""
        if self._ready:
            return
        self._ready = True
        self.welcome = WelcomePage()
        self.welcome.openRequested.connect(self.choose_import)
        self.drop.dragActive.connect(self.welcome.set_drag_active)
        placeholder = self.pages.widget(0)
        self.pages.insertWidget(0, self.welcome)
        self.pages.removeWidget(placeholder)
        placeholder.deleteLater()
        from crosspost.gui.editor import PostEditor
        from crosspost.gui.models import PostsModel
        from crosspost.gui.queue_view import QueueView
        from crosspost.store import open_store

        self.store = open_store(self.location)
        self.posts_model = PostsModel(self.store, self)
        self.posts_model.thumbnailWanted.connect(self._make_thumbnail)
        self.library = QListView()
        self.library.setModel(self.posts_model)
        from crosspost.gui.library_delegate import PostDelegate

        self.library.setItemDelegate(PostDelegate(self.library))
        self.library.setUniformItemSizes(True)
        # Lay out a large library in batches, so a search that matches 10,000 posts repaints at once.
        self.library.setLayoutMode(QListView.LayoutMode.Batched)
        self.library.setBatchSize(100)
        self.library.setIconSize(QSize(96, 96))
        self.library.setWordWrap(True)
        self.library.setSpacing(2)
        self.library.setAlternatingRowColors(True)
        self.library.setSelectionMode(QListView.SelectionMode.ExtendedSelection)
        self.library.selectionModel().currentChanged.connect(self._post_selected)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.untranslated = QCheckBox()
        self.untranslated.toggled.connect(self._filter_changed)
        self.count_label = QLabel()
        self.no_match = QLabel()  # "No posts match …" in place of an empty list
        self.no_match.setWordWrap(True)
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match.setStyleSheet("color: palette(placeholder-text); padding: 24px;")
        self.no_match.hide()
        library_pane = QWidget()
        library_pane.setMinimumWidth(260)
        lp = QVBoxLayout(library_pane)
        lp.setContentsMargins(0, 0, 0, 0)
        from crosspost.gui.panels import ExpiryBanner

        self.expiry_banner = ExpiryBanner()
        self.expiry_banner.fetchAllRequested.connect(lambda: self.fetch_media(None))
        self.expiry_banner.attachRequested.connect(lambda: self.attach_files())
        lp.addWidget(self.expiry_banner)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.untranslated)
        lp.addLayout(bar)
        lp.addWidget(self.library, 1)
        lp.addWidget(self.no_match, 1)
        lp.addWidget(self.count_label)

        # Files dropped on a post in the library go to that post (an export dropped there still imports).
        self.library.viewport().setAcceptDrops(True)
        self.drop.add_target(self.library.viewport(), self._post_at)

        self.editor = PostEditor(self.store, self.settings)
        self.editor.translateRequested.connect(self.translate_post)
        self.editor.glossaryChanged.connect(self._glossary_changed)
        self.drop.add_target(self.editor.media_box, lambda pos: self.editor.post_id)
        self.editor.media_box.setAcceptDrops(True)
        self.editor.draftRequested.connect(self.create_draft)
        self.editor.changed.connect(self.posts_model.refresh_post)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(library_pane)
        # The editor scrolls when the window is smaller than all of it: it never makes the window grow.
        from crosspost.gui.flow_layout import VerticalScroll

        self.editor_scroll = VerticalScroll(self.editor)
        self.splitter.addWidget(self.editor_scroll)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 0)  # the editor takes the room a resize gives or takes

        self.queue = QueueView(self.store)
        self.queue.settings = self.settings  # the export folder used last
        self.queue.refreshRequested.connect(self.refresh_drafts)
        self.queue.renderRequested.connect(self.render_draft)
        self.queue.renderManyRequested.connect(self.render_drafts)
        self.queue.exportRequested.connect(self.export_drafts)
        self.queue.markPostedRequested.connect(self.mark_posted)
        from crosspost.gui.publishing import Publisher

        self.publisher = Publisher(self)
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
        from crosspost.gui.shortcuts import WindowActions

        self.actions_ = WindowActions(self)  # Post/Draft/Help menus, shortcuts scoped to their view, tab order
        QTimer.singleShot(0, self._check_fonts)
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
        # The desktop adds the app's name ("… — Crosspost"): the title is only what this window is.
        self.setWindowTitle(self.tr("TikTok to RedNote"))
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
        self.actions_.retranslate()
        self._update_count()

    def set_language(self, choice: str) -> None:
        from crosspost.gui.i18n import apply_language

        apply_language(QApplication.instance(), choice)
        if self._ready and self.editor.post_id is not None:
            # The sentence over the media strip carries a date: made again in the new language.
            QTimer.singleShot(0, self.editor.refresh_media)

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
        if self.runner.user_jobs_running:
            answer = QMessageBox.question(
                self, self.tr("Crosspost"), self.tr("A job is still running. Cancel it and quit?")
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            self.runner.cancel_all()
            self.runner.wait(30)
        if self._ready:
            self._save_state()
            self.editor.close_post()  # a title being typed is saved now, not after the store closed
        self.runner.shutdown()
        if self._ready:
            self.store.close()
        event.accept()

    # --- library ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.ensure_ready()
        from crosspost.posts import has_posts as store_has_posts

        current = self.current_post_id()
        self.posts_model.reload()
        if current is not None and not self.library.currentIndex().isValid():
            row = self.posts_model.row_of(current)
            if row is not None:
                self.library.setCurrentIndex(self.posts_model.index(row))
        has_posts = store_has_posts(self.store)
        self.pages.setCurrentIndex(1 if has_posts else 0)
        self.update_expiry()
        self._update_count()
        if has_posts and not self.library.currentIndex().isValid() and self.posts_model.rowCount():
            self.library.setCurrentIndex(self.posts_model.index(0))
        if self.tabs.currentIndex() == 1:
            self.queue.reload()

    def update_expiry(self) -> None:
        """The link-expiry banner at the top of the library, while a link is still needed."""
        from crosspost.posts import expiry_summary

        self.expiry_banner.set_summary(expiry_summary(self.store))

    def _post_at(self, pos) -> int | None:
        """The post under POS in the library's viewport, if any."""
        index = self.library.indexAt(pos.toPoint())
        return self.posts_model.post_id(index.row()) if index.isValid() else None

    def _update_count(self) -> None:
        n = self.posts_model.rowCount()
        self.count_label.setText(self.tr("%n post(s)", "", n))
        query = self.search.text().strip()
        empty = n == 0 and bool(query or self.untranslated.isChecked())
        if empty:
            self.no_match.setText(
                self.tr("No posts match “%1”.").replace("%1", query) if query else self.tr("Every post is translated.")
            )
        self.no_match.setVisible(empty)
        self.library.setVisible(not empty)

    def _check_fonts(self) -> None:
        """Once, after the first paint: a hint when Chinese or emoji would show as boxes."""
        from crosspost.gui.fonts import font_hint_for

        self.font_hint = font_hint_for(self.settings, self)
        if self.font_hint is not None:
            self.centralWidget().layout().insertWidget(0, self.font_hint)

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
        self.runner.run(
            self.tr("Thumbnail"),
            lambda store, progress, cancel: str(thumbnail_for(cache, media_path)),
            on_success=lambda path: self.posts_model.set_thumbnail(post_id, path),
            on_failure=lambda message, details: None,  # no thumbnail: the row shows without one
            background=True,
        )

    # --- jobs -------------------------------------------------------------------------------------
    def choose_import(self, folder: bool = False):
        from crosspost.gui.file_choice import FILES, FOLDER, choose

        if folder:
            return choose(self, self.tr("Import an unpacked export"), FOLDER, self.import_paths)
        return choose(
            self,
            self.tr("Import your TikTok export"),
            FILES,
            self.import_paths,
            Path.home(),
            self.tr("TikTok export (*.zip *.json *.txt)"),
        )

    def open_paths(self, paths: list[str], post_id: int | None = None) -> None:
        """Dropped or opened paths: an export (zip, folder, .json/.txt) imports wherever it lands;
        photos and videos attach to POST_ID (dropped on a post), or the window asks which post."""
        self.ensure_ready()
        from crosspost.importing.local_media import MEDIA_SUFFIXES

        media = [p for p in paths if Path(p).suffix.lower() in MEDIA_SUFFIXES and Path(p).is_file()]
        exports = [p for p in paths if p not in media]
        if exports:
            self.import_paths(exports)
        if not media:
            return
        if post_id is not None:
            self.attach_files(post_id, media)
            return
        from crosspost.gui.post_dialogs import ChoosePostDialog
        from crosspost.posts import library_rows

        rows = library_rows(self.store)
        if not rows:
            show_error(
                self,
                self.tr(
                    "That is a photo or video, not a TikTok export. Import your export first (drop "
                    "its zip here); then drop photos and videos onto a post to attach them."
                ),
            )
            return
        dialog = ChoosePostDialog(rows, media, self.current_post_id(), self)
        dialog.chosen.connect(lambda pid, files: self.attach_files(pid, files))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.choose_post_dialog = dialog

    def import_paths(self, paths: list[str], media_dir: str | None = None) -> int:
        """Import exports (zip, folder, .json/.txt) in the background; media files go to --media."""
        self.ensure_ready()
        from crosspost.importing import import_paths
        from crosspost.importing.local_media import MEDIA_SUFFIXES

        exports = [p for p in paths if Path(p).suffix.lower() not in MEDIA_SUFFIXES]
        if not exports:
            show_error(
                self,
                self.tr(
                    "That is a photo or video, not a TikTok export. Drop the zip from TikTok's "
                    "“Download your data”, its folder, or its user_data_tiktok.json; then drop "
                    "photos and videos onto a post to attach them."
                ),
            )
            return 0
        name = Path(exports[0]).name

        def job(store, progress, cancel):
            return import_paths(store, exports, media_dir=media_dir, progress=progress, cancel=cancel)

        def done(result):
            self.refresh()
            self.import_panel.show_result(result, name)
            from crosspost.posts import has_posts

            self.welcome.set_notice(
                ""
                if has_posts(self.store)
                else self.tr(
                    "This export has no posts of yours in it: TikTok's post list in it is empty. If you have posts, "
                    "request a new export with “All data” selected."
                )
            )
            self.importFinished.emit(result)

        return self.runner.run(self.tr("Importing %1").replace("%1", name), job, on_success=done)

    def translate_post(self, post_id: int) -> int | None:
        """The editor's Translate: the selected posts when the open one is among them, else the open one."""
        self.ensure_ready()
        selected = self.selected_post_ids()
        return self.translate_posts(selected if post_id in selected else [post_id])

    def translate_posts(self, post_ids: list[int] | None, force: bool | None = None, then=None) -> int | None:
        """Translate POST_IDS (None: every post not translated yet). A post whose translation the user
        edited is only re-translated when they say so (asked here unless FORCE is given)."""
        self.ensure_ready()
        from crosspost.posts import get_post
        from crosspost.translation.service import translate_posts

        target = self.settings.value("defaults/target_lang", "zh")
        if force is None and post_ids:
            edited = [pid for pid in post_ids if (t := get_post(self.store, pid).translation(target)) and t.edited]
            if edited:
                self._ask_replace_edits(post_ids, edited, then)
                return None
        location = self.location

        def done(results) -> None:
            if self.editor.post_id is not None:
                self.editor.load(self.editor.post_id)
            self.posts_model.reload()
            self._update_count()
            kept = sum(1 for r in results if getattr(r, "kept_edit", False))
            skipped = [r for r in results if r.skipped]
            translated = len(results) - kept - len(skipped)
            self.statusBar().showMessage(self.tr("%n post(s) translated.", "", translated), 8000)
            if self.tabs.currentIndex() == 1:
                self.queue.reload()
            if skipped:  # the rest went on; say which were skipped, each with its fix
                from crosspost.gui.skipped_posts import show_skipped

                show_skipped(self, skipped, translated)
            elif then is not None:
                then()

        return self.runner.run(
            self.tr("Translating"),
            lambda store, progress, cancel: translate_posts(
                store, location, post_ids, "auto", target, force=bool(force), progress=progress, cancel=cancel
            ),
            on_success=done,
        )

    def _ask_replace_edits(self, post_ids: list[int], edited: list[int], then=None) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Replace your edits?"),
            self.tr(
                "You edited the translation of %n of these post(s). Replace your edit with a new translation?",
                "",
                len(edited),
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("replaceEdits")
        replace = box.addButton(self.tr("Replace my edit"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep my edit"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)

        def answered(_result) -> None:
            if box.clickedButton() is replace:
                self.translate_posts(post_ids, force=True, then=then)
            elif box.clickedButton() is keep:
                self.translate_posts(post_ids, force=False, then=then)

        box.finished.connect(answered)
        box.open()
        self.question = box
        return box

    def translate_untranslated(self) -> int | None:
        return self.translate_posts(None, force=False)

    def _glossary_changed(self, term: str) -> None:
        """After a glossary change: offer to re-translate the translated posts that use the term."""
        from crosspost.posts import library_rows, search_post_ids

        target = self.settings.value("defaults/target_lang", "zh")
        using = set(search_post_ids(self.store, term) or [])
        ids = [r.id for r in library_rows(self.store) if r.id in using and target in r.langs]
        if not ids:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Glossary changed"),
            self.tr(
                "%n translated post(s) use “%1”. Translate them again with the new glossary entry?", "", len(ids)
            ).replace("%1", term),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("glossaryRetranslate")
        box.finished.connect(
            lambda _: box.clickedButton() is box.button(QMessageBox.StandardButton.Yes) and self.translate_posts(ids)
        )
        box.open()
        self.question = box

    def current_post_id(self) -> int | None:
        if not self._ready:
            return None
        index = self.library.currentIndex()
        return self.posts_model.post_id(index.row()) if index.isValid() else None

    def selected_post_ids(self) -> list[int]:
        """The posts selected in the library (Shift/Ctrl for several), else the current one."""
        rows = sorted({i.row() for i in self.library.selectionModel().selectedIndexes()})
        ids = [self.posts_model.post_id(r) for r in rows]
        current = self.current_post_id()
        return ids or ([current] if current is not None else [])

    def create_draft(self, post_id: int, platform: str, layout: str) -> int | None:
        """The editor's Create draft: for the selected posts when the open one is among them. A post
        that already has a draft for PLATFORM opens it; a layout that needs a translation the post
        lacks offers to translate first or to use the original layout."""
        self.ensure_ready()
        from crosspost.drafts.store import find_draft, has_translation

        selected = self.selected_post_ids()
        ids = selected if post_id in selected and len(selected) > 1 else [post_id]
        new = [pid for pid in ids if find_draft(self.store, pid, platform) is None]
        if not new:
            existing = find_draft(self.store, ids[0], platform)
            self.tabs.setCurrentIndex(1)
            self.queue.reload()
            self.queue.select_draft(existing.id)
            self.statusBar().showMessage(
                self.tr("This post already has a draft for this platform: it is selected in the Drafts queue."), 8000
            )
            return existing.id
        lang = self.settings.value("defaults/target_lang", "zh") if layout != "original" else None
        if lang and any(not has_translation(self.store, pid, lang) for pid in new):
            missing = [pid for pid in new if not has_translation(self.store, pid, lang)]
            self._offer_translation(new, missing, platform, layout)
            return None
        return self._create_drafts(new, platform, layout)

    def _create_drafts(self, post_ids: list[int], platform: str, layout: str) -> int:
        from crosspost.drafts.store import create_drafts

        lang = self.settings.value("defaults/target_lang", "zh") if layout != "original" else None
        fit = self.editor.fit.currentData()

        def done(drafts) -> None:
            self.tabs.setCurrentIndex(1)
            self.queue.reload()
            self.queue.table.clearSelection()
            for c in drafts:
                self.queue.select_draft(c.draft.id, add=True)
            self.statusBar().showMessage(self.tr("%n draft(s) ready in the queue.", "", len(drafts)), 5000)
            for c in drafts:
                self.draftCreated.emit(c)

        return self.runner.run(
            self.tr("Creating draft"),
            lambda store, progress, cancel: create_drafts(store, post_ids, platform, layout, lang, fit=fit),
            on_success=done,
        )

    def _offer_translation(self, post_ids: list[int], missing: list[int], platform: str, layout: str) -> QMessageBox:
        from crosspost.gui.labels import layout_label

        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Not translated yet"),
            (
                self.tr("This post has no translation yet, which the %1 layout needs.")
                if len(post_ids) == 1
                else self.tr(
                    "%n of the selected posts have no translation yet, which the %1 layout needs.", "", len(missing)
                )
            ).replace("%1", layout_label(layout)),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("offerTranslation")
        translate = box.addButton(self.tr("Translate first"), QMessageBox.ButtonRole.AcceptRole)
        original = box.addButton(self.tr("Use the original only"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)

        def answered(_result) -> None:
            if box.clickedButton() is translate:
                self.translate_posts(missing, force=False, then=lambda: self._create_drafts(post_ids, platform, layout))
            elif box.clickedButton() is original:
                self._create_drafts(post_ids, platform, "original")

        box.finished.connect(answered)
        box.open()
        self.question = box
        return box

    def create_drafts_for_selection(self) -> int | None:
        ids = self.selected_post_ids()
        if not ids:
            return None
        return self.create_draft(ids[0], self.editor.platform.currentData(), self.editor.layout_switch.currentData())

    def refresh_drafts(self, draft_ids: list[int]) -> int:
        """Recompose out-of-date drafts from their posts now, keeping what the user set by hand."""
        from crosspost.drafts.freshness import refresh_draft

        ids = list(draft_ids)
        return self.runner.run(
            self.tr("Refreshing drafts"),
            lambda store, progress, cancel: [refresh_draft(store, i) for i in ids],
            on_success=lambda _: self.queue.reload(),
        )

    def fetch_media(self, post_ids: list[int] | None = None) -> int:
        """Download the media behind the export's links for POST_IDS (None: every post)."""
        self.ensure_ready()
        from crosspost.media.fetch import fetch_media

        location = self.location

        def done(report) -> None:
            self.posts_model.reload()
            self.update_expiry()
            self._media_changed(sorted({f["post"] for f in report.fetched if "post" in f}))
            if self.editor.post_id is not None:
                self.editor.refresh_media()
            # Not a dialog: a whole-archive fetch can leave many links behind; the editor shows each
            # post's media and the status bar says what happened.
            from crosspost.gui.media_labels import fetch_result_sentence

            self.statusBar().showMessage(fetch_result_sentence(report), 15000)
            self.mediaFetched.emit(report)

        return self.runner.run(
            self.tr("Fetching media"),
            lambda store, progress, cancel: fetch_media(store, location, post_ids, progress=progress, cancel=cancel),
            on_success=done,
        )

    def attach_files(self, post_id: int | None = None, files: list[str] | None = None) -> int | None:
        """Attach the user's own photos or videos to a post (asks for the files when not given)."""
        self.ensure_ready()
        from crosspost.posts import attach_files

        post_id = post_id if post_id is not None else self.current_post_id()
        if post_id is None:
            show_error(self, self.tr("Select a post in the library first."))
            return None
        if files is None:
            from crosspost.gui.file_choice import FILES, choose

            self.file_dialog = choose(
                self,
                self.tr("Attach photos or videos"),
                FILES,
                lambda chosen: self.attach_files(post_id, chosen),
                Path.home(),
                self.tr("Photos and videos (*.jpg *.jpeg *.png *.webp *.heic *.mp4 *.mov *.webm)"),
            )
            return None
        if not files:
            return None
        chosen = list(files)

        def done(_) -> None:
            self.posts_model.refresh_post(post_id)
            self.update_expiry()
            self._media_changed([post_id])
            if self.editor.post_id == post_id:
                self.editor.refresh_media()
            self.statusBar().showMessage(self.tr("%n file(s) attached.", "", len(chosen)), 5000)

        return self.runner.run(
            self.tr("Attaching files"),
            lambda store, progress, cancel: attach_files(store, post_id, chosen),
            on_success=done,
        )

    def _media_changed(self, post_ids: list[int]) -> None:
        """Drafts of these posts take the new media at once (keeping what the user set by hand)."""
        if not post_ids:
            return
        from crosspost.drafts.freshness import refresh_drafts_of

        ids = list(post_ids)
        self.runner.run(
            self.tr("Updating drafts"),
            lambda store, progress, cancel: refresh_drafts_of(store, ids),
            on_success=lambda _: self.queue.reload(),
        )

    def render_draft(self, draft_id: int) -> int:
        self.ensure_ready()
        from crosspost.drafts.render import render_draft

        location = self.location
        reencode = self.queue.reencode.isChecked()
        return self.runner.run(
            self.tr("Rendering draft %1").replace("%1", str(draft_id)),
            lambda store, progress, cancel: render_draft(
                store, location, draft_id, progress=progress, cancel=cancel, reencode=reencode
            ),
            on_success=lambda _: self.queue.reload(),
        )

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

                show_error(
                    self,
                    self.tr("Some drafts could not be rendered:")
                    + "\n"
                    + "\n".join(f"{draft_id}: {message}" for draft_id, message in report.failed),
                )

        return self.runner.run(
            self.tr("Rendering %1 drafts").replace("%1", str(len(ids))),
            lambda store, progress, cancel: render_drafts(
                store, location, ids, reencode=reencode, progress=progress, cancel=cancel
            ),
            on_success=done,
        )

    def export_drafts(self, ids: list[int], folder: str) -> int:
        self.ensure_ready()
        from crosspost.drafts.export import export_drafts

        def done(result) -> None:
            self.queue.reload()
            if result["bundles"]:
                from crosspost.gui.panels import ExportResultDialog

                self.export_result = ExportResultDialog(result["bundles"], self)
                self.export_result.finished.connect(self.export_result.deleteLater)
                self.export_result.open()
            self.exportFinished.emit(result)

        return self.runner.run(
            self.tr("Exporting"), lambda store, progress, cancel: export_drafts(store, ids, folder), on_success=done
        )

    def mark_posted(self, draft_id: int, url: str = "") -> int:
        self.ensure_ready()
        from crosspost.drafts.store import mark_posted

        return self.runner.run(
            self.tr("Marking as posted"),
            lambda store, progress, cancel: mark_posted(store, draft_id, url or None),
            on_success=lambda _: self.queue.reload(),
        )

    def delete_selected(self) -> int | None:
        self.ensure_ready()
        from crosspost.drafts.store import delete_drafts

        ids = self.queue.selected_ids() if self.tabs.currentIndex() == 1 else []
        if not ids:
            return None
        answer = QMessageBox.question(
            self, self.tr("Crosspost"), self.tr("Delete %n draft(s)? Your posts stay.", "", len(ids))
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        return self.runner.run(
            self.tr("Deleting drafts"),
            lambda store, progress, cancel: delete_drafts(store, ids),
            on_success=lambda _: self.queue.reload(),
        )

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
