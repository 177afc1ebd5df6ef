"""The task runner and the application context alone, without the main window: jobs run on worker
threads with their own store connection, results and typed errors come back on the GUI thread, a
cancelled job says so, an operation publishes what it changed, and settings are typed."""

from __future__ import annotations

import threading

from crosspost.errors import NotFound
from crosspost.gui.context import AppContext, Changes, Settings
from crosspost.gui.messages import window_message


def test_a_job_runs_off_the_gui_thread_with_its_own_store(app_context, library_store, qtbot):
    from crosspost.posts import library_rows

    gui_thread = threading.get_ident()
    seen = []

    def job(store, progress, cancel):
        seen.append((threading.get_ident(), store is not library_store))
        return [r.id for r in library_rows(store)]

    results = []
    with qtbot.waitSignal(app_context.runner.finished, timeout=10000):
        app_context.runner.run("Reading", job, on_success=lambda ids: results.append((threading.get_ident(), ids)))
    assert seen and seen[0][0] != gui_thread and seen[0][1]  # a worker, with a connection of its own
    assert len(results) == 1 and results[0][0] == gui_thread and sorted(results[0][1]) == [1, 2, 3]


def test_a_typed_error_comes_back_worded_for_the_window(app_context, qtbot):
    failures = []

    def job(store, progress, cancel):
        raise NotFound("post", 99)

    with qtbot.waitSignal(app_context.runner.failed, timeout=10000) as failed:
        app_context.runner.run("Failing", job, on_failure=lambda message, details: failures.append((message, details)))
    message = window_message(NotFound("post", 99))
    assert failed.args[1:] == [message, ""] and failures == [(message, "")]  # no traceback for a person
    assert "99" in message


def test_a_cancelled_job_says_so_and_never_succeeds(app_context, library_store, qtbot):
    from crosspost.posts import library_rows

    started = threading.Event()

    def job(store, progress, cancel):
        started.set()
        while True:  # real work until cancelled
            cancel.check()
            library_rows(store)

    succeeded = []
    task = app_context.runner.run("Long", job, on_success=succeeded.append)
    assert app_context.runner.user_jobs_running
    qtbot.waitUntil(started.is_set, timeout=10000)
    with qtbot.waitSignal(app_context.runner.cancelled, timeout=10000) as cancelled:
        app_context.runner.cancel(task)
    assert cancelled.args == [task] and not succeeded and not app_context.runner.busy


def test_an_operation_publishes_what_it_changed_before_its_own_follow_up(app_context, library_store, qtbot):
    from crosspost.posts import edit_caption

    order = []
    app_context.changed.connect(lambda changes: order.append(("changed", changes)))
    with qtbot.waitSignal(app_context.changed, timeout=10000):
        app_context.op(
            "Editing",
            lambda store, progress, cancel: edit_caption(store, 2, "Edited on a worker"),
            Changes(posts=frozenset([2])),
            on_success=lambda _: order.append(("success", None)),
        )
    assert order == [("changed", Changes(posts=frozenset([2]))), ("success", None)]
    from crosspost.posts import get_post

    assert get_post(library_store, 2).caption == "Edited on a worker"
    assert Changes(posts=frozenset([2])).touches_post(2) and not Changes(drafts=True).touches_post(2)
    assert (Changes(drafts=True) | Changes(media=frozenset([1]))) == Changes(drafts=True, media=frozenset([1]))


def test_settings_have_one_typed_default_per_key(location):
    settings = Settings(location)
    assert (settings.target_lang, settings.platform, settings.fit, settings.ui_language) == (
        "zh",
        "rednote",
        "blur",
        "system",
    )
    assert settings.tab == 0 and settings.fonts_hint_dismissed is False and settings.export_folder == ""
    settings.target_lang, settings.tab, settings.fonts_hint_dismissed = "ja", 1, True
    settings.sync()
    again = Settings(location)  # the same settings.ini in the data dir, read back typed
    assert (again.target_lang, again.tab, again.fonts_hint_dismissed) == ("ja", 1, True)
    assert (location.root / "settings.ini").is_file()


def test_the_context_opens_its_store_when_first_needed(location):
    ctx = AppContext(location)
    try:
        assert not ctx.store_open
        assert ctx.store.db is not None and ctx.store_open
    finally:
        ctx.runner.shutdown()
        ctx.close()
    assert not ctx.store_open
