"""The window's publishing: Settings → Accounts → Add Bluesky account (app password checked with the
real local PDS, the no-keyring opt-in), Publish beside Export with the posted link shown, and the
schedule with its countdown while the window is open."""

from __future__ import annotations

import datetime as dt

import pytest
from bluesky_world import World
from gui.conftest import screenshot
from media_files import jpeg
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication, QDialogButtonBox


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch):
    import keyring.core

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)


def select_draft(window, draft_id):
    queue = window.queue
    queue.reload()
    row = [c.draft.id for c in queue.model.drafts].index(draft_id)
    queue.table.selectionModel().select(
        queue.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


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
    QApplication.processEvents()
    screenshot(add, "bluesky-add-account")
    with qtbot.waitSignal(add.added, timeout=30000):
        add.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert accounts.list.count() == 1 and me["handle"] in accounts.list.item(0).text()
    accounts.close()
    settings.reject()

    drafts = [
        w.draft(i, [jpeg(tmp_path / f"{i}.jpg", 1000, 800)], alts=[f"photo {i}"] if i > 1 else None) for i in (1, 2, 3)
    ]
    window.refresh()  # the posts came in through the CLI
    window.tabs.setCurrentIndex(1)
    select_draft(window, drafts[0])

    def problems(draft_id):
        return next(c for c in window.queue.model.drafts if c.draft.id == draft_id).problems

    assert any(p.field == "alt_text" and "alt text" in p.message for p in problems(drafts[0]))  # preflight
    window.queue.buttons["alt"].click()
    dialog = window.publisher.alt_dialog
    assert len(dialog.fields) == 1 and dialog.fields[0].text() == ""
    dialog.fields[0].setText("A bowl of noodles on a red table")
    screenshot(dialog, "bluesky-alt-text")
    with qtbot.waitSignal(dialog.accepted, timeout=30000):  # saved on the task runner, then closed
        dialog.accept()
    select_draft(window, drafts[0])
    assert not any(p.field == "alt_text" for p in problems(drafts[0]))
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
    QApplication.processEvents()
    screenshot(window, "queue-publish-countdown")
    texts = sorted(r["value"]["text"] for r in pds.list_records(me["did"]))
    assert texts == ["Hello from the window\n\n#crosspost", "Planned post"]


def _publishing_errors(draft):
    """Every typed error of the publishing core, with sample data."""
    from crosspost.publishing.accounts import NoAccount, SecretMissing, SeveralAccounts
    from crosspost.publishing.bluesky import PublishError
    from crosspost.publishing.publish import (
        NoPublishApi,
        NothingToTranslate,
        NotReadyToPublish,
        OtherAccount,
        PublishingBusy,
    )
    from crosspost.records import Problem
    from crosspost.values import ProblemCode

    return [
        NoAccount("bluesky"),
        NoAccount("bluesky", "alice.test"),
        SeveralAccounts("bluesky", ["a.test", "b.test"]),
        SecretMissing("bluesky", "alice.test", "file"),
        PublishError(
            "bsky.social refused the request (ExpiredToken); sign in again with a new app password.", kind="auth"
        ),
        NoPublishApi(1, "rednote"),
        OtherAccount(1),
        PublishingBusy(),
        NothingToTranslate(1, original_layout=True),
        NothingToTranslate(1, original_layout=False),
        *[
            NotReadyToPublish.of(draft, Problem(code, facts))
            for code, facts in [
                (ProblemCode.BODY_TOO_LONG, {"used": 900, "unit": "graphemes", "limit": 300, "platform": "bluesky"}),
                (ProblemCode.TAGS_TOO_LONG, {"used": 310, "limit": 300, "platform": "bluesky"}),
                (ProblemCode.NOT_RENDERED, {"platform": "bluesky"}),
            ]
        ],
    ]


def test_publishing_failures_are_worded_with_the_windows_actions(window, qtbot, tmp_path, capsys, monkeypatch):
    """No account, a caption over the limit: the Publish button's message says what to do in the window
    (never a command); every typed publishing error gets the window's words in both languages."""
    from crosspost.drafts.store import get_draft

    long = " ".join(f"Sentence {i} is about the long walk along the cliffs this morning." for i in range(12))
    w = World(tmp_path, capsys, monkeypatch, ["Short and sweet", long])
    drafts = [w.draft(i, [jpeg(tmp_path / f"{i}.jpg", 900, 900)], alts=[f"photo {i}"]) for i in (1, 2)]
    window.refresh()
    window.tabs.setCurrentIndex(1)
    with qtbot.waitSignal(window.publisher.published, timeout=60000) as blocker:
        window.publisher.publish(drafts)
    assert blocker.args[0] == []
    text = window.publisher.last_message.text()
    assert f"Draft {drafts[0]} was not published: There is no Bluesky account in Crosspost yet" in text
    assert f"Draft {drafts[1]} was not published: " in text and "Alt text…" in text and "thread" in text
    assert "Tools → Settings… → Accounts…" in text
    assert "crosspost " not in text and " --" not in text
    window.publisher.last_message.close()
    assert all(get_draft(window.store, d).status != "posted" for d in drafts)

    errors = _publishing_errors(get_draft(window.store, drafts[0]))
    assert len({type(e) for e in errors}) == 9
    for language in ("en", "zh_CN"):
        window.set_language(language)
        try:
            for exc in errors:
                worded = window.publisher.explain(exc)
                assert worded.strip() and "crosspost " not in worded and " --" not in worded, (exc, worded)
                assert worded != str(exc), f"{type(exc).__name__} is shown as the core wrote it"
        finally:
            window.set_language("en")


def test_remove_account_and_translate_alt_texts_run_on_the_task_runner(
    window, qtbot, tmp_path, capsys, monkeypatch, argos_packs
):
    from crosspost.drafts.store import get_draft
    from crosspost.publishing.accounts import add_account, list_accounts

    w = World(tmp_path, capsys, monkeypatch, ["Morning run by the river with friends."])
    add_account(
        window.store,
        window.location,
        "bluesky",
        "someone.example",
        "abcd-efgh-ijkl-mnop",
        "http://127.0.0.1:9",
        allow_file=True,
    )  # no check with a server: nothing is posted here
    settings = window.open_settings()
    accounts = settings.open_accounts()
    assert accounts.list.count() == 1
    accounts.list.setCurrentRow(0)
    with qtbot.waitSignal(window.runner.finished, timeout=30000):
        accounts.remove_selected()
    assert accounts.list.count() == 0 and list_accounts(window.store) == []
    assert "abcd-efgh-ijkl-mnop" not in (w.data / "secrets.json").read_text()
    accounts.close()
    settings.reject()

    assert w.run("languages", "install", argos_packs[("en", "zh")])[0] == 0
    assert w.run("translate", "1", "--from", "en", "--to", "zh")[0] == 0
    draft = w.draft(
        1, [jpeg(tmp_path / "run.jpg", 1000, 1000)], alts=["Runners by the river"], layout="bilingual", lang="zh"
    )
    window.refresh()
    window.tabs.setCurrentIndex(1)
    dialog = window.publisher.edit_alt_texts(draft)
    assert dialog.translate_button.isEnabled() and [f.text() for f in dialog.fields] == ["Runners by the river"]
    dialog.thread_box.setChecked(True)
    with qtbot.waitSignal(dialog.saved, timeout=60000) as saved:
        dialog.translate()
    stored = get_draft(window.store, draft)
    assert saved.args[0].draft.alt_texts == stored.alt_texts and stored.thread  # the thread choice was saved first
    [alt] = stored.alt_texts.values()
    assert alt.startswith("Runners by the river\n\n") and len(alt) > len("Runners by the river\n\n")
    assert dialog.fields[0].text() == alt
    assert dialog.isVisible()  # translating keeps the dialog open for more edits
    dialog.reject()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_hostile_sign_in_server_is_worded_in_the_add_account_dialog(window, qtbot, monkeypatch, language):
    """Issue 22 (items 3 and 10) in the window: a sign-in redirected to another origin and a server that
    drips its answer; the dialog says so in the window's words (the Add button, never a command), the
    password never reaches the other origin, and no account is added."""
    import threading

    from test_bluesky_hostile import Server, make_server

    monkeypatch.setenv("CROSSPOST_NET_DEADLINE", "2")
    states = []
    servers = []
    for _ in range(2):
        state: dict = {"routes": {}, "seen": [], "sent": 0, "dripped": [], "stop": threading.Event()}
        httpd = Server(("127.0.0.1", 0), make_server(state))
        threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
        state["url"] = f"http://127.0.0.1:{httpd.server_address[1]}"
        states.append(state)
        servers.append(httpd)
    first, other = states
    first["routes"]["com.atproto.server.createSession"] = "redirect"
    first["redirect_to"] = other["url"]
    window.set_language(language)
    try:
        accounts = window.open_settings().open_accounts()
        add = accounts.open_add()
        add.handle.setText("someone.example")
        add.password.setText("abcd-efgh-ijkl-mnop")
        add.file_opt_in.setChecked(True)

        def sign_in(url: str) -> str:
            add.server.setText(url)
            add.status.clear()
            add.submit()
            qtbot.waitUntil(lambda: add.buttons.isEnabled() and add.status.text() != "", timeout=20000)
            return add.status.text()

        redirected = sign_in(first["url"])
        assert other["seen"] == [], "the password went to the other origin"
        other["routes"]["com.atproto.server.createSession"] = "drip"
        slow = sign_in(other["url"])
        said = [redirected, slow]
        for text in said:
            assert "crosspost " not in text and " --" not in text, text
        if language == "en":
            assert "redirected the sign-in to " + other["url"] in redirected
            assert "did not answer the sign-in within 2 s" in slow
            assert all(t.endswith("Nothing was stored; check the server and try Add again.") for t in said)
        else:
            assert "重定向" in redirected and "2 秒" in slow and all("添加" in t for t in said)
        assert accounts.list.count() == 0 and add.isVisible()
        add.reject()
    finally:
        window.set_language("en")
        for state in states:
            state["stop"].set()
        for httpd in servers:
            httpd.shutdown()
            httpd.server_close()
