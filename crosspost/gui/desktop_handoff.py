"""Desktop hand-off from the queue: drag a draft's rendered files out (into a browser's upload box or a
file manager), and open the platform's creator upload page with the files' folder shown beside it
and the title on the clipboard."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDrag, QGuiApplication
from PySide6.QtWidgets import QTableView, QWidget

if TYPE_CHECKING:
    from crosspost.gui.phone_dialog import PhoneDialog
    from crosspost.gui.queue_view import QueueView
    from crosspost.store import Store


def media_mime_data(paths: Sequence[str | Path]) -> QMimeData:
    """What a drag of these files carries: file URLs (text/uri-list), as browsers' upload boxes and
    file managers expect, plus the paths as plain text."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(Path(p).resolve())) for p in paths])
    mime.setText("\n".join(str(Path(p).resolve()) for p in paths))
    return mime


class MediaDragTable(QTableView):
    """The queue's table: dragging a row drags the draft's rendered files."""

    def __init__(self, paths_for_drag: Callable[[], list[Path]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths_for_drag = paths_for_drag
        self.setDragEnabled(True)
        self.setDragDropMode(QTableView.DragDropMode.DragOnly)

    def startDrag(self, supported_actions: Qt.DropAction) -> None:  # noqa: N802
        paths = self.paths_for_drag()
        if not paths:
            return
        drag = QDrag(self)
        drag.setMimeData(media_mime_data(paths))
        drag.exec(Qt.DropAction.CopyAction)


def open_creator_page(store: Store, draft_id: int, region: str) -> tuple[str, Path | None]:
    """Open the upload page in the default browser, show the draft's folder, copy its title.
    Returns the page's address and the folder shown."""
    from crosspost.drafts.store import get_draft
    from crosspost.handoff.creator_page import bundle_folder, creator_page_url

    d = get_draft(store, draft_id)
    url = creator_page_url(d.platform, region)
    folder = bundle_folder(d)
    QGuiApplication.clipboard().setText(d.title)
    if folder is not None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
    QDesktopServices.openUrl(QUrl(url))
    return url, folder


# --- the queue's actions (the queue view wires its buttons and table to these) ----------------------


def offered(platforms: set[str]) -> set[str]:
    """The hand-offs every one of PLATFORMS supports, from their profiles (none without a platform):
    "creator" (a creator upload page to open) and "publish" (an API Crosspost publishes through)."""
    from crosspost.platforms import get_profile

    if not platforms:
        return set()
    profiles = [get_profile(p) for p in platforms]
    out = set()
    if all(p.handoff.get("creator_pages") for p in profiles):
        out.add("creator")
    if all(p.publish_api for p in profiles):
        out.add("publish")
    return out


def drag_paths(view: QueueView) -> list[Path]:
    from crosspost.drafts.store import get_draft
    from crosspost.handoff.creator_page import upload_files

    return [p for draft_id in view.selected_ids() for p in upload_files(get_draft(view.store, draft_id))]


def send_to_phone(view: QueueView) -> PhoneDialog | None:
    from crosspost.errors import UserError
    from crosspost.gui.dialogs import show_error
    from crosspost.gui.i18n import resolve_language
    from crosspost.gui.messages import window_message
    from crosspost.gui.phone_dialog import PhoneDialog, network_addresses
    from crosspost.handoff.phone_server import payload_for_draft

    ids = view.selected_ids()
    if not ids:
        return None
    settings = view.settings
    lang = resolve_language(settings.ui_language)
    try:
        payload = payload_for_draft(view.store, ids[0])
    except UserError as exc:
        show_error(view, window_message(exc))
        return None
    last = settings.phone_address
    host = last if last in network_addresses() else None
    dialog = PhoneDialog(payload, "zh" if lang.startswith("zh") else "en", view, host=host)
    dialog.network.currentIndexChanged.connect(
        lambda _: setattr(settings, "phone_address", dialog.network.currentData())
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    view.phone_dialog = dialog
    return dialog


def open_creator_page_for(view: QueueView) -> tuple[str, Path | None] | None:
    from crosspost.errors import UserError
    from crosspost.gui.dialogs import show_error
    from crosspost.gui.messages import window_message

    ids = view.selected_ids()
    if not ids:
        return None
    try:
        return open_creator_page(view.store, ids[0], view.settings.rednote_region)
    except UserError as exc:
        show_error(view, window_message(exc))
        return None
