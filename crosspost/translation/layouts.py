"""How a caption and its translation are laid out in a draft.

- ``original``: the user's words only;
- ``translated``: the translation only;
- ``bilingual``: both, the user's own words first (or the translation first), with a separator line
  that says plainly what follows — RedNote readers take well to an honest translation next to the
  original and dislike machine translation passed off as native text.
"""

from __future__ import annotations

from crosspost.errors import UserError
from crosspost.values import Layout

# The separator names the language of what follows, in that language.
TRANSLATION_LABEL = {
    "zh": "中文翻译",
    "zt": "中文翻譯",
    "ja": "日本語訳",
    "ko": "한국어 번역",
    "en": "English translation",
    "es": "Traducción al español",
    "fr": "Traduction française",
    "de": "Deutsche Übersetzung",
}
ORIGINAL_LABEL = {
    "zh": "原文",
    "en": "Original",
    "ja": "原文",
    "ko": "원문",
    "es": "Original",
    "fr": "Original",
    "de": "Original",
}


def separator(label: str) -> str:
    return f"—— {label} ——"


def compose_caption(
    original: str,
    translation: str | None,
    layout: Layout,
    *,
    translation_first: bool = False,
    target_lang: str = "zh",
    source_lang: str = "en",
) -> str:
    layout = Layout.parse(layout, "layout")
    original = (original or "").strip()
    if layout is Layout.ORIGINAL:
        return original
    if translation is None:
        raise UserError(f"The {layout} layout needs a {target_lang} translation.")
    translation = translation.strip()
    if layout is Layout.TRANSLATED:
        return translation
    if translation_first:
        label = ORIGINAL_LABEL.get(target_lang, ORIGINAL_LABEL.get(source_lang, "Original"))
        return f"{translation}\n\n{separator(label)}\n\n{original}"
    label = TRANSLATION_LABEL.get(target_lang, f"{target_lang} translation")
    return f"{original}\n\n{separator(label)}\n\n{translation}"
