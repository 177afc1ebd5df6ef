"""``crosspost platforms list``."""

from __future__ import annotations

import argparse

from crosspost.cli.common import Context, Subcommands, command


def register(sub: Subcommands) -> None:
    p = sub.add_parser("platforms", help="target platforms and their limits (with sources and dates)")
    verbs = p.add_subparsers(dest="platforms_command", metavar="ACTION", required=True)
    command(verbs, "list", run_list, "every platform with its limits")


def run_list(ctx: Context, args: argparse.Namespace) -> int:
    from crosspost.platforms import all_profiles

    profiles = all_profiles()
    lines = []
    for p in profiles:
        lines.append(f"{p.name} — {p.display_name['en']} / {p.display_name['zh']}")
        for lim in p.limits:
            lines.append(f"    {lim.field}: {lim.value:g} {lim.unit}  (source: {lim.source}; checked {lim.checked})")
    ctx.emit([p.to_json() for p in profiles], "\n".join(lines))
    return 0
