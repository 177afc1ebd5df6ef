"""The main window: the shell that holds the welcome page, the library, editor and drafts queue, the
task panel and the menus. It makes the application context, the views (each given the context), the
operations and the action registry, and wires them together; it does no work of its own."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crosspost.gui.context import AppContext, Changes
from crosspost.gui.drop import DropHandler
from crosspost.gui.screen_fit import KeepOnScreen, first_size
from crosspost.gui.task_panel import TaskPanel
from crosspost.gui.words import Retranslating, fill
from crosspost.paths import DataLocation

if TYPE_CHECKING:
    from crosspost.gui.actions import ActionRegistry, Scope
    from crosspost.gui.editor import PostEditor
    from crosspost.gui.library_view import LibraryPane
    from crosspost.gui.operations import Operations
    from crosspost.gui.publishing import Publisher
    from crosspost.gui.queue_view import QueueView
    from crosspost.gui.welcome import WelcomePage

# The library, editor, queue and store (sqlite-utils, the translation and media helpers behind them)
# are imported and built right after the window is first shown (``ensure_ready``), so the window
# appears about as fast as an empty one.

LIBRARY_TAB, QUEUE_TAB = 0, 1


def show_error(parent: QWidget, message: str, details: str = "") -> QMessageBox:
    """What happened and what to do, in a dialog (``dialogs.show_error``; imported when first needed)."""
    from crosspost.gui.dialogs import show_error as show

    return show(parent, message, details)


class MainWindow(Retranslating, QMainWindow):
    # ``ensure_ready`` has built the editor, the queue, the operations and the actions (right after
    # the first frame, or when something needed them earlier).
    readied = Signal()

    def __init__(self, location: DataLocation) -> None:
        super().__init__()
        self.ctx = AppContext(location, self)
        self.location, self.settings, self.runner = self.ctx.location, self.ctx.settings, self.ctx.runner
        self._ready = False
        self._closed = False  # closed before the rest was built: it never is
        from crosspost.gui.i18n import apply_language

        # The saved UI language (English too: its catalogue has the plural forms), before any text is set.
        apply_language(QApplication.instance(), self.settings.ui_language)  # type: ignore[arg-type]
        self.runner.default_failure = self._task_failed
        self.ctx.status.connect(lambda message, ms: self.statusBar().showMessage(message, ms))
        self.ctx.changed.connect(self._changed)
        self.taskFailed = self.ctx.failed
        self.drop = DropHandler(self)
        self.drop.pathsDropped.connect(self.open_paths)
        self.drop.droppedOnPost.connect(lambda paths, post_id: self.open_paths(paths, post_id))
        self.setAcceptDrops(True)
        self.installEventFilter(self.drop)

        from crosspost.gui.actions import make_menus
        from crosspost.gui.library_view import LibraryPane

        # The first frame on screen holds what a person sees first: the whole menu bar (its menus are
        # filled right after), the library with its posts (or the welcome page), and the tabs. The
        # editor, the drafts queue, the operations and the actions are built right after that frame
        # (``ensure_ready``), in the places kept for them here.
        self.menus = make_menus(self.menuBar())
        self.library_pane: LibraryPane = LibraryPane(self.ctx)
        lib = self.library_pane
        self.library, self.posts_model, self.search = lib.list, lib.model, lib.search
        self.untranslated, self.count_label, self.no_match = lib.untranslated, lib.count_label, lib.no_match
        self.expiry_banner = lib.expiry_banner
        # Files dropped on a post in the library go to that post (an export dropped there still imports).
        self.drop.add_target(self.library.viewport(), lib.post_at)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(lib)
        self.splitter.addWidget(QWidget())  # the editor's place
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 0)  # the editor takes the room a resize gives or takes
        self.tabs = QTabWidget()
        self.tabs.addTab(self.splitter, "")
        self.tabs.addTab(QWidget(), "")  # the drafts queue's place
        self.pages = QStackedWidget()
        self.pages.addWidget(QWidget())  # the welcome page's place (built now only when it is shown)
        self.pages.addWidget(self.tabs)
        self.task_panel = TaskPanel(self.runner)
        central = QWidget()
        cv = self.central_layout = QVBoxLayout(central)
        cv.setContentsMargins(6, 6, 6, 6)
        cv.addWidget(self.pages, 1)
        cv.addWidget(self.task_panel)
        self.setCentralWidget(central)
        icon = Path(__file__).resolve().parent.parent / "resources" / "icons" / "crosspost-256.png"
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        geometry = self.settings.geometry
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:  # first run: 1280×800, or the free screen less the window's frame (a 1024×700 laptop)
            self.resize(first_size(self, QSize(0, 30)))  # the frame's real size is known once shown
        self.keep_on_screen = KeepOnScreen(self)
        self._welcome: WelcomePage | None = None
        lib.reload()  # every post (no search or filter yet): no rows is no posts
        if not self.posts_model.rowCount():
            self._build_welcome()
        self.pages.setCurrentIndex(1 if self.posts_model.rowCount() else 0)
        self._restore_state()
        self.retranslate()
        self._build_scheduled = False  # the rest is built right after the first paint (paintEvent)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self._build_scheduled:
            # After the first frame is on screen, not before it: the library shows at once.
            self._build_scheduled = True
            QTimer.singleShot(0, self.ensure_ready)

    def _build_welcome(self) -> WelcomePage:
        from crosspost.gui.welcome import WelcomePage

        if self._welcome is None:
            self._welcome = WelcomePage()
            self._replace_page(0, self._welcome)
        return self._welcome

    @property
    def welcome(self) -> WelcomePage:
        return self._build_welcome()

    def ensure_ready(self) -> None:
        """Open the store and build the editor, the drafts queue, the import panel, the operations and
        the menus' actions (once; the library is in the first frame already)."""
        if self._ready or self._closed:
            return
        self._ready = True
        from crosspost.gui.editor import PostEditor
        from crosspost.gui.flow_layout import VerticalScroll
        from crosspost.gui.operations import Operations
        from crosspost.gui.panels import ImportPanel
        from crosspost.gui.publishing import Publisher
        from crosspost.gui.queue_view import QueueView

        ctx = self.ctx
        self.store = ctx.store
        self.import_panel = ImportPanel()
        self.central_layout.insertWidget(0, self.import_panel)
        self.drop.dragActive.connect(self.welcome.set_drag_active)

        # The editor hears of changes before the library: a library change that opens a post (the
        # first import) then loads it once, through the library's selection.
        lib = self.library_pane
        ctx.changed.disconnect(lib.apply_changes)
        self.editor: PostEditor = PostEditor(ctx)
        ctx.changed.connect(lib.apply_changes)
        lib.postSelected.connect(self.editor.load)
        self.drop.add_target(self.editor.media_box, lambda pos: self.editor.post_id)
        self.editor.media_box.setAcceptDrops(True)
        # The editor scrolls when the window is smaller than all of it: it never makes the window grow.
        self.editor_scroll = VerticalScroll(self.editor)
        sizes = self.splitter.sizes()
        placeholder = self.splitter.replaceWidget(1, self.editor_scroll)
        if placeholder is not None:
            placeholder.deleteLater()
        # The stretch is the widget's (its size policy): the editor's place had it, the editor takes it.
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes(sizes)
        self.queue: QueueView = QueueView(ctx)
        self._replace_tab(QUEUE_TAB, self.queue)
        self.tabs.currentChanged.connect(lambda i: self.queue.reload() if i == QUEUE_TAB else None)

        self.ops: Operations = Operations(ctx, self, lib, self.editor, self.queue, self.show_queue)
        ops = self.ops
        self.importFinished, self.draftCreated = ops.importFinished, ops.draftCreated
        self.exportFinished, self.mediaFetched = ops.exportFinished, ops.mediaFetched
        ops.imported.connect(self._imported)
        ops.translationsSkipped.connect(self._skipped)
        self.welcome.openRequested.connect(ops.choose_import)
        self.editor.translateRequested.connect(ops.translate_post)
        self.editor.draftRequested.connect(ops.create_draft)
        self.editor.glossaryChanged.connect(ops.glossary_changed)
        self.queue.refreshRequested.connect(ops.refresh_drafts)
        self.queue.renderRequested.connect(ops.render_draft)
        self.queue.renderManyRequested.connect(ops.render_drafts)
        self.queue.exportRequested.connect(ops.export_drafts)
        self.queue.markPostedRequested.connect(ops.mark_posted)
        self.publisher: Publisher = Publisher(ctx, self.queue, self)
        self._build_actions()
        QTimer.singleShot(0, self._check_fonts)
        QTimer.singleShot(0, self._say_store_notices)
        self.retranslate()
        # The library was read for the first frame: not again. The queue reads its drafts when shown.
        if self.tabs.currentIndex() == QUEUE_TAB:
            self.queue.reload()
        current = lib.current_post_id()
        if current is not None and self.editor.post_id != current:
            self.editor.load(current)
        self.readied.emit()

    @property
    def is_ready(self) -> bool:
        return self._ready

    def _replace_page(self, index: int, page: QWidget) -> None:
        """Put PAGE where the placeholder made in ``__init__`` was."""
        placeholder = self.pages.widget(index)
        self.pages.insertWidget(index, page)
        if placeholder is not None:
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()

    def _replace_tab(self, index: int, page: QWidget) -> None:
        """Put PAGE in tab INDEX where the placeholder made in ``__init__`` was (the current tab stays)."""
        current = self.tabs.currentIndex()
        placeholder = self.tabs.widget(index)
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, page, "")
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        if placeholder is not None:
            placeholder.deleteLater()

    def _build_actions(self) -> None:
        from crosspost.gui.actions import ActionRegistry
        from crosspost.gui.shortcuts import EscapeClears, set_tab_order
        from crosspost.gui.window_actions import window_entries

        entries = window_entries(
            self.ops,
            self.library_pane,
            self.editor,
            self.queue,
            quit_app=self.close,
            find=self._focus_search,
            open_languages=self.open_languages,
            open_settings=self.open_settings,
            show_shortcuts=self.show_shortcuts,
            switch_tab=self.switch_tab,
            show_about=self.show_about,
        )
        self.actions_: ActionRegistry = ActionRegistry(self, self.menuBar(), entries, self._scopes, menus=self.menus)
        self.expiry_banner.fetchAllRequested.connect(lambda: self.actions_.run("post.fetch_all"))
        self.expiry_banner.attachRequested.connect(lambda: self.actions_.run("post.attach"))
        for signal in (
            self.tabs.currentChanged,
            self.pages.currentChanged,
            self.library.selectionModel().currentChanged,
            self.queue.table.selectionModel().selectionChanged,
            self.queue.model.modelReset,
        ):
            signal.connect(self.actions_.update)
        self.escape = EscapeClears(self)
        self.search.installEventFilter(self.escape)
        set_tab_order(self.library_pane, self.editor, self.queue)
        self._language = ""

    def _scopes(self) -> set[Scope]:
        from crosspost.gui.actions import Scope

        scopes: set[Scope] = set()
        if self.pages.currentWidget() is self.tabs:
            scopes.add(Scope.LIBRARY)
            if self.tabs.currentIndex() == LIBRARY_TAB and self.editor.post_id is not None:
                scopes.add(Scope.POST)
            if self.tabs.currentIndex() == QUEUE_TAB and self.queue.selected_ids():
                scopes.add(Scope.DRAFTS)
        return scopes

    # --- i18n, state --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        from crosspost.gui.i18n import current_language

        # The desktop adds the app's name ("… — Crosspost"): the title is only what this window is.
        self.setWindowTitle(self.tr("TikTok to RedNote"))
        self.tabs.setTabText(LIBRARY_TAB, self.tr("Library"))
        self.tabs.setTabText(QUEUE_TAB, self.tr("Drafts queue"))
        if not self._ready:
            from crosspost.gui.actions import title_menus

            title_menus(self.menus)  # no actions yet: the registry words them once made
            return
        if current_language() != self._language:
            if self._language:
                self.actions_.remake()  # the undo stack's "Undo %1" is worded when made
                self.statusBar().clearMessage()  # a message in the language left behind
            self._language = current_language()
        self.actions_.retranslate()

    def set_language(self, choice: str) -> None:
        from crosspost.gui.i18n import apply_language

        apply_language(QApplication.instance(), choice)  # type: ignore[arg-type]

    def _restore_state(self) -> None:
        splitter = self.settings.splitter
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([420, 860])
        self.tabs.setCurrentIndex(self.settings.tab)

    def _save_state(self) -> None:
        self.settings.geometry = self.saveGeometry()
        self.settings.splitter = self.splitter.saveState()
        self.settings.tab = self.tabs.currentIndex()
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
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
        self._closed = True
        self.runner.shutdown()
        self.ctx.close()
        event.accept()

    # --- pages --------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Everything read again (after a change made outside the window's operations)."""
        if self._closed:
            return
        self.ensure_ready()
        self.ctx.publish(Changes(library=True))

    def _changed(self, changes: Changes) -> None:
        if changes.library and self._ready:
            from crosspost.posts import has_posts

            self.pages.setCurrentIndex(1 if has_posts(self.store) else 0)

    def _imported(self, result: Any, name: str) -> None:
        from crosspost.posts import has_posts

        self.import_panel.show_result(result, name)
        if has_posts(self.store):
            # The keyboard goes on where the posts are: Down and Up move through them at once.
            self.tabs.setCurrentIndex(LIBRARY_TAB)
            if not self.library.currentIndex().isValid() and self.posts_model.rowCount():
                self.library.setCurrentIndex(self.posts_model.index(0))
            self.library.setFocus(Qt.FocusReason.OtherFocusReason)
        self.welcome.set_notice(
            ""
            if has_posts(self.store)
            else self.tr(
                "This export has no posts of yours in it: TikTok's post list in it is empty. If you have posts, "
                "request a new export with “All data” selected."
            )
        )

    def _skipped(self, skipped: list[Any], translated: int) -> None:
        """A translation batch went past some posts: say which, each with its fix."""
        from crosspost.gui.skipped_posts import show_skipped

        self.skipped_dialog = show_skipped(self.ctx, self, skipped, translated)
        self.skipped_dialog.fixLanguage.connect(self.open_written_in)
        self.skipped_dialog.openPacks.connect(self.open_languages)

    def open_written_in(self, post_id: int) -> None:
        """Show POST_ID in the library and the editor, with the "Written in" box focused."""
        self.tabs.setCurrentIndex(LIBRARY_TAB)
        self.search.clear()
        row = self.posts_model.row_of(post_id)
        if row is not None:
            self.library.setCurrentIndex(self.posts_model.index(row))
        if self.editor.post_id != post_id:
            self.editor.load(post_id)
        box = self.editor.written_in

        def focus() -> None:  # after the dialog has closed and handed the focus back to the window
            self.activateWindow()
            box.setFocus(Qt.FocusReason.OtherFocusReason)

        QTimer.singleShot(0, focus)

    def show_queue(self) -> None:
        self.tabs.setCurrentIndex(QUEUE_TAB)

    def _check_fonts(self) -> None:
        """Once, after the first paint: a hint when Chinese or emoji would show as boxes."""
        from crosspost.gui.fonts import font_hint_for

        self.font_hint = font_hint_for(self.settings, self)
        if self.font_hint is not None:
            self.central_layout.insertWidget(0, self.font_hint)

    def _say_store_notices(self) -> None:
        """Once, after the first paint: what opening the store did that the person must know (an empty
        store file kept aside and a new store started), in a dialog: an empty library alone says nothing."""
        for notice in self.store.notices:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("A new store was started"),
                fill(
                    self.tr(
                        "The store file %1 was empty (0 bytes), so it held no posts. It was kept as %2 in the "
                        "same folder, and a new, empty store was started. If your posts were in it, restore a "
                        "backup of that file."
                    ),
                    str(notice.path),
                    notice.aside.name,
                ),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.open()
            self.store_notice_box = box
        self.store.notices = []

    def _focus_search(self) -> None:
        self.ensure_ready()
        self.tabs.setCurrentIndex(LIBRARY_TAB)
        self.library_pane.focus_search()

    # --- the operations, for callers outside the window (the single-instance server, tests) ---------
    def open_paths(self, paths: list[str], post_id: int | None = None) -> None:
        self.ensure_ready()
        self.ops.open_paths(paths, post_id)

    def import_paths(self, paths: list[str], media_dir: str | None = None) -> int:
        self.ensure_ready()
        return self.ops.import_paths(paths, media_dir)

    def selected_post_ids(self) -> list[int]:
        return self.library_pane.selected_post_ids()

    # --- dialogs ------------------------------------------------------------------------------------
    def open_languages(self) -> QWidget:
        from crosspost.gui.dialogs import LanguagePacksDialog

        dialog = LanguagePacksDialog(self.ctx, self)
        dialog.open()
        return dialog

    def open_settings(self) -> QWidget:
        from crosspost.gui.dialogs import SettingsDialog

        dialog = SettingsDialog(self.ctx, self)
        dialog.open()
        return dialog

    def show_shortcuts(self) -> QWidget:
        from crosspost.gui.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self.actions_.shortcut_rows(), self)
        dialog.open()
        return dialog

    def show_about(self) -> QWidget:
        from crosspost.gui.about import AboutDialog

        dialog = AboutDialog(self.ctx.location.root, self)
        dialog.open()
        return dialog

    def switch_tab(self, step: int) -> None:
        """View → Next/Previous tab (Ctrl+PgDown/PgUp): the Library and the Drafts queue in turn."""
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def _task_failed(self, message: str, details: str) -> None:
        """A job without its own failure handling failed: say so (once)."""
        self.ctx.failed.emit(message)
        QTimer.singleShot(0, lambda: show_error(self, message, details))
