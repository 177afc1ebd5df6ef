"""``crosspost gui [PATH…]``: the window, with PATHs imported as if dropped on it."""

from __future__ import annotations


def register(sub) -> None:
    from crosspost.cli.common import json_flag_parent

    p = sub.add_parser(
        "gui", parents=[json_flag_parent()], help="open the window (PATHs are imported as if dropped on it)"
    )
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.set_defaults(handler=run_gui)


def run_gui(ctx, args) -> int:
    from crosspost.gui.app import run_app

    return run_app(data_dir=ctx.data_dir, paths=args.paths)
