"""``crosspost posts list|show|edit|attach|focus``."""

from __future__ import annotations

from crosspost.cli.common import Context, json_flag_parent, record_id
from crosspost.records import Media, Post
from crosspost.values import MediaKind


def register(sub) -> None:
    posts = sub.add_parser("posts", help="the imported posts: list, show, attach media")
    verbs = posts.add_subparsers(dest="posts_command", metavar="ACTION", required=True)

    p = verbs.add_parser("list", parents=[json_flag_parent()], help="the imported posts, newest first")
    p.add_argument("--search", metavar="TEXT", help="only posts whose caption or translation has TEXT")
    p.add_argument("--limit", type=int, metavar="N", help="at most N posts")
    p.set_defaults(handler=run_list)

    p = verbs.add_parser("show", parents=[json_flag_parent()], help="one post with its media and translations")
    p.add_argument("id", type=record_id, metavar="ID")
    p.set_defaults(handler=run_show)

    p = verbs.add_parser(
        "edit",
        parents=[json_flag_parent()],
        help="your own caption for a post (kept over re-imports), or --reset to TikTok's",
    )
    p.add_argument("id", type=record_id, metavar="ID")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--caption", metavar="TEXT", help="the caption to use instead of TikTok's")
    group.add_argument("--reset", action="store_true", help="take TikTok's (latest) caption back")
    group.add_argument(
        "--topics",
        metavar="LIST",
        help="comma-separated topics for the post's drafts (\"\" for none; --topics-auto for the caption's hashtags)",
    )
    group.add_argument("--topics-auto", action="store_true", help="topics from the caption's hashtags again")
    group.add_argument("--title", metavar="TEXT", help='the title of the post\'s drafts ("": from the caption)')
    group.add_argument(
        "--lang",
        metavar="CODE",
        help="the language the caption is written in, e.g. en (overrides detection; auto: detect again)",
    )
    p.set_defaults(handler=run_edit)

    p = verbs.add_parser("attach", parents=[json_flag_parent()], help="attach local photo/video files to a post")
    p.add_argument("id", type=record_id, metavar="ID")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(handler=run_attach)

    p = verbs.add_parser(
        "focus", parents=[json_flag_parent()], help="where the crop window sits for a photo or video (0..1), or --auto"
    )
    p.add_argument("media", type=record_id, metavar="MEDIA_ID", help="a media ID from `posts show ID --json`")
    p.add_argument("x", type=float, nargs="?", help="0 left … 1 right")
    p.add_argument("y", type=float, nargs="?", help="0 top … 1 bottom")
    p.add_argument("--auto", action="store_true", help="back to automatic (toward the busiest region)")
    p.set_defaults(handler=run_focus)


def _one_line(text: str, width: int) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _media_summary(media: tuple[Media, ...]) -> str:
    if not media:
        return "-"
    videos = sum(1 for m in media if m.kind is MediaKind.VIDEO)
    images = len(media) - videos
    local = sum(1 for m in media if m.path)
    parts = ([f"{videos} video"] if videos else []) + ([f"{images} photo"] if images else [])
    gone = sum(1 for m in media if m.gone)
    state = ", ".join(([f"{local} on disk"] if local else []) + ([f"{gone} gone"] if gone else []))
    return ", ".join(parts) + (f" ({state})" if state else "")


def run_list(ctx: Context, args) -> int:
    from crosspost.posts import check_search, list_posts

    check_search(args.search)
    posts = list_posts(ctx.store, search=args.search, limit=args.limit)
    if ctx.json:
        ctx.emit([p.to_json() for p in posts])
        return 0
    if not posts:
        ctx.emit(
            None,
            "No posts match."
            if args.search
            else "No posts yet. Import your TikTok export with `crosspost import PATH`.",
        )
        return 0
    lines = [f"{'ID':>5}  {'date':16}  {'likes':>7}  {'media':24}  {'tr':5}  caption"]
    for p in posts:
        langs = ",".join(t.lang for t in p.translations) or "-"
        flag = (" (deleted)" if p.deleted else "") + (" (edited)" if p.caption_edited else "")
        lines.append(
            f"{p.id:>5}  {p.created_at[:16].replace('T', ' '):16}  "
            f"{(p.likes if p.likes is not None else '-'):>7}  "
            f"{_media_summary(p.media):24}  {langs:5}  {_one_line(p.caption, 60)}{flag}"
        )
    ctx.emit(None, "\n".join(lines))
    return 0


