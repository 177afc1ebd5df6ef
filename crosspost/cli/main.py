"""``crosspost`` — the command-line face of the core. With no command it opens the window.

Each feature's commands live in their own module under ``crosspost/cli/`` with a ``register(sub)``
function; this module only wires them together, handles global options, and turns ``UserError`` into
"message on stderr, exit 1".
"""

from __future__ import annotations

import argparse
import importlib
import sys

from crosspost import __version__
from crosspost.cli.common import Context, message
from crosspost.cli.remedies import cli_message
from crosspost.errors import Cancelled, UserError

# One module per feature; each adds its subcommands. Order is the order in --help.
COMMAND_MODULES = [
    "crosspost.cli.import_commands",
    "crosspost.cli.posts_commands",
    "crosspost.cli.media_commands",
    "crosspost.cli.translation_commands",
    "crosspost.cli.platform_commands",
    "crosspost.cli.drafts_commands",
    "crosspost.cli.publish_commands",  # adds drafts publish|alt|thread, and accounts
    "crosspost.cli.gui_commands",
]

DESCRIPTION = """\
Crosspost carries your TikTok posts to RedNote (Xiaohongshu) and other platforms:
import your TikTok data export, get the media, translate captions offline, reshape
photos and videos for each platform, and keep a queue of ready-to-publish drafts.

Run with no command to open the window."""

EPILOG = """\
examples:
  crosspost import ~/Downloads/TikTok_Data_1735689600.zip
  crosspost posts list --search travel
  crosspost posts show 12 --json

data: --data-dir DIR or CROSSPOST_DATA_DIR keeps everything under DIR."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crosspost",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"crosspost {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="keep the store, media, language packs and caches under DIR "
        "(default: the platform's user data folder; env CROSSPOST_DATA_DIR)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON on stdout")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open the window, run a sample import→render→draft round trip, exit 0/1",
    )
    parser.add_argument("--screenshot", metavar="FILE.png", help="with --self-test: save a screenshot of the window")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)  # ID arguments become ints here; "abc" is a NotFound
    except UserError as exc:
        message(f"crosspost: {cli_message(exc)}")
        return exc.exit_code
    if args.screenshot and not args.self_test:
        parser.error("--screenshot goes with --self-test")
    ctx = Context(data_dir=args.data_dir, json=bool(getattr(args, "json", False)))
    from crosspost.progress import set_wait_notice

    set_wait_notice(lambda text: message(f"crosspost: {text}"))
    try:
        if args.self_test:
            from crosspost.gui.selftest import run_self_test

            return run_self_test(screenshot=args.screenshot)
        if args.command is None:
            return _open_window(ctx, [])
        return int(args.handler(ctx, args) or 0)
    except UserError as exc:
        message(f"crosspost: {cli_message(exc)}")
        return exc.exit_code
    except (KeyboardInterrupt, Cancelled):
        message("crosspost: cancelled; everything finished before that is kept.")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a full disk, a damaged or read-only store: one sentence, not a traceback
        from crosspost.faults import explain

        text = explain(exc, ctx._location)
        if text is None:
            raise
        message(f"crosspost: {text}")
        return 1
    finally:
        ctx.close()


def _open_window(ctx: Context, paths: list[str]) -> int:
    from crosspost.gui.app import run_app

    return run_app(data_dir=ctx.data_dir, paths=paths)


if __name__ == "__main__":
    raise SystemExit(main())
