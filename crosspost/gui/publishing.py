"""Publishing from the window: Settings → Accounts (add a Bluesky account with an app password),
the queue's Publish button (through the task runner), the posted link, and scheduled publishing while
the window is open (a countdown to the next planned draft; due drafts go out by themselves)."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crosspost.errors import UserError
from crosspost.gui.context import AppContext, Changes
from crosspost.gui.dialog_buttons import button_row, close_row, ok_cancel
from crosspost.gui.words import fill

if TYPE_CHECKING:
    from crosspost.gui.queue_view import QueueView
    from crosspost.gui.tasks import Job, ProgressFn
    from crosspost.progress import CancelToken
    from crosspost.store import Store

APP_PASSWORDS_HELP = "https://bsky.app/settings/app-passwords"


class AddBlueskyAccountDialog(QDialog):
    """Handle, app password (with a link explaining app passwords), server; the opt-in to a
    user-only file only where no keyring exists. Checking the password with the server runs on the
    task runner."""

    added = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from crosspost.publishing.accounts import DEFAULT_SERVERS, keyring_available

        self.ctx = ctx
        self.setWindowTitle(self.tr("Add Bluesky account"))
        self.handle = QLineEdit()
        self.handle.setPlaceholderText("alice.bsky.social")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("xxxx-xxxx-xxxx-xxxx")
        self.server = QLineEdit(DEFAULT_SERVERS["bluesky"])
        self.help = QLabel(
            fill(
                self.tr(
                    "Use an <b>app password</b>, not your main password: make one in Bluesky under "
                    "Settings → Privacy and security → App passwords. "
                    '<a href="%1">What is an app password?</a>'
                ),
                APP_PASSWORDS_HELP,
            )
        )
        self.help.setWordWrap(True)
        self.help.setOpenExternalLinks(True)
        self.help.setTextFormat(Qt.TextFormat.RichText)
        self.has_keyring = keyring_available()
        self.no_keyring = QLabel(
            self.tr(
                "No keyring was found on this computer to keep the app password safely. "
                "Crosspost stores it only if you allow a file in its data folder that "
                "only you can read."
            )
        )
        self.no_keyring.setWordWrap(True)
        self.no_keyring.setVisible(not self.has_keyring)
        self.file_opt_in = QCheckBox(self.tr("Keep the app password in a file only I can read"))
        self.file_opt_in.setVisible(not self.has_keyring)
        self.status = QLabel()
        self.status.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Handle"), self.handle)
        form.addRow(self.tr("App password"), self.password)
        form.addRow("", self.help)
        form.addRow(self.tr("Server"), self.server)
        form.addRow(self.no_keyring)
        form.addRow(self.file_opt_in)
        form.addRow(self.status)
        self.setMinimumWidth(520)
        self.buttons = ok_cancel(self, self.tr("Add"), self.submit)
        form.addRow(self.buttons)

    def submit(self) -> int | None:
        from crosspost.publishing.accounts import add_account
        from crosspost.publishing.bluesky import login

        if not self.has_keyring and not self.file_opt_in.isChecked():
            self.status.setText(self.tr("Nothing was stored: tick the box, or install a keyring and try again."))
            self.adjustSize()
            return None
        handle, password, server = self.handle.text(), self.password.text(), self.server.text()
        allow_file = self.file_opt_in.isChecked()
        location = self.ctx.location

        def verify(srv: str, h: str, secret: str) -> str:
            with login(srv, h, secret) as session:
                return session.did

        def job(store: Store, progress: ProgressFn, cancel: CancelToken) -> Any:
            return add_account(
                store, location, "bluesky", handle, password, server, allow_file=allow_file, verify=verify
            )

        self.buttons.setEnabled(False)
        self.status.setText(self.tr("Checking the app password with the server…"))

        def done(account: Any) -> None:
            self.password.clear()
            self.added.emit(account)
            self.accept()

        def failed(message: str, details: str) -> None:
            self.buttons.setEnabled(True)
            self.status.setText(message)
            self.adjustSize()

        return self.ctx.runner.run(self.tr("Adding Bluesky account"), job, on_success=done, on_failure=failed)


class AltTextDialog(QDialog):
    """Alt text for each photo or video of a draft (what it shows, for people using screen readers),
    optionally translated like the caption, and whether a caption over the limit goes out as a thread.
    Saving and translating run on the task runner."""

    saved = Signal(object)  # the CheckedDraft after saving

    def __init__(
        self, ctx: AppContext, draft_id: int, explain: Callable[[UserError], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        from pathlib import Path

        from crosspost.drafts.store import get_draft
        from crosspost.values import MediaKind

        self.ctx, self.explain = ctx, explain
        self.draft = get_draft(ctx.store, draft_id)
        self.setWindowTitle(fill(self.tr("Alt text for draft %1"), str(self.draft.id)))
        form = QFormLayout(self)
        self.fields: list[QLineEdit] = []
        self.media = self.draft.sources
        for n, m in enumerate(self.media, 1):
            edit = QLineEdit(self.draft.alt_texts.get(m.media, ""))
            edit.setMaxLength(2000)
            edit.setPlaceholderText(self.tr("What does it show?"))
            label = fill(self.tr("Photo %1") if m.kind is MediaKind.IMAGE else self.tr("Video %1"), str(n))
            form.addRow(f"{label} ({Path(m.source or '').name})", edit)
            self.fields.append(edit)
        self.thread_box = QCheckBox(self.tr("Publish a caption over the length limit as a thread of replies"))
        self.thread_box.setChecked(self.draft.thread)
        form.addRow(self.thread_box)
        self.status = QLabel()
        self.status.setWordWrap(True)
        form.addRow(self.status)
        self.buttons = button_row(self, QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.translate_button = self.buttons.addButton(
            self.tr("Translate like the caption"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.translate_button.setEnabled(self.draft.layout.needs_translation and bool(self.draft.target_lang))
        self.translate_button.clicked.connect(self.translate)
        form.addRow(self.buttons)

    def _save_job(self, translate: bool) -> Job:
        """The job that stores what the dialog shows (and then translates the alt texts)."""
        from crosspost.drafts.store import set_alt_text, set_thread
        from crosspost.publishing.publish import translate_alt_texts

        draft_id, texts, thread = self.draft.id, [edit.text() for edit in self.fields], self.thread_box.isChecked()
        location = self.ctx.location

        def job(store: Store, progress: ProgressFn, cancel: CancelToken) -> Any:
            with store.transaction():
                for n, text in enumerate(texts, 1):
                    set_alt_text(store, draft_id, n, text)
                result = set_thread(store, draft_id, thread)
            if translate:
                try:
                    return translate_alt_texts(store, location, draft_id)
                except UserError as exc:  # saved, not translated: said in the dialog, in the window's words
                    return exc
            return result

        return job

    def _run(self, title: str, translate: bool, on_success: Callable[[Any], object]) -> int:
        self.buttons.setEnabled(False)
        self.status.clear()

        def done(result: Any) -> None:
            self.buttons.setEnabled(True)
            if isinstance(result, UserError):
                self.status.setText(self.explain(result))
                return
            self.saved.emit(result)
            on_success(result)

        def failed(message: str, details: str) -> None:
            self.buttons.setEnabled(True)
            if details:
                self.ctx.fail(message, details)  # a bug: the error dialog, with details
            else:
                self.status.setText(message)

        return self.ctx.runner.run(title, self._save_job(translate), on_success=done, on_failure=failed)

    def translate(self) -> int:
        def show(result: Any) -> None:
            for m, edit in zip(self.media, self.fields):
                edit.setText(result.draft.alt_texts.get(m.media, ""))

        return self._run(self.tr("Translating alt texts"), True, show)

    def accept(self) -> int:  # type: ignore[override]
        """Save on the task runner; the dialog closes (``accepted``) once it is stored."""
        return self._run(self.tr("Saving alt texts"), False, lambda _: QDialog.accept(self))


class AccountsDialog(QDialog):
    """Settings → Accounts: the platform accounts (never a secret), add and remove."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Accounts"))
        self.list = QListWidget()
        self.add_button = QPushButton(self.tr("Add Bluesky account…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.add_button.clicked.connect(self.open_add)
        self.remove_button.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        close = close_row(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(close)
        self.accounts: list[Any] = []
        self.add_dialog: AddBlueskyAccountDialog | None = None
        self.reload()

    def reload(self) -> None:
        from crosspost.publishing.accounts import list_accounts

        self.accounts = list_accounts(self.ctx.store)
        self.list.clear()
        for a in self.accounts:
            self.list.addItem(f"{a.platform} · {a.handle} · {a.server}")
        self.remove_button.setEnabled(bool(self.accounts))

    def open_add(self) -> AddBlueskyAccountDialog:
        dialog = self.add_dialog = AddBlueskyAccountDialog(self.ctx, self)
        dialog.added.connect(lambda _: self.reload())
        dialog.open()
        return dialog

    def remove_selected(self) -> int | None:
        """Forget the selected account and its app password (on the task runner: the keyring may be slow)."""
        from crosspost.publishing.accounts import remove_account

        row = self.list.currentRow()
        if not 0 <= row < len(self.accounts):
            return None
        a = self.accounts[row]
        location = self.ctx.location

        def job(store: Store, progress: ProgressFn, cancel: CancelToken) -> Any:
            return remove_account(store, location, a.platform, a.handle)

        def failed(message: str, details: str) -> None:
            self.reload()
            self.ctx.fail(message, details)

        self.remove_button.setEnabled(False)
        return self.ctx.runner.run(
            self.tr("Removing account"), job, on_success=lambda _: self.reload(), on_failure=failed
        )


class Publisher(QObject):
    """Wires the queue's Publish button to the core and runs the schedule while the window is open."""

    published = Signal(list)  # the results of one publishing run
    TICK_MS = 1000
    REFRESH_S = 30

    def __init__(self, ctx: AppContext, queue: QueueView, host: QWidget) -> None:
        super().__init__(host)
        self.ctx, self.queue, self.host = ctx, queue, host
        self.queue.publishRequested.connect(self.publish)
        self.queue.buttons["alt"].clicked.connect(self.edit_alt_texts)
        self.alt_dialog: AltTextDialog | None = None
        self.busy = False
        self.last_message: QMessageBox | None = None
        self._next: tuple[int, str] | None = None
        self._checked: dt.datetime | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(self.TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self.tick()

    def publish(self, ids: list[int], scheduled: bool = False) -> int | None:
        from crosspost.publishing.publish import publish_drafts
        from crosspost.publishing.schedule import due_drafts

        if self.busy:
            return None
        self.busy = True
        location = self.ctx.location

        def job(store: Store, progress: ProgressFn, cancel: CancelToken) -> Any:
            """(results, [(draft id or None, error)]): every error a person can act on comes back
            here, to be worded by ``explain`` on the GUI thread."""
            errors: list[tuple[int | None, UserError]] = []
            todo = [int(i) for i in (due_drafts(store) if scheduled else ids)]
            try:
                results = (
                    publish_drafts(
                        store, location, todo, progress=progress, on_error=lambda did, exc: errors.append((did, exc))
                    )
                    if todo
                    else []
                )
            except UserError as exc:
                return [], [(None, exc)]
            return results, errors

        def done(outcome: tuple[list[Any], list[tuple[int | None, UserError]]]) -> None:
            results, errors = outcome
            self.busy = False
            self._checked = None
            self.show_results(results, [(did, self.explain(exc)) for did, exc in errors])
            self.published.emit(results)

        def failed(message: str, details: str) -> None:  # not a UserError (those come back): the error dialog
            self.busy = False
            self._checked = None
            self.ctx.publish(Changes(drafts=True))  # some may have gone out before the failure
            self.ctx.fail(message, details)

        title = self.tr("Publishing due drafts") if scheduled else self.tr("Publishing")
        return self.ctx.op(title, job, Changes(drafts=True), on_success=done, on_failure=failed)

    def explain(self, exc: UserError) -> str:
        """A publishing error in the window's words (``messages.window_message``, like every error)."""
        from crosspost.gui.messages import window_message

        return window_message(exc)

    def edit_alt_texts(self, draft_id: int | None = None) -> AltTextDialog | None:
        ids = [draft_id] if draft_id else self.queue.selected_ids()
        if not ids:
            return None
        dialog = self.alt_dialog = AltTextDialog(self.ctx, ids[0], self.explain, self.host)
        dialog.accepted.connect(lambda: self.ctx.publish(Changes(drafts=True)))
        dialog.open()
        return dialog

    def show_results(self, results: list[Any], errors: list[tuple[int | None, str]]) -> None:
        lines = []
        for r in results:
            text = self.tr("Draft %1 was already posted") if r.already else self.tr("Draft %1 is posted")
            lines.append(f'{fill(text, str(r.draft))}: <a href="{r.url}">{r.url}</a>')
        for draft_id, message in errors:
            lines.append(
                (fill(self.tr("Draft %1 was not published: "), str(draft_id)) if draft_id is not None else "")
                + html.escape(message)
            )
        if not lines:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning if errors else QMessageBox.Icon.Information,
            self.tr("Publish"),
            "<br>".join(lines),
            QMessageBox.StandardButton.Ok,
            self.host,
        )
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        box.open()
        self.last_message = box
        if results:
            self.ctx.say(fill(self.tr("Posted: %1"), results[-1].url), 15000)

    def tick(self) -> None:
        """Every second: the countdown; when the next planned draft is due, publish the due ones."""
        from crosspost.publishing.schedule import next_due

        if not self.ctx.store_open or not self.host.isVisible():
            return  # not shown yet, or closed (its store is closed too)
        now = dt.datetime.now()
        if self._checked is None or (now - self._checked).total_seconds() >= self.REFRESH_S:
            self._next = next_due(self.ctx.store)
            self._checked = now
        if self._next is None:
            self.queue.countdown.setText("")
            return
        draft_id, planned = self._next
        when = dt.datetime.strptime(planned[:16], "%Y-%m-%dT%H:%M")
        left = (when - now).total_seconds()
        if left <= 0:
            self.queue.countdown.setText(fill(self.tr("Publishing draft %1 now"), str(draft_id)))
            if not self.busy:
                self.publish([], scheduled=True)
            return
        minutes, seconds = divmod(int(left), 60)
        hours, minutes = divmod(minutes, 60)
        days, hours = divmod(hours, 24)
        span = (
            f"{days} d {hours:02d}:{minutes:02d}:{seconds:02d}" if days else f"{hours:02d}:{minutes:02d}:{seconds:02d}"
        )
        self.queue.countdown.setText(fill(self.tr("Next: draft %1 in %2"), str(draft_id), span))
