"""The translation pipeline without the store's posts: which packs translate a pair (a route,
pivoting through English), the plan of a caption (protected tokens, glossary terms, sentences), the
memory lookup, one batched engine call per caption set, and putting each caption back together.
``service`` stores what it gives with the posts; ``checking`` reuses it sentence by sentence."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import regex

from crosspost.errors import NoLanguagePack, UserError
from crosspost.paths import DataLocation
from crosspost.store import Store, utc_now
from crosspost.translation import engine, glossary, packs
from crosspost.translation.protect import EMAIL, HASHTAG, MENTION, URL, has_words, scrub, segment
from crosspost.translation.sentences import split_sentences, split_sentences_blingfire
from crosspost.translation.simplified import SIMPLIFIED, for_target

Splitter = Callable[[str], list[tuple[str, str]]]

CHUNK = 64  # captions per batched engine call: big enough to batch well, small enough to cancel quickly
PIVOT = "en"
NO_SPACE_LANGS = {"zh", "zt", "ja"}
KNOWN_CODES = set(
    "af ar az be bg bn bs ca cs cy da de el en eo es et eu fa fi fr ga gl gu he hi hr hu hy id it ja ka "
    "kk km kn ko ky lt lv mk ml mn mr ms mt nb ne nl no pa pl ps pt ro ru sk sl sq sr sv sw ta te th tl "
    "tr uk ur uz vi zh zt".split()
)


def check_code(code: str, *, allow_auto: bool = False) -> str:
    code = (code or "").strip().lower().replace("_", "-")
    code = {"zh-cn": "zh", "zh-hans": "zh", "zh-tw": "zt", "zh-hant": "zt"}.get(code, code)
    if allow_auto and code == "auto":
        return code
    if code not in KNOWN_CODES:
        raise UserError(
            f"{code!r} is not a language code Crosspost knows (use ISO codes such as en, zh, ja"
            + (", or auto" if allow_auto else "")
            + ")."
        )
    return code


@dataclass
class Route:
    """How SOURCE reaches TARGET: one pack, or two through English."""

    source: str
    target: str
    models: list[Any]

    @property
    def pivot(self) -> str | None:
        return PIVOT if len(self.models) > 1 else None

    @property
    def pack_version(self) -> str:
        # An Argos pack keeps the form it always had (its memory stays valid); another kind says its kind.
        return "+".join(
            f"{m.from_code}-{m.to_code}@{m.version}"
            if getattr(m, "kind", engine.ARGOS) == engine.ARGOS
            else f"{m.kind}:{m.from_code}-{m.to_code}@{m.version}"
            for m in self.models
        )

    @property
    def split(self) -> Splitter:
        """How the first model's input is cut into sentences: as quickmt cuts for its models (blingfire)."""
        kind = getattr(self.models[0], "kind", engine.ARGOS) if self.models else engine.ARGOS
        return split_sentences_blingfire if kind == engine.QUICKMT else split_sentences

    @property
    def pack_name(self) -> str:
        return "+".join(m.path.name for m in self.models)


def find_route(location: DataLocation, source: str, target: str) -> Route:
    direct = packs.find_pack(location, source, target)
    if direct:
        assert direct.path is not None  # an installed pack has its folder
        return Route(source, target, [engine.load_model(direct.path)])
    if PIVOT not in (source, target):
        first, second = packs.find_pack(location, source, PIVOT), packs.find_pack(location, PIVOT, target)
        if first and second:
            assert first.path is not None and second.path is not None  # installed packs have their folders
            return Route(source, target, [engine.load_model(first.path), engine.load_model(second.path)])
    raise NoLanguagePack(source, target)


def memory_key(sentence: str, route: Route, glossary_version: int) -> str:
    # Into Simplified Chinese the engine's words pass through OpenCC (``simplified``): what was
    # remembered before that has no place under the same key.
    version = route.pack_version + ("\x1ft2s" if route.target == SIMPLIFIED else "")
    raw = "\x1f".join([route.source, route.target, version, str(glossary_version), sentence])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


Piece = tuple[Literal["keep"], str] | tuple[Literal["sentence"], int, str]


@dataclass
class CaptionPlan:
    """A caption cut into kept pieces and sentences to translate (indexes into the shared batch)."""

    pieces: list[Piece] = field(default_factory=list)  # ("keep", text) | ("sentence", idx, ws)


def machine_text(route: Route, text: str) -> str:
    """An engine's output as it may stand in a ROUTE translation: scrubbed, and Simplified into zh."""
    return for_target(scrub(text), route.target)


def _plan(
    caption: str, terms: dict[str, str], sentences: list[str], target: str, split: Splitter = split_sentences
) -> CaptionPlan:
    plan = CaptionPlan()
    for seg in segment(caption, terms):
        if not seg.translate or not has_words(seg.text):
            plan.pieces.append(("keep", seg.text))
            continue
        stripped = seg.text.strip()
        lead = seg.text[: len(seg.text) - len(seg.text.lstrip())]
        trail = seg.text[len(seg.text.rstrip()) :]
        plan.pieces.append(("keep", lead))
        for sentence, ws in split(stripped):
            if has_words(sentence):
                sentences.append(sentence)
                plan.pieces.append(("sentence", len(sentences) - 1, "" if target in NO_SPACE_LANGS else ws))
            else:
                plan.pieces.append(("keep", sentence + ws))
        plan.pieces.append(("keep", trail))
    return plan


