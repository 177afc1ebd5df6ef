"""``crosspost render`` (one-off conversion) and ``crosspost media fetch``."""

from __future__ import annotations

from crosspost.cli.common import Context, ProgressBar, json_flag_parent, message, record_id
from crosspost.media.targets import FIT_MODES


def register(sub) -> None:
    p = sub.add_parser(
        "render",
        parents=[json_flag_parent()],
        help="convert photos/videos for a platform (size, fit, format)",
        description="Render photos and videos the way a platform wants them: photos as JPEG at the "
        "platform's size under its file-size cap (no location data), videos as H.264/AAC MP4 "
        "(preset medium, CRF 21, AAC 128 kb/s, +faststart). OUT is a file for one input, a folder "
        "for several (photos are spread over all cores). A JPEG or video that already fits the platform is kept as "
        "it is, its metadata (location, camera) removed, unless --reencode.",
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--platform", required=True, metavar="NAME", help="e.g. rednote, instagram, bluesky")
    p.add_argument("--fit", choices=FIT_MODES, help="crop, pad or blur (default: the platform's)")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="output file (one input) or folder")
    p.add_argument("--start", type=float, metavar="S", help="videos: start at S seconds")
    p.add_argument("--end", type=float, metavar="S", help="videos: end at S seconds")
    p.add_argument(
        "--reencode",
        action="store_true",
        help="encode every file even when it already fits the platform (default: keep it, without its metadata)",
    )
    p.set_defaults(handler=run_render)

    media = sub.add_parser("media", help="the media behind your posts: fetch from the export's links")
    verbs = media.add_subparsers(dest="media_command", metavar="ACTION", required=True)
    f = verbs.add_parser(
        "fetch", parents=[json_flag_parent()], help="download the media behind the export's links (before they expire)"
    )
    f.add_argument("ids", nargs="*", type=record_id, metavar="ID", help="post IDs (default with --all: every post)")
    f.add_argument("--all", action="store_true", help="every post whose media is not on disk yet")
    f.set_defaults(handler=run_fetch)
    d = verbs.add_parser(
        "drop",
        parents=[json_flag_parent()],
        help="take lost items (link gone or expired, no file) out of a post",
        description="Take items that are lost (not on this computer, and their link answered that the file "
        "is gone, or expired) out of a post, so it and its drafts stop waiting for them. Importing the "
        "export again does not bring them back. An item with its file on this computer is never dropped.",
    )
    d.add_argument("id", type=record_id, metavar="ID", help="the post")
    d.add_argument(
        "media", nargs="*", type=record_id, metavar="MEDIA_ID", help="media IDs (default: every lost item of the post)"
    )
    d.set_defaults(handler=run_drop)


def run_render(ctx: Context, args) -> int:
    from crosspost.media.render import render_for_platform
    from crosspost.platforms import get_profile

    profile = get_profile(args.platform)
    with ProgressBar("Rendering") as bar:
        report = render_for_platform(
            args.files,
            profile,
            args.output,
            fit=args.fit,
            start=args.start,
            end=args.end,
            progress=bar,
            reencode=args.reencode,
        )
    for warning in report.warnings:
        message(f"warning: {warning}")
    ctx.emit(
        report.to_json(),
        "\n".join(
            f"{r.path}  {r.width}×{r.height}  {r.size / 1e6:.2f} MB"
            + ("  (kept the original, metadata removed)" if r.method == "copy" else "")
            for r in report.results
        ),
    )
    return 0


def run_fetch(ctx: Context, args) -> int:
    from crosspost.errors import UserError
    from crosspost.media.fetch import fetch_media

    if not args.ids and not args.all:
        raise UserError("Say which posts: give post IDs, or --all for every post.")
    with ProgressBar("Downloading") as bar:
        report = fetch_media(ctx.store, ctx.location, list(args.ids) if args.ids else None, progress=bar)
    for problem in report.problems:
        message(f"warning: {problem}")
    if report.failed:
        message(
            "To use files you already have: `crosspost posts attach ID FILE`, or "
            "`crosspost import EXPORT --media DIR` for a whole folder."
        )
    if report.gone:
        message("Lost items can be taken out of their post with `crosspost media drop ID`.")
    ctx.emit(report.to_json(), report.summary())
    return 1 if (report.failed or report.gone) and not report.fetched else 0


def run_drop(ctx: Context, args) -> int:
    from crosspost import posts

    if args.media:
        post = posts.drop_media(ctx.store, args.id, args.media)
        dropped = list(args.media)
    else:
        post, dropped = posts.drop_lost_media(ctx.store, args.id)
    ctx.emit(
        {"post": post.id, "dropped": dropped, "media": [m.to_json() for m in post.media]},
        (
            f"Dropped {len(dropped)} lost item{'s' if len(dropped) != 1 else ''} from post {post.id}; "
            f"{len(post.media)} left."
        )
        if dropped
        else f"Post {post.id} has no lost items; nothing was dropped.",
    )
    return 0
