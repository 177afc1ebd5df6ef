"""What the app carries at run time: the packages the installers bundle, with the licence each is used
under, and the fonts. One list for Help → About (``crosspost.gui.about``) and for
THIRD-PARTY-NOTICES.txt (``packaging/third_party_notices.py`` writes it from these packages and what
they need, with the full texts)."""

from __future__ import annotations

BUNDLED = (
    ("PySide6-Essentials", "LGPL-3.0"),
    ("sqlite-utils", "Apache-2.0"),
    ("Pillow", "MIT-CMU"),
    ("pillow-heif", "BSD-3-Clause"),
    ("av", "BSD-3-Clause; FFmpeg LGPL/GPL, x264 GPL-2.0-or-later"),
    ("argos-translate-lt", "MIT"),
    ("ctranslate2", "MIT"),
    ("sentencepiece", "Apache-2.0"),
    ("platformdirs", "MIT"),
    ("ijson", "BSD-3-Clause"),
    ("regex", "Apache-2.0"),
    ("segno", "BSD-3-Clause"),
    ("opencc", "Apache-2.0"),
    ("blingfire", "MIT"),
    ("lingua-language-detector", "Apache-2.0"),
    ("rjieba", "MIT"),
    ("httpx", "BSD-3-Clause"),
    ("atproto", "MIT"),
    ("keyring", "MIT"),
    ("sacrebleu", "Apache-2.0"),
)
FONTS = "Noto Sans SC, Noto Color Emoji (SIL Open Font License 1.1)"


def bundled_names() -> list[str]:
    """The bundled packages' distribution names, in the order above."""
    return [name for name, _ in BUNDLED]