_GLUES_AFTER = regex.compile(rf"(?:{URL}|{EMAIL}|{HASHTAG}|{MENTION})$")
_WORDISH = regex.compile(r"[\p{L}\p{N}_\p{M}.]")
_STARTS_MENTION_OR_EMAIL = regex.compile(rf"(?:{MENTION}|{EMAIL})")


# How far back from the end of the text assembled so far a token is looked for (``_GLUES_AFTER``):
# longer than any URL, e-mail, hashtag or mention in a caption, and it keeps the pass linear.
_GLUE_WINDOW = 2048


def assemble(pieces: Sequence[Piece], translated: Sequence[str]) -> tuple[str, list[int]]:
    """Put a caption back together from its plan's PIECES: the text, and where each piece ends in it
    (so the checker can cut the same text at sentence boundaries). A translation never touches a
    protected token so closely that the two would read as one (``#tag`` + ``译文`` → ``#tag译文``):
    a space goes between them."""
    out, ends = "", []
    for piece in pieces:
        if piece[0] == "keep":
            text = piece[1]
            if text and out and _WORDISH.match(out[-1]) and _STARTS_MENTION_OR_EMAIL.match(text):
                text = " " + text
        else:
            text = translated[piece[1]] + piece[2]
            if text and out and not text[0].isspace() and _GLUES_AFTER.search(out[-_GLUE_WINDOW:]):
                text = " " + text
        out += text
        ends.append(len(out))
    return out, ends


def _assemble(plan: CaptionPlan, translated: Sequence[str]) -> str:
    return assemble(plan.pieces, translated)[0]


@dataclass
class BatchStats:
    sentences: int = 0
    from_memory: int = 0
    captions_from_memory: int = 0


def _lookup(store: Store, keys: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    unique = list(dict.fromkeys(keys))
    for start in range(0, len(unique), 900):
        batch = unique[start : start + 900]
        found.update(
            store.db.execute(
                f"SELECT key, text FROM translation_memory WHERE key IN ({','.join('?' * len(batch))})", batch
            ).fetchall()
        )
    return found


def translate_captions(
    store: Store, route: Route, captions: Sequence[str], stats: BatchStats | None = None
) -> list[str]:
    """CAPTIONS translated along ROUTE: memory first (whole captions, then sentences), then one
    batched engine call per model for the sentences never seen."""
    terms = glossary.terms_for(store, route.source, route.target)
    version = glossary.glossary_version(store)
    caption_keys = [memory_key("\x1ecaption\x1e" + c, route, version) for c in captions]
    known_captions = _lookup(store, caption_keys)
    todo = [i for i, k in enumerate(caption_keys) if k not in known_captions]
    sentences: list[str] = []
    plans = {i: _plan(captions[i], terms, sentences, route.target, route.split) for i in todo}
    keys = [memory_key(s, route, version) for s in sentences]
    remembered = _lookup(store, keys)
    missing = list(dict.fromkeys(s for s, k in zip(sentences, keys) if k not in remembered))
    rows = []
    now = utc_now()
    if missing:
        texts = missing
        for model in route.models:
            texts = model.translate(texts)
        fresh = dict(zip(missing, (machine_text(route, t) for t in texts)))
        for sentence, key in zip(sentences, keys):
            if key not in remembered:
                remembered[key] = fresh[sentence]
                rows.append(
                    (key, route.source, route.target, sentence, fresh[sentence], route.pack_version, version, now)
                )
    translated = [remembered[k] for k in keys]
    results = []
    for i, caption in enumerate(captions):
        if i in plans:
            text = _assemble(plans[i], translated)
            rows.append((caption_keys[i], route.source, route.target, caption, text, route.pack_version, version, now))
        else:
            text = known_captions[caption_keys[i]]
        results.append(text)
    if rows:
        with store.transaction():
            store.db.conn.executemany(
                "INSERT OR IGNORE INTO translation_memory (key, source_lang, target_lang, source_text, text, "
                "pack_version, glossary_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
    if stats is not None:
        stats.captions_from_memory += len(captions) - len(todo)
        stats.sentences += len(sentences)
        stats.from_memory += len(sentences) - len(missing)
    return results


def translate_plain(route: Route, captions: Sequence[str]) -> list[str]:
    """CAPTIONS along ROUTE with no store: no glossary, no memory (the quality benchmark's path),
    otherwise as ``translate_captions`` does it: tokens kept, the route's sentences, Simplified into zh."""
    sentences: list[str] = []
    plans = [_plan(c, {}, sentences, route.target, route.split) for c in captions]
    unique = list(dict.fromkeys(sentences))
    texts = unique
    for model in route.models:
        texts = model.translate(texts)
    done = dict(zip(unique, (machine_text(route, t) for t in texts)))
    return [_assemble(p, [done[s] for s in sentences]) for p in plans]
