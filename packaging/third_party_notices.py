#!/usr/bin/env python3
"""Write THIRD-PARTY-NOTICES.txt from the metadata of the packages bundled in the app.

The bundle includes FFmpeg and x264 (GPL) inside PyAV's wheel, which is why Crosspost itself is
GPL-3.0-or-later. Usage: third_party_notices.py [OUT]   (default: THIRD-PARTY-NOTICES.txt)"""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

# The checkout this script belongs to, ahead of any installed copy: the bundled packages are listed in
# crosspost/bundled.py (the About box shows the same list).
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crosspost.bundled import bundled_names  # noqa: E402

# Runtime distributions that end up in the bundle (with what they need: ``closure``).
ROOTS = bundled_names()
EXTRA_NOTES = {
    "av": "PyAV's wheels bundle FFmpeg (LGPL/GPL) built with libx264 (GPL-2.0-or-later), libvpx, "
    "libopus and other codec libraries; their licences apply to the bundled copies.",
    "pyside6-essentials": "Qt for Python and the Qt libraries are available under the LGPL-3.0.",
    "shiboken6": "Qt for Python runtime, LGPL-3.0.",
}


def requirements(name: str) -> list[str]:
    try:
        reqs = metadata.requires(name) or []
    except metadata.PackageNotFoundError:
        return []
    out = []
    for req in reqs:
        if "extra ==" in req:
            continue
        dep = req.split(";")[0].strip()
        for sep in "<>=!~[ (":
            dep = dep.split(sep)[0]
        out.append(dep)
    return out


def closure(roots: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    todo = list(roots)
    while todo:
        name = todo.pop()
        key = name.lower().replace("_", "-")
        if key in seen:
            continue
        try:
            metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[key] = None
        todo.extend(requirements(name))
    return sorted(seen)


def licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    if classifiers:
        return ", ".join(classifiers)
    text = (meta.get("License") or "").strip().splitlines()
    return text[0][:120] if text else "see the project"


# Bundled files that are not Python packages: (name, licence, home, note).
BUNDLED_FILES = [
    (
        "Noto Sans CJK SC Bold (subset, crosspost/resources/fonts/NotoSansSC-Bold-subset.otf)",
        "OFL-1.1",
        "https://github.com/googlefonts/noto-cjk",
        "Copyright 2014-2021 Adobe, with Reserved Font Name 'Source'. Subset by packaging/build-cjk-font for "
        "cover titles; the licence text ships beside it as crosspost/resources/fonts/OFL.txt.",
    ),
]


def render() -> str:
    lines = [
        "Crosspost — third-party notices",
        "",
        "Crosspost is free software under the GNU General Public License v3.0 or later (GPL-3.0-or-later, see LICENSE).",  # noqa: E501
        "The application bundles the following packages and the libraries inside them:",
        "",
    ]
    for name in closure(ROOTS):
        dist = metadata.distribution(name)
        meta = dist.metadata
        home = meta.get("Home-page") or next(
            (u.split(",", 1)[1].strip() for u in meta.get_all("Project-URL") or [] if "," in u), ""
        )
        lines.append(f"{meta['Name']} {dist.version}")
        lines.append(f"  License: {licence_of(dist)}")
        if home:
            lines.append(f"  Home: {home}")
        note = EXTRA_NOTES.get(name.lower())
        if note:
            lines.append(f"  Note: {note}")
        lines.append("")
    lines += ["Files bundled with the application:", ""]
    for name, licence, home, note in BUNDLED_FILES:
        lines += [name, f"  License: {licence}", f"  Home: {home}", f"  Note: {note}", ""]
    return "\n".join(lines)


# The window's fonts (crosspost/gui/fonts.py), and the licence text the OFL asks to travel with them.
FONTS = ROOT / "crosspost" / "resources" / "fonts"
BUNDLED_FILES += [
    (
        "Noto Sans CJK SC Regular (subset, crosspost/resources/fonts/NotoSansSC-Regular-subset.otf)",
        "OFL-1.1",
        "https://github.com/googlefonts/noto-cjk",
        "Copyright 2014-2021 Adobe, with Reserved Font Name 'Source'. Subset by packaging/build-ui-font for the "
        "window's Chinese text.",
    ),
    (
        "Noto Color Emoji (crosspost/resources/fonts/NotoColorEmoji.ttf)",
        "OFL-1.1",
        "https://github.com/googlefonts/noto-emoji",
        "Copyright 2022 Google Inc. Unchanged, from Debian's fonts-noto-color-emoji.",
    ),
]


def render_with_licences() -> str:
    """The notices, then the fonts' list and the full SIL Open Font License text."""
    return "\n".join(
        [
            render(),
            "=" * 72,
            "",
            (FONTS / "FONTS.txt").read_text(encoding="utf-8"),
            (FONTS / "OFL.txt").read_text(encoding="utf-8"),
        ]
    )


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("THIRD-PARTY-NOTICES.txt")
    out.write_text(render_with_licences(), encoding="utf-8")
    print(out)


if __name__ == "__main__":
    main()
