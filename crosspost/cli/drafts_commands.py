"""``crosspost drafts create|list|show|edit|undo|history|check|render|export|mark-posted``."""

from __future__ import annotations

import argparse

from crosspost.cli.common import (
    Context,
    ProgressBar,
    Subcommands,
    choice_arg,
    command,
    draft_id_arg,
    message,
    post_id_arg,
)
from crosspost.cli.remedies import problem_hint
from crosspost.limits import MAX_COVER_TEXT_CHARS
from crosspost.media.cover_styles import STYLE_HELP, STYLES
from crosspost.progress import Progress
from crosspost.records import CheckedDraft
from crosspost.values import DraftStatus, Fit, Layout


def register(sub: Subcommands) -> None:
    drafts = sub.add_parser("drafts", help="the queue of ready-to-publish drafts")
    verbs = drafts.add_subparsers(dest="drafts_command", metavar="ACTION", required=True)

    p = command(
        verbs, "create", run_create, "make (or refresh) drafts from posts for a platform", ids=post_id_arg, nargs="+"
    )
    p.add_argument("--platform", required=True, metavar="NAME")
    p.add_argument(
        "--layout", type=choice_arg(Layout), choices=list(Layout), help="default: the platform's (RedNote: bilingual)"
    )
    p.add_argument("--lang", metavar="CODE", help="the translation to use (default: the platform's, e.g. zh)")
    p.add_argument("--reset", action="store_true", help="also replace fields you edited by hand")
    p.add_argument(
        "--fit", type=choice_arg(Fit), choices=list(Fit), help="how media fill the frame (default: the platform's)"
    )

    p = command(verbs, "list", run_list, "the queue")
    p.add_argument("--platform", metavar="NAME")
    p.add_argument("--status", type=choice_arg(DraftStatus), choices=list(DraftStatus))
    p.add_argument("--search", metavar="TEXT")

    p = command(verbs, "show", run_show, "one draft", ids=draft_id_arg)

    p = command(verbs, "edit", run_edit, "change a draft (every edit is kept and can be undone)", ids=draft_id_arg)
    p.add_argument("--title")
    p.add_argument("--body")
    p.add_argument("--topics", help='comma-separated, e.g. "旅行,成都"')
    p.add_argument(
        "--planned", dest="planned_at", metavar="DATE", help="planned publishing date, e.g. 2025-02-14 18:30"
    )
    p.add_argument("--notes")
    p.add_argument("--fit", type=choice_arg(Fit), choices=list(Fit))
    p.add_argument(
        "--cover-style",
        choices=STYLES,
        metavar="STYLE",
        help="the title on the cover: " + "; ".join(f"{k}: {v}" for k, v in STYLE_HELP.items()),
    )
    p.add_argument(
        "--cover-text",
        metavar="TEXT",
        help="the text on the cover (default: the draft's title; "
        f'for bilingual, a subtitle after " | "; at most {MAX_COVER_TEXT_CHARS} characters); "" goes back to the title',
    )

    p = command(verbs, "undo", run_undo, "undo the last edit of a draft", ids=draft_id_arg)

    p = command(verbs, "history", run_history, "the edits of a draft", ids=draft_id_arg)

    p = command(verbs, "check", run_check, "preflight against the platform's limits", ids=draft_id_arg)

    p = command(
        verbs,
        "render",
        run_render,
        "render drafts' media and covers for their platform",
        description="Render the media of one or more drafts. A video or JPEG that already fits the platform "
        "is kept as it is (its metadata removed, not re-encoded); anything else is encoded. With several IDs "
        "or --all, drafts whose render is up to date are skipped, so an interrupted batch continues where "
        "it stopped; videos run one or two at a time, photos on all cores.",
        ids=draft_id_arg,
        nargs="*",
    )
    p.add_argument("--all", action="store_true", help="every draft not yet posted")
    p.add_argument("--reencode", action="store_true", help="encode every file even when the original already fits")
    p.add_argument("--cover-at", type=float, metavar="S", help="video cover frame at S seconds (default: sharpest)")

    p = command(verbs, "export", run_export, "write ready-to-upload bundles", ids=draft_id_arg, nargs="+")
    p.add_argument("--to", required=True, metavar="DIR")
    p.add_argument("--zip", action="store_true", help="one .zip per draft")
    p.add_argument("--force", action="store_true", help="export even with errors or when already posted")

    p = command(verbs, "mark-posted", run_mark_posted, "record that you published the draft", ids=draft_id_arg)
    p.add_argument("--url", metavar="URL")
    p.add_argument("--force", action="store_true", help="record it again")


def _problem_lines(c: CheckedDraft) -> list[str]:
    d = c.draft
    return [
        f"  {p.level}: [{p.field}] "
        + problem_hint(p, draft=d.id, post=d.post_id, lang=d.target_lang, platform=d.platform)
        for p in c.problems
    ]


def _human(c: CheckedDraft) -> str:
    d = c.draft
    lines = [
        f"Draft {d.id}  post {d.post_id}  {d.platform}  [{d.status}]  layout {d.layout}"
        + (f"  planned {d.planned_at}" if d.planned_at else "")
    ]
    lines += [f"Title: {d.title}", "", d.body, ""]
    if d.topics:
        lines.append("Topics: " + " ".join("#" + t for t in d.topics))
    for path in d.media_paths:
        lines.append(f"  media: {path}")
    from crosspost.drafts.render import render_notes

    lines += [f"  render: {note}" for note in render_notes(d.media)]
    return "\n".join(lines + _problem_lines(c))


