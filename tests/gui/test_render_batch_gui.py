"""The queue's multi-select renders as one batch; the Re-encode box forces encoding."""

from __future__ import annotations

from exports import build_export, sample_posts, write_zip
from media_files import jpeg
from PySide6.QtCore import QItemSelectionModel, Qt

from crosspost.drafts.batch_render import BatchReport


def test_multi_select_renders_one_batch_and_reencode_is_honoured(window, qtbot, tmp_path):
    from crosspost.posts import attach_files

    export = write_zip(tmp_path / "export.zip", build_export("json-2025", sample_posts(3)))
    with qtbot.waitSignal(window.importFinished, timeout=30000):
        window.import_paths([str(export)])
    ids = []
    for post_id in (1, 2):
        attach_files(window.store, post_id, [jpeg(tmp_path / f"{post_id}.jpg", 1080, 1440)])
        with qtbot.waitSignal(window.draftCreated, timeout=30000) as created:
            window.ops.create_draft(post_id, "rednote", "original")
        ids.append(created.args[0].draft.id)
    window.queue.reload()
    window.queue.table.clearSelection()
    selection = window.queue.table.selectionModel()
    for row in range(window.queue.model.rowCount()):
        index = window.queue.model.index(row, 0)
        selection.select(index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    assert sorted(window.queue.selected_ids()) == sorted(ids)
    window.queue.reencode.setChecked(True)
    with (
        qtbot.waitSignal(window.queue.renderManyRequested) as asked,
        qtbot.waitSignal(
            window.runner.finished,
            timeout=120000,
            check_params_cb=lambda _task, result: isinstance(result, BatchReport),
        ) as finished,
    ):
        window.queue.buttons["render"].click()
    assert sorted(asked.args[0]) == sorted(ids)
    report = finished.args[1]
    assert sorted(report.rendered) == sorted(ids) and not report.failed and report.encoded == 2
    for draft_id in ids:
        from crosspost.drafts.store import checked

        [detail] = [m for m in checked(window.store, draft_id).to_json()["media_detail"] if m.get("rendered")]
        assert detail["render_method"] == "encode" and detail["render_reasons"] == ["a re-encode was asked for"]
    model = window.queue.model
    window.queue.reload()
    status_column = model.COLUMNS.index("status")
    tip = model.data(model.index(0, status_column), Qt.ItemDataRole.ToolTipRole)
    assert tip == "01.jpg: re-encoded"

    window.queue.reencode.setChecked(False)
    window.queue.table.selectRow(0)
    with qtbot.waitSignal(window.runner.finished, timeout=120000):
        window.queue.buttons["render"].click()
    window.queue.reload()
    tip = model.data(model.index(0, status_column), Qt.ItemDataRole.ToolTipRole)
    assert tip == "01.jpg: kept the original (not re-encoded)"
