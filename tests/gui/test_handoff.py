"""The queue's hand-off in the real window: the cover chooser's live preview and Apply, Send to phone
(QR code, request log, the port closes with the dialog), dragging the rendered files out (the MIME
data), and Open RedNote creator page (region from Settings, folder shown, title copied)."""

from __future__ import annotations

import socket
import urllib.request
from pathlib import Path

import pytest
from exports import build_export, sample_posts, write_zip
from gui.conftest import screenshot
from media_files import jpeg
from PIL import Image, ImageChops
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QImage
from PySide6.QtWidgets import QApplication


@pytest.fixture
def rednote_draft(window, qtbot, tmp_path):
    """The window with one rendered RedNote photo draft, selected in the queue."""
    from crosspost.posts import attach_files

    export = write_zip(tmp_path / "export.zip", build_export("json-2025", sample_posts(3)))
    with qtbot.waitSignal(window.importFinished, timeout=30000):
        window.import_paths([str(export)])
    attach_files(window.store, 2, [jpeg(tmp_path / "p.jpg", 900, 1200)])
    with qtbot.waitSignal(window.draftCreated, timeout=30000) as created:
        window.ops.create_draft(2, "rednote", "original")
    draft = created.args[0].to_json()
    with qtbot.waitSignal(window.runner.finished, timeout=60000):
        window.ops.render_draft(draft["id"])
    qtbot.waitUntil(lambda: bool(window.queue.model.drafts and window.queue.model.drafts[0].draft.cover))
    window.queue.table.selectRow(0)
    return window, draft


class UrlRecorder(QObject):
    """Receives the URLs QDesktopServices would hand to the desktop (Qt's own per-scheme handler
    hook), so the test opens no real browser or file manager."""

    def __init__(self):
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(QUrl(url))


@pytest.fixture
def recorder():
    r = UrlRecorder()
    for scheme in ("https", "file"):
        QDesktopServices.setUrlHandler(scheme, r, "open")
    yield r
    for scheme in ("https", "file"):
        QDesktopServices.unsetUrlHandler(scheme)


def qimage_to_pil(image: QImage) -> Image.Image:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    return Image.frombytes(
        "RGB",
        (image.width(), image.height()),
        bytes(image.constBits())[: image.sizeInBytes()],
        "raw",
        "RGB",
        image.bytesPerLine(),
    )


def test_cover_chooser_previews_and_applies(rednote_draft, qtbot):
    window, draft = rednote_draft
    chooser = window.queue.cover
    assert chooser.draft_id == draft["id"] and chooser.style_box.currentData() == "bold"
    # the preview is drawn on a worker thread: wait for the newest request's picture each time
    qtbot.waitUntil(lambda: not chooser.preview_pending, timeout=20000)
    bold = chooser.preview.pixmap().toImage()
    chooser.style_box.setCurrentIndex(chooser.style_box.findData("none"))
    qtbot.waitUntil(lambda: not chooser.preview_pending, timeout=20000)
    plain = chooser.preview.pixmap().toImage()
    chooser.style_box.setCurrentIndex(chooser.style_box.findData("banner"))
    chooser.text.setText("跑步打卡")
    # the live preview caught up with the typing
    qtbot.waitUntil(lambda: not chooser._debounce.isActive() and not chooser.preview_pending, timeout=20000)
    from crosspost.drafts.cover import preview
    from crosspost.drafts.store import get_draft

    expected = preview(window.store, get_draft(window.store, draft["id"]), "banner", "跑步打卡", chooser._base)
    assert ImageChops.difference(chooser.preview_image, expected).getbbox() is None
    assert (
        ImageChops.difference(
            chooser.preview_image,
            preview(window.store, get_draft(window.store, draft["id"]), "banner", "", chooser._base),
        ).getbbox()
        is not None
    )
    banner = qimage_to_pil(chooser.preview.pixmap().toImage())
    assert ImageChops.difference(qimage_to_pil(bold), qimage_to_pil(plain)).getbbox() is not None
    assert ImageChops.difference(banner, qimage_to_pil(plain)).getbbox() is not None
    screenshot(window.queue, "queue-cover-chooser")
    chooser.apply_button.click()
    row = window.store.db.execute("SELECT cover_style, cover_text FROM drafts WHERE id = ?", [draft["id"]]).fetchone()
    assert tuple(row) == ("banner", "跑步打卡")
    assert window.queue.selected_ids() == [draft["id"]]  # still selected after the reload
    with (
        Image.open(window.queue.model.drafts[0].draft.cover) as cover,
        Image.open(Path(window.queue.model.drafts[0].draft.cover).with_name("cover-plain.jpg")) as base,
    ):
        band = (0, 1100, 1080, 1300)
        assert ImageChops.difference(cover.convert("L").crop(band), base.convert("L").crop(band)).getbbox() is not None


