"""``crosspost gui [PATH…]``: the window, with PATHs imported as if dropped on it."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when used: the window's start-up reads this module
    from crosspost.cli.common import Context, Subcommands


def register(sub: Subcommands) -> None:
    from crosspost.cli.common import command

    p = command(sub, "gui", run_gui, "open the window (PATHs are imported as if dropped on it)")
    p.add_argument("paths", nargs="*", metavar="PATH")


def run_gui(ctx: Context, args: argparse.Namespace) -> int:
    from crosspost.gui.app import run_app

    return run_app(data_dir=ctx.data_dir, paths=args.paths)
