"""``crosspost platforms list``."""

from __future__ import annotations

import argparse

from crosspost.cli.common import Context, Subcommands, json_flag_parent


def register(sub: Subcommands) -> None:
    p = sub.add_parser("platforms", help="target platforms and their limits (with sources and dates)")
    verbs = p.add_subparsers(dest="platforms_command", metavar="ACTION", required=True)
    lst = verbs.add_parser("list", parents=[json_flag_parent()], help="every platform with its limits")
    lst.set_defaults(handler=run_list)


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