def run_create(ctx: Context, args: argparse.Namespace) -> int:
    from crosspost.drafts.store import create_drafts

    drafts = create_drafts(ctx.store, args.ids, args.platform, args.layout, args.lang, reset=args.reset, fit=args.fit)
    ctx.emit([d.to_json() for d in drafts], "\n\n".join(_human(d) for d in drafts))
    return 0


def run_list(ctx: Context, args: argparse.Namespace) -> int:
    from crosspost.drafts.store import list_drafts
    from crosspost.posts import check_search

    check_search(args.search)
    drafts = list_drafts(ctx.store, args.platform, args.status, args.search)
    if ctx.json:
        ctx.emit([d.to_json() for d in drafts])
        return 0
    if not drafts:
        ctx.emit(None, "No drafts. Make one with `crosspost drafts create ID --platform rednote`.")
        return 0
    rows = [f"{'ID':>4}  {'post':>5}  {'platform':14}  {'status':8}  {'planned':16}  {'!':>2}  title"]
    for c in drafts:
        d = c.draft
        errors = sum(1 for p in c.problems if p.is_error)
        rows.append(
            f"{d.id:>4}  {d.post_id:>5}  {d.platform:14}  {d.status:8}  "
            f"{(d.planned_at or '-'):16}  {errors or '':>2}  {d.title}"
        )
    ctx.emit(None, "\n".join(rows))
    return 0


def _show(ctx: Context, d: CheckedDraft) -> int:
    ctx.emit(d.to_json(), _human(d))
    return 0


def run_show(ctx: Context, args: argparse.Namespace) -> int:
    from crosspost.drafts.store import checked

    return _show(ctx, checked(ctx.store, args.id))


def run_edit(ctx: Context, args: argparse.Namespace) -> int:
    from crosspost.drafts.store import EDITABLE, edit_draft

    # Each option of `drafts edit` is named after the draft field it changes, so the options declared
    # in ``register`` are the one list of fields (an option not given is None: the field stays).
    fields = {name: getattr(args, name) for name in EDITABLE if hasattr(args, name)}
    return _show(ctx, edit_draft(ctx.store, args.id, **fields))


def run_undo(ctx: Context, args: argparse.Namespace) -> int:
    from crosspost.drafts.store import undo_last_edit

    return _show(ctx, undo_last_edit(ctx.store, args.id))


def run_history(ctx: Context, args: argparse.Namespace) -> int:
    from crosspost.drafts.store import history

    edits = history(ctx.store, args.id)
    ctx.emit(edits, "\n".join(f"{e['at']}  {e['field']}: {e['old']!r} → {e['new']!r}" for e in edits) or "No edits.")
    return 0


def run_check(ctx: Context, args: argparse.Namespace) -> int:
    from crosspost.drafts.store import checked

    c = checked(ctx.store, args.id)
    ctx.emit(
        {"ok": c.ok, "problems": [p.to_json() for p in c.problems]},
        ("Ready to export." if c.ok else "Not ready:") + "".join("\n" + line for line in _problem_lines(c)),
    )
    return 0


def run_render(ctx: Context, args: argparse.Namespace) -> int:
    from crosspost.errors import UserError

    if not args.ids and not args.all:
        raise UserError("Say which drafts: give draft IDs, or --all for every draft not yet posted.")
    if args.ids and args.all:
        raise UserError("Give draft IDs or --all, not both.")
    if len(args.ids) == 1:
        from crosspost.drafts.render import render_draft

        with ProgressBar("Rendering") as bar:
            d = render_draft(
                ctx.store, ctx.location, args.ids[0], cover_at=args.cover_at, progress=bar, reencode=args.reencode
            )
        ctx.emit(d.to_json(), _human(d))
        return 0
    if args.cover_at is not None:
        raise UserError("--cover-at applies to one draft at a time; give a single draft ID with it.")
    return _run_batch_render(ctx, args)


def _run_batch_render(ctx: Context, args: argparse.Namespace) -> int:
    import sys

    from crosspost.drafts.batch_render import render_drafts

    bar = ProgressBar("Rendering")

    def show(progress: Progress) -> None:
        if bar.enabled:
            bar(progress)
        elif progress.done:  # scripts and logs: one line per finished draft
            print(f"[{(progress.fraction or 0) * 100:5.1f}%] {progress.message}", file=sys.stderr, flush=True)

    with bar:
        report = render_drafts(
            ctx.store, ctx.location, None if args.all else args.ids, reencode=args.reencode, progress=show
        )
    for draft_id, problem in report.failed:
        message(f"draft {draft_id}: {problem}")
    ctx.emit(report.to_json(), report.summary())
    return 1 if report.failed else 0


def run_export(ctx: Context, args: argparse.Namespace) -> int:
    from crosspost.drafts.export import export_drafts

    result = export_drafts(ctx.store, args.ids, args.to, as_zip=args.zip, force=args.force)
    ctx.emit(result, "\n".join(f"Exported {b}" for b in result["bundles"]))
    return 0


def run_mark_posted(ctx: Context, args: argparse.Namespace) -> int:
    from crosspost.drafts.store import mark_posted

    c = mark_posted(ctx.store, args.id, args.url, force=args.force)
    d = c.draft
    ctx.emit(
        c.to_json(), f"Draft {d.id} marked as posted on {d.platform}" + (f": {d.posted_url}" if d.posted_url else ".")
    )
    return 0
