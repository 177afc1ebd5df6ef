"""The window's action table: every menu item with its shortcuts, scope and operation. The registry
(``actions.ActionRegistry``) builds the menus, the F1 list and the banner's buttons from it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence

from crosspost.gui.actions import Entry, Scope

if TYPE_CHECKING:

    def QT_TRANSLATE_NOOP(context: str, text: str) -> str: ...  # noqa: N802 - marks TEXT for lupdate

    from crosspost.gui.editor import PostEditor
    from crosspost.gui.library_view import LibraryPane
    from crosspost.gui.operations import Operations
    from crosspost.gui.queue_view import QueueView

else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

Std = QKeySequence.StandardKey


def drop_lost(ops: Operations, post_id: int | None) -> object:
    """Post → Drop lost media (asked first; gui/lost_media.py)."""
    from crosspost.gui.lost_media import drop_lost_media_of

    box = drop_lost_media_of(ops.ctx, ops.host, post_id)
    if box is not None:
        ops.question = box  # the window's one open question
    return box


def window_entries(
    ops: Operations,
    library: LibraryPane,
    editor: PostEditor,
    queue: QueueView,
    *,
    quit_app: Callable[[], object],
    find: Callable[[], object],
    open_languages: Callable[[], object],
    open_settings: Callable[[], object],
    show_shortcuts: Callable[[], object],
    switch_tab: Callable[[int], object],
    show_about: Callable[[], object],
) -> list[Entry]:
    """Every action of the window, in menu order."""
    undo, redo = editor.undo_stack.createUndoAction, editor.undo_stack.createRedoAction

    def nothing() -> None:
        return None

    return [
        # File
        Entry(
            "file.import",
            QT_TRANSLATE_NOOP("Actions", "&Import…"),
            ops.choose_import,
            Scope.APP,
            (Std.Open,),
            ("file",),
        ),
        Entry(
            "file.import_folder",
            QT_TRANSLATE_NOOP("Actions", "Import a &folder…"),
            lambda: ops.choose_import(folder=True),
            Scope.APP,
            (),
            ("file",),
        ),
        # The queue's selection is what it exports: it is also in the Draft menu (listed once in F1).
        Entry(
            "file.export",
            QT_TRANSLATE_NOOP("Actions", "&Export drafts…"),
            lambda: queue.export_selected(),
            Scope.DRAFTS,
            ("Ctrl+E",),
            ("file", "draft"),
        ),
        Entry("file.quit", QT_TRANSLATE_NOOP("Actions", "&Quit"), quit_app, Scope.APP, (Std.Quit,), ("file",), True),
        # Edit
        Entry("edit.undo", "", nothing, Scope.APP, (Std.Undo,), ("edit",), make=undo),
        Entry("edit.redo", "", nothing, Scope.APP, (Std.Redo, "Ctrl+Y"), ("edit",), make=redo),
        Entry("edit.find", QT_TRANSLATE_NOOP("Actions", "&Find"), find, Scope.APP, (Std.Find,), ("edit",)),
        Entry(
            "edit.delete",
            QT_TRANSLATE_NOOP("Actions", "&Delete draft"),
            lambda: ops.delete_drafts(queue.selected_ids()),
            Scope.DRAFTS,
            (Std.Delete,),
            ("edit",),
        ),
        # View: the Library and the Drafts queue, from the keyboard as in a browser
        Entry(
            "view.next_tab",
            QT_TRANSLATE_NOOP("Actions", "&Next tab"),
            lambda: switch_tab(+1),
            Scope.LIBRARY,
            ("Ctrl+PgDown",),
            ("view",),
        ),
        Entry(
            "view.previous_tab",
            QT_TRANSLATE_NOOP("Actions", "&Previous tab"),
            lambda: switch_tab(-1),
            Scope.LIBRARY,
            ("Ctrl+PgUp",),
            ("view",),
        ),
        # Post: the open post (and those selected with it)
        Entry(
            "post.translate",
            QT_TRANSLATE_NOOP("Actions", "&Translate the selected posts"),
            editor.request_translation,
            Scope.POST,
            ("Ctrl+T",),
            ("post",),
        ),
        Entry(
            "post.create_drafts",
            QT_TRANSLATE_NOOP("Actions", "Create &drafts for the selected posts"),
            editor.request_draft,
            Scope.POST,
            ("Ctrl+D",),
            ("post",),
        ),
        Entry(
            "post.translate_all",
            QT_TRANSLATE_NOOP("Actions", "Translate all &untranslated posts"),
            ops.translate_untranslated,
            Scope.LIBRARY,
            (),
            ("post",),
        ),
        Entry(
            "post.fetch",
            QT_TRANSLATE_NOOP("Actions", "&Fetch media"),
            lambda: ops.fetch_media(library.selected_post_ids()) if library.selected_post_ids() else None,
            Scope.POST,
            ("Ctrl+Shift+M",),
            ("post",),
            True,
        ),
        Entry(
            "post.attach",
            QT_TRANSLATE_NOOP("Actions", "&Attach files…"),
            lambda: ops.attach_files(editor.post_id),
            Scope.POST,
            ("Ctrl+Shift+A",),
            ("post",),
        ),
        Entry(
            "post.drop_lost",
            QT_TRANSLATE_NOOP("Actions", "Drop lost media"),
            lambda: drop_lost(ops, editor.post_id),
            Scope.POST,
            (),
            ("post",),
        ),
        Entry(
            "post.fetch_all",
            QT_TRANSLATE_NOOP("Actions", "Fetch media for a&ll posts"),
            lambda: ops.fetch_media(None),
            Scope.LIBRARY,
            (),
            ("post",),
        ),
        # Draft: the drafts selected in the queue
        Entry(
            "draft.render",
            QT_TRANSLATE_NOOP("Actions", "&Render"),
            queue.render_selected,
            Scope.DRAFTS,
            ("Ctrl+R",),
            ("draft",),
        ),
        Entry(
            "draft.copy_title",
            QT_TRANSLATE_NOOP("Actions", "Copy &title"),
            lambda: queue.copy_field("title"),
            Scope.DRAFTS,
            ("Ctrl+Shift+T",),
            ("draft",),
            True,
        ),
        Entry(
            "draft.copy_body",
            QT_TRANSLATE_NOOP("Actions", "Copy &body"),
            lambda: queue.copy_field("body"),
            Scope.DRAFTS,
            ("Ctrl+Shift+B",),
            ("draft",),
        ),
        Entry(
            "draft.copy_topics",
            QT_TRANSLATE_NOOP("Actions", "Copy t&opics"),
            lambda: queue.copy_field("topics"),
            Scope.DRAFTS,
            ("Ctrl+Shift+H",),
            ("draft",),
        ),
        Entry(
            "draft.mark_posted",
            QT_TRANSLATE_NOOP("Actions", "&Mark as posted…"),
            queue.mark_posted,
            Scope.DRAFTS,
            (),
            ("draft",),
            True,
        ),
        # Tools, Help
        Entry(
            "tools.languages",
            QT_TRANSLATE_NOOP("Actions", "&Language packs…"),
            open_languages,
            Scope.APP,
            (),
            ("tools",),
        ),
        Entry(
            "tools.settings",
            QT_TRANSLATE_NOOP("Actions", "&Settings…"),
            open_settings,
            Scope.APP,
            (Std.Preferences,),
            ("tools",),
        ),
        Entry(
            "help.shortcuts",
            QT_TRANSLATE_NOOP("Actions", "&Keyboard shortcuts"),
            show_shortcuts,
            Scope.APP,
            ("Ctrl+/", "F1"),
            ("help",),
        ),
        Entry(
            "help.about",
            QT_TRANSLATE_NOOP("Actions", "&About Crosspost"),
            show_about,
            Scope.APP,
            (),
            ("help",),
            True,
        ),
    ]
