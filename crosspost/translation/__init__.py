"""Offline caption translation: language packs (Argos Translate), protected tokens, glossary,
translation memory, bilingual layouts. Heavy engines (CTranslate2, SentencePiece, argostranslate)
are imported only when a translation or a pack operation actually runs."""
