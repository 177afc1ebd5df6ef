"""The window's publishing: Settings → Accounts → Add Bluesky account (app password checked with the
real local PDS, the no-keyring opt-in), Publish beside Export with the posted link shown, and the
schedule with its countdown while the window is open."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QDialogButtonBox

from bluesky_world import World
from gui.conftest import screenshot
from media_files import jpeg


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch):
    import keyring.core

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)


def select_draft(window, draft_id):
    queue = window.queue
    queue.reload()
    row = [d["id"] for d in queue.model.drafts].index(draft_id)
    queue.table.selectionModel().select(queue.model.index(row, 0),
                                        QItemSelectionModel.SelectionFlag.ClearAndSelect
                                        | QItemSelectionModel.SelectionFlag.Rows)


def test_account_publish_and_schedule_from_the_window(window, qtbot, pds, tmp_path, capsys, monkeypatch):
    me = pds.create_account("gui")
    w = World(tmp_path, capsys, monkeypatch, ["Hello from the window #crosspost", "Planned post", "Next week"])
    assert w.data == window.location.root

    settings = window.open_settings()
    accounts = settings.open_accounts()
    add = accounts.open_add()
    assert add.file_opt_in.isVisible()  # no keyring here: the opt-in is offered
    add.handle.setText(me["handle"])
    add.password.setText(me["app_password"])
    add.server.setText(pds.url)
    assert add.submit() is None and "Nothing was stored" in add.status.text()  # nothing stored without the opt-in
    add.file_opt_in.setChecked(True)
    add.status.clear()
    qtbot.wait(20)
    screenshot(add, "bluesky-add-account")
    with qtbot.waitSignal(add.added, timeout=30000):
        add.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert accounts.list.count() == 1 and me["handle"] in accounts.list.item(0).text()
    accounts.close()
    settings.reject()

    drafts = [w.draft(i, [jpeg(tmp_path / f"{i}.jpg", 1000, 800)], alts=[f"photo {i}"] if i > 1 else None)
              for i in (1, 2, 3)]
    window.refresh()  # the posts came in through the CLI
    window.tabs.setCurrentIndex(1)
    select_draft(window, drafts[0])
    def problems(draft_id):
        return next(d for d in window.queue.model.drafts if d["id"] == draft_id)["problems"]

    assert any(p["field"] == "alt_text" and "alt text" in p["message"] for p in problems(drafts[0]))  # preflight
    window.queue.buttons["alt"].click()
    dialog = window.publisher.alt_dialog
    assert len(dialog.fields) == 1 and dialog.fields[0].text() == ""
    dialog.fields[0].setText("A bowl of noodles on a red table")
    screenshot(dialog, "bluesky-alt-text")
    dialog.accept()
    select_draft(window, drafts[0])
    assert not any(p["field"] == "alt_text" for p in problems(drafts[0]))
    assert window.queue.buttons["publish"].text() == "Publish"
    with qtbot.waitSignal(window.publisher.published, timeout=60000) as blocker:
        window.queue.buttons["publish"].click()
    [result] = blocker.args[0]
    assert result.draft == drafts[0]
    assert result.url in window.publisher.last_message.text() and "<a href" in window.publisher.last_message.text()
    record = pds.get_record(result.uri)["value"]
    assert record["text"] == "Hello from the window\n\n#crosspost"
    assert record["embed"]["images"][0]["alt"] == "A bowl of noodles on a red table"
    window.publisher.last_message.close()

    # the schedule: one draft due a minute ago, one next week; the countdown names the next one
    now = dt.datetime.now()
    w.run("drafts", "edit", drafts[1], "--planned", (now - dt.timedelta(minutes=1)).strftime("%Y-%m-%d %H:%M"))
    w.run("drafts", "edit", drafts[2], "--planned", (now + dt.timedelta(days=7)).strftime("%Y-%m-%d %H:%M"))
    window.publisher._checked = None
    with qtbot.waitSignal(window.publisher.published, timeout=60000) as blocker:
        window.publisher.tick()
    assert [r.draft for r in blocker.args[0]] == [drafts[1]]
    window.publisher.last_message.close()
    window.publisher.tick()
    assert window.queue.countdown.text().startswith(f"Next: draft {drafts[2]} in 6 d")
    qtbot.wait(50)
    screenshot(window, "queue-publish-countdown")
    texts = sorted(r["value"]["text"] for r in pds.list_records(me["did"]))
    assert texts == ["Hello from the window\n\n#crosspost", "Planned post"]