def test_drag_carries_the_rendered_files_as_file_urls(rednote_draft):
    from crosspost.gui.desktop_handoff import media_mime_data

    window, draft = rednote_draft
    paths = window.queue.table.paths_for_drag()
    names = [p.name for p in paths]
    assert names == ["cover.jpg", "01.jpg"]  # a photo note: the titled cover first
    mime = media_mime_data(paths)
    assert mime.hasUrls()
    assert [u.toLocalFile() for u in mime.urls()] == [str(p.resolve()) for p in paths]
    assert all(u.scheme() == "file" for u in mime.urls())
    uri_list = bytes(mime.data("text/uri-list")).decode()
    assert [line for line in uri_list.splitlines() if line] == [QUrl.fromLocalFile(str(p)).toString() for p in paths]
    assert mime.text().splitlines() == [str(p.resolve()) for p in paths]
    assert all(Path(p).is_file() for p in paths)


@pytest.mark.parametrize("region, host", [("overseas", "creator.rednote.com"), ("mainland", "creator.xiaohongshu.com")])
def test_open_creator_page_by_region(rednote_draft, recorder, region, host):
    from crosspost.gui.dialogs import SettingsDialog

    window, draft = rednote_draft
    settings = SettingsDialog(window.ctx, window)
    settings.rednote_region.setCurrentIndex(settings.rednote_region.findData(region))
    settings.accept()
    assert window.settings.value("handoff/rednote_region") == region
    QApplication.clipboard().setText("-")
    window.queue.buttons["creator"].click()
    opened = [u.toString() for u in recorder.urls]
    https = [u for u in opened if u.startswith("https://")]
    files = [u for u in recorder.urls if u.isLocalFile()]
    assert len(https) == 1 and QUrl(https[0]).host() == host
    assert len(files) == 1 and Path(files[0].toLocalFile()) == Path(window.queue.model.drafts[0].draft.cover).parent
    assert QApplication.clipboard().text() == draft["title"]


def test_profile_records_the_creator_pages():
    from crosspost.platforms import get_profile

    handoff = get_profile("rednote").handoff
    assert handoff["source"] and handoff["checked"]
    assert handoff["creator_pages"]["overseas"]["url"].startswith("https://creator.rednote.com/")
    assert handoff["creator_pages"]["mainland"]["url"].startswith("https://creator.xiaohongshu.com/")


def _refused(host: str, port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(2)
        try:
            s.connect((host, port))
        except ConnectionRefusedError:
            return True
    return False


def test_send_to_phone_dialog(rednote_draft, qtbot):
    from crosspost.gui.phone_dialog import PhoneDialog
    from crosspost.handoff.phone_server import payload_for_draft

    window, draft = rednote_draft
    window.settings.setValue("handoff/phone_address", "127.0.0.1")  # chosen last time: this computer only
    window.queue.buttons["phone"].click()
    dialog = window.queue.phone_dialog
    assert isinstance(dialog, PhoneDialog) and dialog.isVisible()
    assert dialog.network.currentData() == "127.0.0.1"
    first = dialog.server
    assert first is not None and first.running and first.host == "127.0.0.1"
    assert first._server.server_address[0] == "127.0.0.1"
    assert not dialog.qr.pixmap().isNull() and dialog.qr.pixmap().width() > 100
    assert dialog.address.text() == first.url
    dialog.restart()  # what choosing a network does: a new server with a new token; the old port closes
    server = dialog.server
    assert server is not first and server.token != first.token and server.running
    assert not first.running and _refused("127.0.0.1", first.port)
    payload = payload_for_draft(window.store, draft["id"])
    request = urllib.request.Request(
        server.file_url("01.jpg", download=True),
        headers={"User-Agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)"},
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        assert response.read() == payload.files[0].path.read_bytes()
    qtbot.waitUntil(lambda: "iPhone downloaded 01.jpg" in dialog.log_lines, timeout=5000)
    assert "Stops in 14:" in dialog.left.text() or "Stops in 15:" in dialog.left.text()
    screenshot(dialog, "send-to-phone-dialog")
    port = server.port
    dialog.close()
    assert not server.running and _refused("127.0.0.1", port)


def test_hand_off_buttons_and_chooser_in_chinese(rednote_draft, qtbot):
    window, _ = rednote_draft
    window.set_language("zh_CN")
    try:
        qtbot.waitUntil(lambda: window.queue.buttons["phone"].text() == "发送到手机…")
        assert window.queue.buttons["creator"].text() == "打开小红书创作者中心"
        assert window.queue.cover.title() == "封面标题"
        assert window.queue.cover.style_box.itemText(window.queue.cover.style_box.findData("none")) == "无文字"
    finally:
        window.set_language("en")
    qtbot.waitUntil(lambda: window.queue.buttons["phone"].text() == "Send to phone…")