def _show_text(post: Post) -> str:
    lines = [
        f"Post {post.id} — {post.created_at.replace('T', ' ').replace('Z', ' UTC')}"
        + ("  [deleted on TikTok]" if post.deleted else "")
    ]
    for label, value in (("Likes", post.likes), ("Sound", post.sound), ("Location", post.location)):
        if value is not None:
            lines.append(f"{label}: {value}")
    if post.privacy:
        lines.append("Settings: " + ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in post.privacy.items()))
    if post.title is not None:
        lines.append(f"Title: {post.title}")
    if post.written_in:
        lines.append(f"Written in: {post.written_in} (your choice; `--lang auto` detects it again)")
    if post.topics is not None:
        lines.append("Topics: " + (" ".join("#" + t for t in post.topics) or "(none)"))
    lines += ["", post.caption or "(no caption)", ""]
    if post.caption_edited:
        lines.append(f"(your own caption; `crosspost posts edit {post.id} --reset` takes TikTok's back)")
        if post.caption_changed_on_tiktok:
            lines += ["TikTok's caption changed since you edited it:", post.tiktok_caption, ""]
    for m in post.media:
        where = m.path or m.url or "?"
        expiry = f" (link expires {m.expires_at})" if m.expires_at and not m.path else ""
        if m.gone:
            expiry = f" (gone: the link answered HTTP {m.gone_status}; `crosspost media drop {post.id}` drops it)"
        lines.append(f"  {m.position + 1}. {m.kind}: {where}{expiry}")
    for t in post.translations:
        lines += ["", f"[{t.lang}{', edited' if t.edited else ''}]", t.text]
    return "\n".join(lines)


def run_show(ctx: Context, args) -> int:
    from crosspost.posts import get_post

    post = get_post(ctx.store, args.id)
    ctx.emit(post.to_json(), _show_text(post))
    return 0


def run_edit(ctx: Context, args) -> int:
    from crosspost import posts

    if args.reset:
        post = posts.reset_caption(ctx.store, args.id)
    elif args.caption is not None:
        post = posts.edit_caption(ctx.store, args.id, args.caption)
    elif args.topics_auto:
        post = posts.set_post_topics(ctx.store, args.id, None)
    elif args.topics is not None:
        post = posts.set_post_topics(ctx.store, args.id, [t for t in args.topics.split(",") if t.strip()])
    elif args.lang is not None:
        post = posts.set_written_in(ctx.store, args.id, args.lang)
    else:
        post = posts.set_post_title(ctx.store, args.id, args.title)
    ctx.emit(post.to_json(), _show_text(post))
    return 0


def run_attach(ctx: Context, args) -> int:
    from crosspost.posts import attach_files

    attached = attach_files(ctx.store, args.id, args.files)
    if ctx.json:
        ctx.emit(attached)
    else:
        ctx.emit(
            None,
            "\n".join(
                f"{'Already attached' if a.get('already') else 'Attached'} {a['kind']} {a['path']} to post {a['post']}."
                for a in attached
            ),
        )
    return 0


def run_focus(ctx: Context, args) -> int:
    from crosspost.errors import UserError
    from crosspost.posts import set_media_focus

    if not args.auto and (args.x is None or args.y is None):
        raise UserError("Give the crop position as X Y (0..1 each), or --auto.")
    result = set_media_focus(ctx.store, args.media, None if args.auto else args.x, None if args.auto else args.y)
    ctx.emit(
        result,
        "Crop position: automatic."
        if args.auto
        else f"Crop position of media {result['media']}: {result['focus_x']:.2f}, {result['focus_y']:.2f}.",
    )
    return 0
