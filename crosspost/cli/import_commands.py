"""``crosspost import PATH… [--media DIR]``."""

from __future__ import annotations

import argparse
import datetime as dt

from crosspost.cli.common import Context, ProgressBar, Subcommands, command, message


def register(sub: Subcommands) -> None:
    p = command(
        sub,
        "import",
        run_import,
        "import TikTok exports (zip, folder, .json or .txt)",
        description='Import the TikTok "Download your data" export: the zip as TikTok sent it, its '
        "unpacked folder, or the single user_data_tiktok.json / Posts.txt. Only your own posts and "
        "public profile are read; messages, watch history and the rest stay untouched. Importing "
        "the same export again changes nothing; a newer export updates the same posts.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="export zip, folder or file")
    p.add_argument(
        "--media",
        metavar="DIR",
        help="attach your own video/photo files from DIR (matched by the 19-digit TikTok video ID in their names)",
    )


def run_import(ctx: Context, args: argparse.Namespace) -> int:
    from crosspost.importing import import_paths

    with ProgressBar("Importing") as bar:
        result = import_paths(ctx.store, args.paths, media_dir=args.media, progress=bar)
    for warning in result.warnings:
        message(f"warning: {warning}")
    expiry_note = _expiry_note(ctx, result.posts)
    if ctx.json:
        ctx.emit(result.to_json())
    else:
        total = result.added + result.updated + result.unchanged
        lines = [
            f"Imported {total} post(s) ({', '.join(result.layouts)}): {result.added} new, "
            f"{result.updated} updated, {result.unchanged} unchanged."
        ]
        if args.media:
            lines.append(f"Attached {result.matched_media} of your own media file(s).")
        lines.append("See them with `crosspost posts list`.")
        ctx.emit(None, "\n".join(lines))
    if expiry_note:
        message(expiry_note)
    return 0


def _expiry_note(ctx: Context, post_ids: list[int]) -> str | None:
    """When the export's media links stop working: the one date the user must act before."""
    from crosspost.posts import expiry_summary

    summary = expiry_summary(ctx.store, post_ids)
    if not summary.earliest:
        return None
    expires = dt.datetime.strptime(summary.earliest, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)
    when = expires.strftime("%Y-%m-%d %H:%M UTC")
    if not summary.expired:
        return (
            f"note: {summary.links} media link(s) from this export stop working on {when}; run "
            "`crosspost media fetch --all` before then."
        )
    return (
        f"note: the media links in this export expired on {when}. Request a new export from "
        "TikTok, or attach your own files with `--media DIR` or `crosspost posts attach`."
    )
