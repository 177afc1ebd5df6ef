"""Views built alone on an application context with a real store, without the main window
(qutebrowser style): the drafts queue and the post editor refresh themselves from the changes an
operation publishes, and the editor's media previews are decoded on the task runner."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel

from crosspost.gui.context import Changes


def test_the_queue_alone_shows_copies_and_follows_published_changes(app_context, library_store, qtbot, tmp_path):
    from crosspost.drafts.store import create_drafts, mark_posted
    from crosspost.gui.queue_view import QueueView

    drafts = create_drafts(library_store, [1, 2], "rednote", "original", None)
    queue = QueueView(app_context)
    qtbot.addWidget(queue)
    queue.reload()
    assert sorted(c.draft.id for c in queue.model.drafts) == sorted(c.draft.id for c in drafts)
    queue.select_draft(drafts[0].draft.id)
    assert queue.selected_ids() == [drafts[0].draft.id] and queue.buttons["render"].isEnabled()
    QApplication.clipboard().setText("")
    queue.copy_field("title")
    assert QApplication.clipboard().text() == drafts[0].draft.title != ""
    # A change made elsewhere is shown once an operation says drafts changed (no one calls reload).
    mark_posted(library_store, drafts[0].draft.id, "https://www.xiaohongshu.com/explore/abc")
    status = queue.model.index(0, queue.model.COLUMNS.index("status"))
    app_context.publish(Changes(drafts=True))
    row = next(i for i, c in enumerate(queue.model.drafts) if c.draft.id == drafts[0].draft.id)
    assert queue.model.drafts[row].draft.status.value == "posted"
    assert status.isValid() and queue.selected_ids() == [drafts[0].draft.id]  # the selection stays
    # Export remembers its folder in the typed settings.
    exported = []
    queue.exportRequested.connect(lambda ids, folder: exported.append((ids, folder)))
    queue.export_selected(str(tmp_path))
    assert exported == [([drafts[0].draft.id], str(tmp_path))] and app_context.settings.export_folder == str(tmp_path)


def test_the_editor_alone_writes_the_store_and_says_what_changed(app_context, library_store, qtbot):
    from crosspost.gui.editor import PostEditor
    from crosspost.posts import edit_caption, get_post

    editor = PostEditor(app_context)
    qtbot.addWidget(editor)
    published = []
    app_context.changed.connect(published.append)
    editor.load(2)
    assert editor.post_id == 2 and editor.original.toPlainText() == get_post(library_store, 2).caption
    editor.original.setPlainText("Typed in the editor #mine")
    assert get_post(library_store, 2).caption == "Typed in the editor #mine"
    assert published and published[-1].posts == frozenset([2]) and published[-1].origin is editor
    # An operation changed the open post: the editor reads it again by itself.
    edit_caption(library_store, 2, "Changed by an operation")
    app_context.publish(Changes(posts=frozenset([2])))
    assert editor.original.toPlainText() == "Changed by an operation"
    # A change to another post leaves the open one alone.
    edit_caption(library_store, 2, "Not shown yet")
    app_context.publish(Changes(posts=frozenset([3])))
    assert editor.original.toPlainText() == "Changed by an operation"
    translate, draft = [], []
    editor.translateRequested.connect(translate.append)
    editor.draftRequested.connect(lambda *a: draft.append(a))
    editor.request_translation()
    editor.request_draft()
    assert translate == [2] and draft == [(2, app_context.settings.platform, "bilingual")]


def test_the_editor_decodes_video_previews_on_the_task_runner(app_context, library_store, qtbot, tmp_path):
    from media_files import video

    from crosspost.gui.editor import PostEditor
    from crosspost.posts import attach_files

    attach_files(library_store, 1, [video(tmp_path / "clip.mp4", 320, 568, seconds=1.0)])
    editor = PostEditor(app_context)
    qtbot.addWidget(editor)
    editor.fit.setCurrentIndex(editor.fit.findData("pad"))
    titles = []
    app_context.runner.started.connect(lambda _id, title: titles.append(title))
    editor.load(1)
    strip = [editor.media_strip.itemAt(i).widget() for i in range(editor.media_strip.count())]
    previews = [w for w in strip if isinstance(w, QLabel) and w is not editor.no_media_label]
    assert len(previews) == 1 and previews[0].pixmap().isNull()  # shown at once, decoded later
    assert "Preview" in titles and editor.previews_pending == 1  # the frame is decoded on a worker
    qtbot.waitUntil(lambda: editor.previews_pending == 0, timeout=30000)
    assert not previews[0].pixmap().isNull() and previews[0].pixmap().width() == 120


def test_the_queue_selecting_a_draft_deleted_elsewhere_shows_no_cover(app_context, library_store, qtbot):
    """A draft deleted by another command (or a moment before the queue reads again) while it is
    selected: the cover chooser lets go of it instead of failing on a draft that is not there."""
    from crosspost.drafts.store import create_drafts, delete_drafts
    from crosspost.gui.queue_view import QueueView

    [checked] = create_drafts(library_store, [1], "rednote", "original", None)
    queue = QueueView(app_context)
    qtbot.addWidget(queue)
    queue.reload()
    queue.select_draft(checked.draft.id)
    assert queue.cover.draft_id == checked.draft.id
    delete_drafts(library_store, [checked.draft.id])
    queue.cover.set_draft(checked.draft.id)  # what the selection signal does with the stale row
    assert queue.cover.draft_id is None
    app_context.publish(Changes(drafts=True))
    assert queue.model.drafts == [] and queue.selected_ids() == []
