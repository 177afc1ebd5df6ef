"""The window's operations over the core: import, translate, create drafts, fetch and attach media,
render, export, mark as posted, delete. Each is one core call on the task runner that publishes
what it changed (``Changes``); the library, editor and queue refresh themselves from that. What an
operation shows only for itself (a status message, the new drafts selected) is its ``on_success``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from crosspost.gui.context import AppContext, Changes
from crosspost.gui.words import fill
from crosspost.values import Layout

if TYPE_CHECKING:
    from crosspost.gui.editor import PostEditor
    from crosspost.gui.library_view import LibraryPane
    from crosspost.gui.queue_view import QueueView
    from crosspost.records import CheckedDraft


def show_error(parent: QWidget, message: str, details: str = "") -> QMessageBox:
    """What happened and what to do, in a dialog (``dialogs.show_error``; imported when first needed)."""
    from crosspost.gui.dialogs import show_error as show

    return show(parent, message, details)


class Operations(QObject):
    """Every window action that changes the library. PARENT hosts the questions it asks."""

    importFinished = Signal(object)  # ImportResult
    imported = Signal(object, str)  # ImportResult, the name of what was imported
    draftCreated = Signal(object)  # CheckedDraft
    exportFinished = Signal(object)  # {"bundles": [...]}
    mediaFetched = Signal(object)  # FetchReport
    translationsSkipped = Signal(list, int)  # the results of the posts a batch skipped, how many were done

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget,
        library: LibraryPane,
        editor: PostEditor,
        queue: QueueView,
        show_queue: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self.ctx, self.host = ctx, parent
        self.library, self.editor, self.queue, self.show_queue = library, editor, queue, show_queue
        self.question: QMessageBox | None = None
        self.file_dialog: QWidget | None = None
        self.export_result: QWidget | None = None

    # --- import -----------------------------------------------------------------------------------
    def choose_import(self, folder: bool = False) -> QWidget:
        from crosspost.gui.file_choice import FILES, FOLDER, choose

        if folder:
            return choose(self.host, self.tr("Import an unpacked export"), FOLDER, self.import_paths)
        return choose(
            self.host,
            self.tr("Import your TikTok export"),
            FILES,
            self.import_paths,
            Path.home(),
            self.tr("TikTok export (*.zip *.json *.txt)"),
        )

    def open_paths(self, paths: list[str], post_id: int | None = None) -> None:
        """Dropped or opened paths: an export (zip, folder, .json/.txt) imports wherever it lands;
        photos and videos attach to POST_ID (dropped on a post), or the window asks which post."""
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

        rows = library_rows(self.ctx.store)
        if not rows:
            show_error(
                self.host,
                self.tr(
                    "That is a photo or video, not a TikTok export. Import your export first (drop "
                    "its zip here); then drop photos and videos onto a post to attach them."
                ),
            )
            return
        dialog = ChoosePostDialog(rows, media, self.library.current_post_id(), self.host)
        dialog.chosen.connect(lambda pid, files: self.attach_files(pid, files))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.choose_post_dialog = dialog

    def import_paths(self, paths: list[str], media_dir: str | None = None) -> int:
        """Import exports (zip, folder, .json/.txt) in the background; media files go to MEDIA_DIR."""
        from crosspost.importing import import_paths
        from crosspost.importing.local_media import MEDIA_SUFFIXES

        exports = [p for p in paths if Path(p).suffix.lower() not in MEDIA_SUFFIXES]
        if not exports:
            show_error(
                self.host,
                self.tr(
                    "That is a photo or video, not a TikTok export. Drop the zip from TikTok's "
                    "“Download your data”, its folder, or its user_data_tiktok.json; then drop "
                    "photos and videos onto a post to attach them."
                ),
            )
            return 0
        name = Path(exports[0]).name

        def done(result: Any) -> None:
            self.imported.emit(result, name)
            self.importFinished.emit(result)

        return self.ctx.op(
            fill(self.tr("Importing %1"), name),
            lambda store, progress, cancel: import_paths(
                store, exports, media_dir=media_dir, progress=progress, cancel=cancel
            ),
            Changes(library=True, drafts=True),
            on_success=done,
        )

    # --- translation ------------------------------------------------------------------------------
    def translate_post(self, post_id: int) -> int | None:
        """The editor's Translate: the selected posts when the open one is among them, else the open one."""
        selected = self.library.selected_post_ids()
        return self.translate_posts(selected if post_id in selected else [post_id])

    def translate_untranslated(self) -> int | None:
        return self.translate_posts(None, force=False)

    def translate_posts(
        self, post_ids: list[int] | None, force: bool | None = None, then: Callable[[], object] | None = None
    ) -> int | None:
        """Translate POST_IDS (None: every post not translated yet). A post whose translation the user
        edited is only re-translated when they say so (asked here unless FORCE is given)."""
        from crosspost.posts import get_post
        from crosspost.translation.service import translate_posts

        target = self.ctx.settings.target_lang
        if force is None and post_ids:
            edited = [pid for pid in post_ids if (t := get_post(self.ctx.store, pid).translation(target)) and t.edited]
            if edited:
                self._ask_replace_edits(post_ids, edited, then)
                return None
        location = self.ctx.location

        def done(results: list[Any]) -> None:
            kept = sum(1 for r in results if getattr(r, "kept_edit", False))
            skipped = [r for r in results if r.skipped]
            translated = len(results) - kept - len(skipped)
            self.ctx.say(self.tr("%n post(s) translated.", "", translated), 8000)
            if skipped:  # the rest went on; the window says which were skipped, each with its fix
                self.translationsSkipped.emit(skipped, translated)
            elif then is not None:
                then()

        return self.ctx.op(
            self.tr("Translating"),
            lambda store, progress, cancel: translate_posts(
                store, location, post_ids, "auto", target, force=bool(force), progress=progress, cancel=cancel
            ),
            Changes(library=True, drafts=True) if post_ids is None else Changes(posts=frozenset(post_ids), drafts=True),
            on_success=done,
        )

    def _ask(self, name: str, title: str, text: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, self.host)
        box.setObjectName(name)
        self.question = box
        return box

    def _offer(
        self, box: QMessageBox, *choices: tuple[str, QMessageBox.ButtonRole, Callable[[], object]]
    ) -> QMessageBox:
        """BOX opened without blocking, with a button per choice (its text, its role, what it does) and
        Cancel; the choice whose button was clicked runs when the box closes."""
        buttons = [(box.addButton(text, role), run) for text, role, run in choices]
        box.addButton(QMessageBox.StandardButton.Cancel)

        def answered(_result: int) -> None:
            for button, run in buttons:
                if box.clickedButton() is button:
                    run()

        box.finished.connect(answered)
        box.open()
        return box

    def _ask_replace_edits(
        self, post_ids: list[int], edited: list[int], then: Callable[[], object] | None = None
    ) -> QMessageBox:
        box = self._ask(
            "replaceEdits",
            self.tr("Replace your edits?"),
            self.tr(
                "You edited the translation of %n of these post(s). Replace your edit with a new translation?",
                "",
                len(edited),
            ),
        )
        return self._offer(
            box,
            (
                self.tr("Replace my edit"),
                QMessageBox.ButtonRole.DestructiveRole,
                lambda: self.translate_posts(post_ids, force=True, then=then),
            ),
            (
                self.tr("Keep my edit"),
                QMessageBox.ButtonRole.AcceptRole,
                lambda: self.translate_posts(post_ids, force=False, then=then),
            ),
        )

    def glossary_changed(self, term: str) -> None:
        """After a glossary change: offer to re-translate the translated posts that use the term."""
        from crosspost.translation.glossary import posts_with_term

        ids = posts_with_term(self.ctx.store, term, translated_to=self.ctx.settings.target_lang)
        if not ids:
            return
        box = self._ask(
            "glossaryRetranslate",
            self.tr("Glossary changed"),
            fill(
                self.tr(
                    "%n translated post(s) use “%1”. Translate them again with the new glossary entry?", "", len(ids)
                ),
                term,
            ),
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.finished.connect(
            lambda _: box.clickedButton() is box.button(QMessageBox.StandardButton.Yes) and self.translate_posts(ids)
        )
        box.open()

    # --- drafts -----------------------------------------------------------------------------------
    def create_draft(self, post_id: int, platform: str, layout: str) -> int | None:
        """The editor's Create draft: for the selected posts when the open one is among them. A post
        that already has a draft for PLATFORM opens it; a layout that needs a translation the post
        lacks offers to translate first or to use the original layout."""
        from crosspost.drafts.store import find_draft, has_translation

        store = self.ctx.store
        selected = self.library.selected_post_ids()
        ids = selected if post_id in selected and len(selected) > 1 else [post_id]
        new = [pid for pid in ids if find_draft(store, pid, platform) is None]
        if not new:
            existing = find_draft(store, ids[0], platform)
            assert existing is not None
            self.show_queue()
            self.queue.select_draft(existing.id)
            self.ctx.say(
                self.tr("This post already has a draft for this platform: it is selected in the Drafts queue."), 8000
            )
            return existing.id
        lang = self.ctx.settings.target_lang if layout != "original" else None
        missing = [pid for pid in new if lang and not has_translation(store, pid, lang)]
        if missing:
            self._offer_translation(new, missing, platform, layout)
            return None
        return self._create_drafts(new, platform, layout)

    def _create_drafts(self, post_ids: list[int], platform: str, layout: str) -> int:
        from crosspost.drafts.store import create_drafts

        lang = self.ctx.settings.target_lang if layout != "original" else None
        fit = self.editor.fit.currentData()

        def done(drafts: list[CheckedDraft]) -> None:
            self.show_queue()
            self.queue.table.clearSelection()
            for c in drafts:
                self.queue.select_draft(c.draft.id, add=True)
            self.ctx.say(self.tr("%n draft(s) created in the Drafts queue.", "", len(drafts)), 5000)
            for c in drafts:
                self.draftCreated.emit(c)

        return self.ctx.op(
            self.tr("Creating draft"),
            lambda store, progress, cancel: create_drafts(store, post_ids, platform, Layout(layout), lang, fit=fit),
            Changes(drafts=True),
            on_success=done,
        )

    def _offer_translation(self, post_ids: list[int], missing: list[int], platform: str, layout: str) -> QMessageBox:
        from crosspost.gui.labels import layout_label

        box = self._ask(
            "offerTranslation",
            self.tr("Not translated yet"),
            fill(
                self.tr("This post has no translation yet, which the %1 layout needs.")
                if len(post_ids) == 1
                else self.tr(
                    "%n of the selected posts have no translation yet, which the %1 layout needs.", "", len(missing)
                ),
                layout_label(layout),
            ),
        )
        return self._offer(
            box,
            (
                self.tr("Translate first"),
                QMessageBox.ButtonRole.AcceptRole,
                lambda: self.translate_posts(
                    missing, force=False, then=lambda: self._create_drafts(post_ids, platform, layout)
                ),
            ),
            (
                self.tr("Use the original only"),
                QMessageBox.ButtonRole.ActionRole,
                lambda: self._create_drafts(post_ids, platform, "original"),
            ),
        )

    def refresh_drafts(self, draft_ids: list[int]) -> int:
        """Recompose out-of-date drafts from their posts now, keeping what the user set by hand."""
        from crosspost.drafts.freshness import refresh_draft

        ids = list(draft_ids)
        return self.ctx.op(
            self.tr("Refreshing drafts"),
            lambda store, progress, cancel: [refresh_draft(store, i) for i in ids],
            Changes(drafts=True),
        )

    def render_draft(self, draft_id: int) -> int:
        from crosspost.drafts.render import render_draft

        location, reencode = self.ctx.location, self.queue.reencode.isChecked()
        return self.ctx.op(
            fill(self.tr("Rendering draft %1"), draft_id),
            lambda store, progress, cancel: render_draft(
                store, location, draft_id, progress=progress, cancel=cancel, reencode=reencode
            ),
            Changes(drafts=True),
        )

    def render_drafts(self, ids: list[int]) -> int:
        """Several drafts as one batch (resumable; drafts already rendered are skipped)."""
        from crosspost.drafts.batch_render import render_drafts

        location, reencode = self.ctx.location, self.queue.reencode.isChecked()

        def done(report: Any) -> None:
            if report.failed:
                show_error(
                    self.host,
                    self.tr("Some drafts could not be rendered:")
                    + "\n"
                    + "\n".join(f"{draft_id}: {message}" for draft_id, message in report.failed),
                )

        return self.ctx.op(
            fill(self.tr("Rendering %1 drafts"), len(ids)),
            lambda store, progress, cancel: render_drafts(
                store, location, ids, reencode=reencode, progress=progress, cancel=cancel
            ),
            Changes(drafts=True),
            on_success=done,
        )

    def export_drafts(self, ids: list[int], folder: str) -> int:
        from crosspost.drafts.export import export_drafts

        def done(result: dict[str, Any]) -> None:
            if result["bundles"]:
                from crosspost.gui.panels import ExportResultDialog

                dialog = ExportResultDialog(result["bundles"], self.host)
                dialog.finished.connect(dialog.deleteLater)
                dialog.open()
                self.export_result = dialog
            self.exportFinished.emit(result)

        return self.ctx.op(
            self.tr("Exporting"),
            lambda store, progress, cancel: export_drafts(store, ids, folder),
            Changes(drafts=True),
            on_success=done,
        )

    def mark_posted(self, draft_id: int, url: str = "") -> int:
        from crosspost.drafts.store import mark_posted

        return self.ctx.op(
            self.tr("Marking as posted"),
            lambda store, progress, cancel: mark_posted(store, draft_id, url or None),
            Changes(drafts=True),
        )

    def delete_drafts(self, ids: list[int]) -> QMessageBox | None:
        """Ask (without blocking), then delete the drafts IDS; the posts stay."""
        from crosspost.drafts.store import delete_drafts

        if not ids:
            return None
        box = self._ask(
            "deleteDrafts", self.tr("Crosspost"), self.tr("Delete %n draft(s)? Your posts stay.", "", len(ids))
        )
        box.setIcon(QMessageBox.Icon.Warning)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)

        def answered(_result: int) -> None:
            if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
                self.ctx.op(
                    self.tr("Deleting drafts"),
                    lambda store, progress, cancel: delete_drafts(store, ids),
                    Changes(drafts=True),
                )

        box.finished.connect(answered)
        box.open()
        return box

    # --- media ------------------------------------------------------------------------------------
    def fetch_media(self, post_ids: list[int] | None = None) -> int:
        """Download the media behind the export's links for POST_IDS (None: every post); the drafts of
        the posts that got files take them at once (in the same job)."""
        from crosspost.drafts.freshness import refresh_drafts_of
        from crosspost.media.fetch import fetch_media

        location = self.ctx.location

        def job(store: Any, progress: Any, cancel: Any) -> Any:
            report = fetch_media(store, location, post_ids, progress=progress, cancel=cancel)
            refresh_drafts_of(store, sorted({f["post"] for f in report.fetched if "post" in f}))
            return report

        def changes(report: Any) -> Changes:
            got = frozenset(f["post"] for f in report.fetched if "post" in f)
            return Changes(library=post_ids is None, media=got | frozenset(post_ids or ()), drafts=bool(got))

        def done(report: Any) -> None:
            # Not a dialog: a whole-archive fetch can leave many links behind; the editor shows each
            # post's media and the status bar says what happened.
            from crosspost.gui.media_labels import fetch_result_sentence

            self.ctx.say(fetch_result_sentence(report), 15000)
            self.mediaFetched.emit(report)

        return self.ctx.op(self.tr("Fetching media"), job, changes, on_success=done)

    def attach_files(self, post_id: int | None = None, files: list[str] | None = None) -> int | None:
        """Attach the user's own photos or videos to a post (asks for the files when not given)."""
        from crosspost.drafts.freshness import refresh_drafts_of
        from crosspost.posts import attach_files

        post_id = post_id if post_id is not None else self.library.current_post_id()
        if post_id is None:
            show_error(self.host, self.tr("Select a post in the library first."))
            return None
        if files is None:
            from crosspost.gui.file_choice import FILES, choose

            self.file_dialog = choose(
                self.host,
                self.tr("Attach photos or videos"),
                FILES,
                lambda chosen: self.attach_files(post_id, chosen),
                Path.home(),
                self.tr("Photos and videos (*.jpg *.jpeg *.png *.webp *.heic *.mp4 *.mov *.webm)"),
            )
            return None
        if not files:
            return None
        chosen, pid = list(files), post_id

        def job(store: Any, progress: Any, cancel: Any) -> Any:
            attached = attach_files(store, pid, chosen)
            refresh_drafts_of(store, [pid])  # its drafts take the new media, keeping what was set by hand
            return attached

        return self.ctx.op(
            self.tr("Attaching files"),
            job,
            Changes(media=frozenset([pid]), drafts=True),
            on_success=lambda _: self.ctx.say(self.tr("%n file(s) attached.", "", len(chosen)), 5000),
        )
