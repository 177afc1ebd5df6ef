"""Knowing what a translation says: sentence pairs, back-translation, doubtful sentences, other wordings.

A caption is cut exactly as the translator cuts it (``service._plan``: protected tokens, glossary
terms, sentences), then the pieces are grouped into *sentences as a person sees them*: a sentence
with the tokens around it on its line (``Morning run 🏃‍♀️ #running``), a line of hashtags on its own.
Each has its translation exactly as it appears in the stored caption (the pieces are assembled by
the translator's own ``_assemble``), so joining them gives the whole translation back.

- **Back-translation**: each translated sentence goes through the reverse pack (zh→en), with the
  user's glossary turned around so their own terms come back as they wrote them. It is shown, never
  stored with a translation, a draft or an export.
- **Doubtful**: chrF (sacrebleu) between the source and the back-translation, tokens removed, under
  ``CHRF_THRESHOLD``; or the engine's mean log-probability of its own wording under
  ``SCORE_THRESHOLD`` (CTranslate2 ``score_batch``, one cheap forced-decoding pass).
- **Other wordings**: CTranslate2's n-best (``num_hypotheses``), each with its back-translation.
- **The user's sentences**: an edit of one sentence (typed, or an alternative picked) is kept in
  ``translation_sentences`` and laid over the machine's sentences every time the post is translated
  again, so the rest stays re-translatable.

Everything the engine computes goes into the translation memory under keys that name what it is
(a sentence, its score, its n-best for a given count), so a second look costs no engine call.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import regex

from crosspost.errors import UserError
from crosspost.paths import DataLocation
from crosspost.store import Store, utc_now
from crosspost.translation import engine, glossary, packs
from crosspost.translation.pipeline import (
    _GLUES_AFTER,
    _STARTS_MENTION_OR_EMAIL,
    _WORDISH,
    NO_SPACE_LANGS,
    PIVOT,
    Route,
    Splitter,
    _assemble,
    _lookup,
    check_code,
    find_route,
    machine_text,
    memory_key,
)
from crosspost.translation.protect import TOKEN_RE, Segment, _glossary_regex, has_words, segment
from crosspost.translation.sentences import split_sentences

# Tuned on the example pairs in tests/test_translation_checking.py (chrF, lower-cased): faithful
# back-translations, paraphrases and reordering included, score 58 and up; mistranslations (a word
# taken literally, a clause lost, the meaning turned) 44 and below.
CHRF_THRESHOLD = 50.0
# Mean log-probability per token of the engine's own wording; real Argos packs give -0.1 … -1.0 to
# sentences they know how to say.
SCORE_THRESHOLD = -1.5
ALTERNATIVES = 4

SCORE_TAG = "\x1escore\x1e"
# How far back from the end of the text assembled so far a token is looked for (``_GLUES_AFTER``):
# longer than any URL, e-mail, hashtag or mention in a caption, and it keeps the pass linear.
_GLUE_WINDOW = 2048
_TERMINAL = regex.compile(r"[.!?…。！？][\"'”’)\]」』）]*$")
_PUNCTUATION_END = regex.compile(r"[\p{P}\s]*[.!?…。！？][\"'”’)\]」』）]*\s*$")
_BREAK = regex.compile(r"\r\n|\n|\r")
_SPACES = regex.compile(r"\s+")


class ReversePackMissing(UserError):
    """Back-translation needs the reverse pack (zh→en for an en→zh translation)."""

    def __init__(self, source: str, target: str):
        self.source, self.target = source, target
        super().__init__(
            f"Showing what the translation says needs the {source}→{target} language pack "
            f"(the reverse of the {target}→{source} one); it is not installed."
        )


class MissingFromMemory(Exception):
    """Raised inside a memory-only look (preflight): something was never computed."""


# --- cutting a caption into sentence pairs -------------------------------------------------------


@dataclass
class _Atom:
    source: str  # the caption text this piece stands for
    piece: tuple  # the translator's plan piece: ("keep", text) | ("sentence", index, ws)
    kind: str  # "sentence", "term" (glossary), "break" (line break), "keep" (token, space)


def _source_segments(text: str, terms: dict[str, str]) -> list[tuple[str, Segment, bool]]:
    """(source text, segment, is a glossary term): the segments are those of ``segment(text, terms)``."""
    lookup = {k.lower(): v for k, v in terms.items()}
    glossary_re = _glossary_regex(terms)
    out: list[tuple[str, Segment, bool]] = []
    for seg in segment(text):
        if not seg.translate or glossary_re is None:
            out.append((seg.text, seg, False))
            continue
        last = 0
        for m in glossary_re.finditer(seg.text):
            if m.start() > last:
                out.append((seg.text[last : m.start()], Segment(seg.text[last : m.start()], True), False))
            out.append((m.group(0), Segment(lookup[m.group(0).lower()], False), True))
            last = m.end()
        if last < len(seg.text):
            out.append((seg.text[last:], Segment(seg.text[last:], True), False))
    return out


def plan_atoms(
    caption: str, terms: dict[str, str], sentences: list[str], target: str, split: Splitter = split_sentences
) -> list[_Atom]:
    """The translator's plan of CAPTION (``service._plan``, piece for piece) with each piece's source."""
    atoms: list[_Atom] = []
    for src, seg, is_term in _source_segments(caption, terms):
        if not seg.translate or not has_words(seg.text):
            kind = "term" if is_term else ("break" if _BREAK.fullmatch(seg.text) else "keep")
            atoms.append(_Atom(src, ("keep", seg.text), kind))
            continue
        stripped = seg.text.strip()
        lead = seg.text[: len(seg.text) - len(seg.text.lstrip())]
        trail = seg.text[len(seg.text.rstrip()) :]
        atoms.append(_Atom(lead, ("keep", lead), "keep"))
        for sentence, ws in split(stripped):
            if has_words(sentence):
                sentences.append(sentence)
                atoms.append(
                    _Atom(
                        sentence + ws,
                        ("sentence", len(sentences) - 1, "" if target in NO_SPACE_LANGS else ws),
                        "sentence",
                    )
                )
            else:
                atoms.append(_Atom(sentence + ws, ("keep", sentence + ws), "keep"))
        atoms.append(_Atom(trail, ("keep", trail), "keep"))
    return atoms


def group_atoms(atoms: list[_Atom]) -> list[tuple[int, int]]:
    """Atom ranges, one per sentence as a person sees it. A sentence ends after its final
    punctuation (the tokens after it on the same line stay with it) or at a line break; what
    starts a line after a break (an emoji, a hashtag) belongs to the line's sentence."""
    bounds: list[tuple[int, int]] = []
    start = 0
    ended = broke = False
    for i, atom in enumerate(atoms):
        content = atom.kind in ("sentence", "term")
        visible = atom.kind != "break" and bool(atom.source.strip())
        if i > start and ((content and (ended or broke)) or (visible and broke)):
            bounds.append((start, i))
            start, ended, broke = i, False, False
        if atom.kind == "break":
            broke = True
        elif atom.kind == "sentence":
            ended = bool(_TERMINAL.search(atom.source.rstrip()))
        elif atom.kind == "term":
            ended = False
        elif _PUNCTUATION_END.match(atom.source):  # "link: https://… . Next": the stop after a token
            ended = True
    if start < len(atoms):
        bounds.append((start, len(atoms)))
    return bounds


def unit_texts(atoms: list[_Atom], bounds: list[tuple[int, int]], translated: Sequence[str]) -> list[str]:
    """Each unit's share of the assembled translation (``''.join`` gives the whole caption's).
    One pass of ``service._assemble``'s own loop (same rules, same regexes), cut at the unit ends."""
    out, cuts = "", []
    ends = {end for _, end in bounds}
    for i, atom in enumerate(atoms):
        piece = atom.piece
        if piece[0] == "keep":
            text = piece[1]
            if text and out and _WORDISH.match(out[-1]) and _STARTS_MENTION_OR_EMAIL.match(text):
                text = " " + text
        else:
            text = translated[piece[1]] + piece[2]
            if text and out and not text[0].isspace() and _GLUES_AFTER.search(out[-_GLUE_WINDOW:]):
                text = " " + text
        out += text
        if i + 1 in ends:
            cuts.append(len(out))
    if not atoms:
        cuts = [0] * len(bounds)
    return [out[a:b] for a, b in zip([0, *cuts], cuts)]


# --- memory --------------------------------------------------------------------------------------


def _memo(
    store: Store,
    route: Route,
    version: int,
    tag: str,
    items: Sequence[str],
    compute: Callable[[list[str]], list[str]] | None,
) -> list[str]:
    """ITEMS looked up in the translation memory under TAG; the misses computed in one call and
    remembered. COMPUTE None: memory only (``MissingFromMemory`` on a miss)."""
    keys = [memory_key(tag + s, route, version) for s in items]
    found = _lookup(store, keys)
    missing = list(dict.fromkeys(s for s, k in zip(items, keys) if k not in found))
    if missing:
        if compute is None:
            raise MissingFromMemory
        fresh = dict(zip(missing, compute(missing)))
        rows, now = [], utc_now()
        for item, key in zip(items, keys):
            if key not in found:
                found[key] = fresh[item]
                rows.append((key, route.source, route.target, item, fresh[item], route.pack_version, version, now))
        with store.transaction():
            store.db.conn.executemany(
                "INSERT OR IGNORE INTO translation_memory (key, source_lang, target_lang, source_text, text, "
                "pack_version, glossary_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
    return [found[k] for k in keys]


def _through(route: Route, sentences: list[str], models: Sequence[engine.Model] | None = None) -> list[str]:
    texts = sentences
    for model in route.models if models is None else models:
        texts = model.translate(texts)
    return texts


def _translate_fn(route: Route) -> Callable[[list[str]], list[str]]:
    return lambda ss: [machine_text(route, t) for t in _through(route, ss)]


def _score_fn(route: Route, translations: dict[str, str]) -> Callable[[list[str]], list[str]]:
    """Mean log-probability per token the (single) model gives its wording of each sentence."""

    def compute(ss: list[str]) -> list[str]:
        model = route.models[0]
        src = model.encode_source(ss)
        tgt = model.encode_target([translations[s] for s in ss])
        results = model.translator.score_batch(src, tgt, max_batch_size=32)
        return [f"{sum(r.log_probs) / max(1, len(r.log_probs)):.4f}" for r in results]

    return compute


def _nbest_fn(route: Route, count: int) -> Callable[[list[str]], list[str]]:
    def compute(ss: list[str]) -> list[str]:
        *first, last = route.models
        inputs = _through(route, ss, first)
        tokens = last.encode_source(inputs)
        out = [""] * len(tokens)
        for limit, indexes in engine.by_decoding_limit(tokens).items():
            results = last.translator.translate_batch(
                [tokens[i] for i in indexes],
                beam_size=max(engine.BEAM_SIZE, count),
                num_hypotheses=count,
                max_decoding_length=limit,
                max_batch_size=32,
                batch_type="examples",
                **last.decoding_options(),
            )
            for i, r in zip(indexes, results, strict=True):
                out[i] = json.dumps(
                    [machine_text(route, last.decode(h)).strip() for h in r.hypotheses], ensure_ascii=False
                )
        return out

    return compute


# --- similarity ----------------------------------------------------------------------------------

_chrf = None


def _prose(text: str) -> str:
    return _SPACES.sub(" ", TOKEN_RE.sub(" ", text)).strip()


def similarity(source: str, back: str) -> float:
    """chrF (0–100, case-insensitive) of a back-translation against its source, tokens left out."""
    global _chrf
    source, back = _prose(source), _prose(back)
    if not has_words(source):
        return 100.0
    if _chrf is None:
        from sacrebleu.metrics import CHRF

        _chrf = CHRF(lowercase=True)
    return _chrf.sentence_score(back, [source]).score


def is_doubtful(chrf: float | None, score: float | None) -> list[str]:
    """Why a sentence may be mistranslated (empty: it reads fine)."""
    reasons = []
    if chrf is not None and chrf < CHRF_THRESHOLD:
        reasons.append("back-translation far from the source")
    if score is not None and score < SCORE_THRESHOLD:
        reasons.append("low engine confidence")
    return reasons


# --- the check of one post -----------------------------------------------------------------------


@dataclass
class SentencePair:
    n: int  # 1-based position, as the CLI and the window number them
    raw_source: str  # exactly as in the caption (with its whitespace)
    raw_text: str  # exactly as in the translation
    machine: str  # the engine's wording (raw), whatever the user did
    edited: bool
    has_words: bool
    back: str = ""
    chrf: float | None = None
    score: float | None = None
    reasons: list[str] = field(default_factory=list)

    @property
    def source(self) -> str:
        return self.raw_source.strip()

    @property
    def text(self) -> str:
        return self.raw_text.strip()

    @property
    def doubtful(self) -> bool:
        return bool(self.reasons)

    def to_json(self) -> dict:
        return {
            "n": self.n,
            "source": self.source,
            "text": self.text,
            "back": self.back.strip(),
            "doubtful": self.doubtful,
            "edited": self.edited,
            "chrf": None if self.chrf is None else round(self.chrf, 1),
            "score": None if self.score is None else round(self.score, 3),
            "reasons": self.reasons,
        }


@dataclass
class PostCheck:
    post: int
    source: str
    target: str
    sentences: list[SentencePair]
    whole_edit: bool = False  # the stored translation is the user's own as a whole
    pivot: str | None = None
    pack: str = ""
    pack_version: str = ""

    @property
    def translation(self) -> str:
        return "".join(s.raw_text for s in self.sentences)

    @property
    def doubtful_count(self) -> int:
        return sum(1 for s in self.sentences if s.doubtful)

    def to_json(self) -> dict:
        return {
            "post": self.post,
            "from": self.source,
            "to": self.target,
            "sentences": [s.to_json() for s in self.sentences],
            "doubtful": self.doubtful_count,
            "whole_edit": self.whole_edit,
            "pivot": self.pivot,
        }


def _memory_route(location: DataLocation, source: str, target: str) -> Route | None:
    """A route good for memory keys only (pack versions), without loading any model."""
    direct = packs.find_pack(location, source, target)
    if direct:
        return Route(source, target, [direct])
    if PIVOT not in (source, target):
        first, second = packs.find_pack(location, source, PIVOT), packs.find_pack(location, PIVOT, target)
        if first and second:
            return Route(source, target, [first, second])
    return None


def _route(location: DataLocation, source: str, target: str, use_engine: bool, *, reverse: bool = False) -> Route:
    if use_engine:
        try:
            return find_route(location, source, target)
        except UserError:
            if reverse:
                raise ReversePackMissing(source, target) from None
            raise
    route = _memory_route(location, source, target)
    if route is None:
        raise MissingFromMemory
    return route


def _post_row(store: Store, post_id: int | str, target: str) -> tuple[int, str, str | None, Sequence[Any] | None]:
    from crosspost.store.lookups import require_post

    post_id = require_post(store, post_id)
    caption, usual = store.db.execute(
        "SELECT p.caption, a.usual_lang FROM posts p JOIN accounts a ON a.id = p.account_id WHERE p.id = ?", [post_id]
    ).fetchone()
    stored = store.db.execute(
        "SELECT source_lang, edited, text FROM translations WHERE post_id = ? AND lang = ?", [post_id, target]
    ).fetchone()
    return post_id, caption or "", usual, stored


def _source_lang(caption: str, usual: str | None, stored: Sequence[Any] | None, source: str) -> str:
    if source != "auto":
        return source
    if stored and stored[0]:
        return stored[0]
    from crosspost.translation.detect import detect_language

    return detect_language(caption, usual or "en")[0]


def _edits(store: Store, post_id: int, target: str) -> list[tuple[int, str, str]]:
    return store.db.execute(
        "SELECT position, source, text FROM translation_sentences WHERE post_id = ? AND lang = ? ORDER BY position",
        [post_id, target],
    ).fetchall()


def _match_edits(sources: list[str], rows: list[tuple[int, str, str]]) -> dict[int, str]:
    """Unit index → the user's wording: same place and same sentence first, then the same sentence
    moved elsewhere (the caption changed around it). Edits of sentences no longer there are ignored."""
    by_position = {pos: (src, text) for pos, src, text in rows}
    result, used = {}, set()
    for i, src in enumerate(sources):
        if i in by_position and by_position[i][0] == src:
            result[i] = by_position[i][1]
            used.add(i)
    for i, src in enumerate(sources):
        if i in result:
            continue
        for pos, (s, text) in by_position.items():
            if pos not in used and s == src:
                result[i] = text
                used.add(pos)
                break
    return result


def _with_whitespace(machine: str, edit: str) -> str:
    """The user's wording of a unit, keeping the whitespace (line breaks) that surround the machine's."""
    lead = machine[: len(machine) - len(machine.lstrip())]
    trail = machine[len(machine.rstrip()) :]
    return lead + edit.strip() + trail


@dataclass
class _Layout:
    atoms: list[_Atom]
    bounds: list[tuple[int, int]]
    sentences: list[str]
    translated: list[str]
    machine: list[str]
    sources: list[str]


def _layout(store: Store, route: Route, caption: str, terms: dict[str, str], version: int, use_engine: bool) -> _Layout:
    sentences: list[str] = []
    atoms = plan_atoms(caption, terms, sentences, route.target, route.split)
    bounds = group_atoms(atoms)
    translated = _memo(store, route, version, "", sentences, _translate_fn(route) if use_engine else None)
    machine = unit_texts(atoms, bounds, translated)
    sources = ["".join(a.source for a in atoms[s:e]).strip() for s, e in bounds]
    return _Layout(atoms, bounds, sentences, translated, machine, sources)


def _back_terms(store: Store, source: str, target: str) -> dict[str, str]:
    """The glossary for going back: the user's source→target terms turned around, then their own
    target→source terms."""
    terms = {translation: term for term, translation in glossary.terms_for(store, source, target).items()}
    terms.update(glossary.terms_for(store, target, source))
    return terms


def back_translate(
    store: Store, back_route: Route, texts: Sequence[str], terms: dict[str, str], version: int, use_engine: bool = True
) -> list[str]:
    """TEXTS (translations) translated back, tokens and glossary terms kept, sentences remembered."""
    from crosspost.translation.pipeline import _plan

    sentences: list[str] = []
    plans = [_plan(t, terms, sentences, back_route.target, back_route.split) for t in texts]
    translated = _memo(store, back_route, version, "", sentences, _translate_fn(back_route) if use_engine else None)
    return [_assemble(p, translated) for p in plans]


def _pairs(
    store: Store, location: DataLocation, post_id: int | str, target: str, source: str, use_engine: bool
) -> tuple[PostCheck, _Layout, Route, int]:
    """The pairs of one post (no back-translation yet), with what the back-translation needs."""
    post_id, caption, usual, stored = _post_row(store, post_id, target)
    if not caption.strip():
        raise UserError(f"Post {post_id} has no caption to check.")
    if source == "auto" and not (stored and stored[0]):
        from crosspost.translation.written_in import post_languages

        source = post_languages(store, location, [post_id])[post_id].code
    source = _source_lang(caption, usual, stored, source)
    if source == target:
        raise UserError(f"Post {post_id} is already in {target}: there is nothing to check.")
    route = _route(location, source, target, use_engine)
    version = glossary.glossary_version(store)
    terms = glossary.terms_for(store, source, target)
    lay = _layout(store, route, caption, terms, version, use_engine)
    edits = _match_edits(lay.sources, _edits(store, post_id, target))
    pairs = []
    for i, ((start, end), machine) in enumerate(zip(lay.bounds, lay.machine)):
        atoms = lay.atoms[start:end]
        text = _with_whitespace(machine, edits[i]) if i in edits else machine
        pairs.append(
            SentencePair(
                i + 1,
                "".join(a.source for a in atoms),
                text,
                machine,
                i in edits,
                any(a.kind in ("sentence", "term") for a in atoms),
            )
        )
    check = PostCheck(
        post_id,
        source,
        target,
        pairs,
        whole_edit=bool(stored and stored[1]),
        pivot=route.pivot,
        pack="+".join(getattr(m, "path").name for m in route.models),
        pack_version=route.pack_version,
    )
    return check, lay, route, version


def check_posts(
    store: Store,
    location: DataLocation,
    post_ids: Sequence[int | str],
    target: str,
    source: str = "auto",
    *,
    back: bool = True,
    use_engine: bool = True,
) -> list[PostCheck]:
    """Posts' captions as sentence pairs with their TARGET translation (the user's sentences laid
    over the machine's), back-translations and doubtful flags; the engine work of all the posts in
    one batched call per direction. BACK False: pairs only. USE_ENGINE False: from memory only
    (``MissingFromMemory`` when something was never computed)."""
    target = check_code(target)
    source = check_code(source, allow_auto=True)
    prepared = [_pairs(store, location, pid, target, source, use_engine) for pid in post_ids]
    if not back:
        return [p[0] for p in prepared]
    groups: dict[str, list] = {}
    for item in prepared:
        groups.setdefault(item[0].source, []).append(item)
    for lang, items in groups.items():
        route, version = items[0][2], items[0][3]
        # Engine scores of the machine's own sentences (a direct pack only: a pivot has no one score).
        scores: dict[str, float] = {}
        sentences = list(dict.fromkeys(s for _, lay, _, _ in items for s in lay.sentences))
        if len(route.models) == 1 and sentences:
            wording = {s: t for _, lay, _, _ in items for s, t in zip(lay.sentences, lay.translated)}
            values = _memo(
                store, route, version, SCORE_TAG, sentences, _score_fn(route, wording) if use_engine else None
            )
            scores = {s: float(v) for s, v in zip(sentences, values)}
        back_route = _route(location, target, lang, use_engine, reverse=True)
        todo = [(pair, lay) for check, lay, _, _ in items for pair in check.sentences if pair.has_words]
        backs = back_translate(
            store, back_route, [p.raw_text for p, _ in todo], _back_terms(store, lang, target), version, use_engine
        )
        for (pair, lay), back_text in zip(todo, backs):
            pair.back = back_text
            pair.chrf = similarity(pair.raw_source, back_text)
            if not pair.edited:
                start, end = lay.bounds[pair.n - 1]
                unit_scores = [
                    scores[lay.sentences[a.piece[1]]]
                    for a in lay.atoms[start:end]
                    if a.kind == "sentence" and lay.sentences[a.piece[1]] in scores
                ]
                pair.score = min(unit_scores) if unit_scores else None
            pair.reasons = is_doubtful(pair.chrf, pair.score)
        for check, _, _, _ in items:
            for pair in check.sentences:
                if not pair.has_words:
                    pair.back = pair.raw_text  # tokens only: they come back as they are
    return [p[0] for p in prepared]


def check_post(
    store: Store,
    location: DataLocation,
    post_id: int | str,
    target: str,
    source: str = "auto",
    *,
    back: bool = True,
    use_engine: bool = True,
) -> PostCheck:
    """One post's pairs (see ``check_posts``)."""
    return check_posts(store, location, [post_id], target, source, back=back, use_engine=use_engine)[0]


def doubtful_count(store: Store, post_id: int, target: str | None) -> int | None:
    """How many sentences of the post's TARGET translation may be mistranslated, from what was
    already computed (no engine call); None when it was never checked, or the translation is the
    user's own as a whole."""
    location = getattr(store, "location", None)
    if location is None or not target:
        return None
    row = store.db.execute(
        "SELECT edited, source_lang FROM translations WHERE post_id = ? AND lang = ?", [post_id, target]
    ).fetchone()
    if row is None or row[0] or not row[1]:
        return None
    try:
        check = check_post(store, location, post_id, target, use_engine=False)
    except (MissingFromMemory, UserError):
        return None
    return None if check.whole_edit else check.doubtful_count


# --- the user's sentences ------------------------------------------------------------------------


class WholeEditExists(UserError):
    """The translation is the user's own wording as a whole; a sentence edit would replace it."""


def _sentence(check: PostCheck, n: int | str) -> SentencePair:
    try:
        n = int(n)
    except (TypeError, ValueError):
        raise UserError(f"{n!r} is not a sentence number.") from None
    if not 1 <= n <= len(check.sentences):
        raise UserError(f"Post {check.post} has {len(check.sentences)} sentence(s); there is no sentence {n}.")
    return check.sentences[n - 1]


def _store_whole(store: Store, check: PostCheck, text: str) -> None:
    now = utc_now()
    store.db.execute(
        "INSERT INTO translations (post_id, lang, source_lang, text, pack, pack_version, pivot, edited, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?) "
        "ON CONFLICT (post_id, lang) DO UPDATE SET source_lang = excluded.source_lang, text = excluded.text, "
        "pack = excluded.pack, pack_version = excluded.pack_version, pivot = excluded.pivot, edited = 0, "
        "updated_at = excluded.updated_at",
        [check.post, check.target, check.source, text, check.pack, check.pack_version, check.pivot, now, now],
    )


def save_sentence(
    store: Store,
    location: DataLocation,
    post_id: int | str,
    target: str,
    n: int | str,
    text: str | None,
    *,
    replace_whole_edit: bool = False,
) -> PostCheck:
    """Set sentence N of the post's TARGET translation to TEXT (None: back to the machine's wording).
    The translation stored with the post is rebuilt around it; returns the pairs (no back-translation)."""
    check = check_post(store, location, post_id, target, back=False)
    pair = _sentence(check, n)
    if text is not None and not text.strip():
        raise UserError("Give the new wording of the sentence.")
    if check.whole_edit and not replace_whole_edit:
        raise WholeEditExists(
            f"The {check.target} translation of post {check.post} is your own wording as a "
            "whole; editing one sentence would replace it with the sentence-by-sentence one."
        )
    now = utc_now()
    with store.transaction():
        if text is None:
            store.db.execute(
                "DELETE FROM translation_sentences WHERE post_id = ? AND lang = ? AND position = ?",
                [check.post, check.target, pair.n - 1],
            )
            pair.raw_text, pair.edited = pair.machine, False
        else:
            store.db.execute(
                "INSERT INTO translation_sentences (post_id, lang, position, source, text, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (post_id, lang, position) DO UPDATE SET "
                "source = excluded.source, text = excluded.text, updated_at = excluded.updated_at",
                [check.post, check.target, pair.n - 1, pair.source, text.strip(), now, now],
            )
            pair.raw_text, pair.edited = _with_whitespace(pair.machine, text), True
        _store_whole(store, check, check.translation)
    check.whole_edit = False
    return check


def keep_sentence_edits(store: Store, route: Route, items: Sequence[tuple[int, str]], texts: list[str]) -> list[str]:
    """Fresh translations TEXTS of (post id, caption) ITEMS with the user's sentences laid over them:
    re-translating a post never loses a sentence the user wrote or picked."""
    ids = [pid for pid, _ in items]
    edited: dict[int, list] = {}
    for start in range(0, len(ids), 900):
        batch = ids[start : start + 900]
        for row in store.db.execute(
            f"SELECT post_id, position, source, text FROM translation_sentences WHERE lang = ? AND post_id IN "
            f"({','.join('?' * len(batch))}) ORDER BY position",
            [route.target, *batch],
        ):
            edited.setdefault(row[0], []).append(row[1:])
    if not edited:
        return texts
    version = glossary.glossary_version(store)
    terms = glossary.terms_for(store, route.source, route.target)
    out = list(texts)
    for i, (pid, caption) in enumerate(items):
        if pid in edited:
            lay = _layout(store, route, caption, terms, version, True)
            edits = _match_edits(lay.sources, edited[pid])
            out[i] = "".join(_with_whitespace(m, edits[j]) if j in edits else m for j, m in enumerate(lay.machine))
    return out


# --- other wordings ------------------------------------------------------------------------------


@dataclass
class Alternative:
    k: int
    text: str
    back: str
    chrf: float
    current: bool

    @property
    def doubtful(self) -> bool:
        return self.chrf < CHRF_THRESHOLD

    def to_json(self) -> dict:
        return {
            "k": self.k,
            "text": self.text,
            "back": self.back.strip(),
            "chrf": round(self.chrf, 1),
            "doubtful": self.doubtful,
            "current": self.current,
        }


def alternatives(
    store: Store, location: DataLocation, post_id: int | str, target: str, n: int | str, count: int = ALTERNATIVES
) -> list[Alternative]:
    """The engine's COUNT best wordings of sentence N (distinct), each with its back-translation."""
    if not 1 <= int(count) <= 16:
        raise UserError("Ask for between 1 and 16 wordings.")
    check = check_post(store, location, post_id, target, back=False)
    pair = _sentence(check, n)
    route = find_route(location, check.source, check.target)
    version = glossary.glossary_version(store)
    terms = glossary.terms_for(store, check.source, check.target)
    caption = "".join(s.raw_source for s in check.sentences)
    lay = _layout(store, route, caption, terms, version, True)
    start, end = lay.bounds[pair.n - 1]
    mine = [a.piece[1] for a in lay.atoms[start:end] if a.kind == "sentence"]
    nbest = [
        json.loads(v)
        for v in _memo(
            store, route, version, f"\x1enbest{count}\x1e", [lay.sentences[i] for i in mine], _nbest_fn(route, count)
        )
    ]
    wordings: list[str] = []
    for k in range(count):
        translated = list(lay.translated)
        for index, hyps in zip(mine, nbest):
            if hyps:
                translated[index] = hyps[min(k, len(hyps) - 1)]
        raw = unit_texts(lay.atoms[:end], lay.bounds[: pair.n], translated)[-1]
        if raw.strip() and raw.strip() not in {w.strip() for w in wordings}:
            wordings.append(raw)
    back_route = _route(location, check.target, check.source, True, reverse=True)
    backs = back_translate(store, back_route, wordings, _back_terms(store, check.source, check.target), version)
    return [
        Alternative(k + 1, w.strip(), b, similarity(pair.raw_source, b), w.strip() == pair.text)
        for k, (w, b) in enumerate(zip(wordings, backs))
    ]


def pick_alternative(
    store: Store,
    location: DataLocation,
    post_id: int | str,
    target: str,
    n: int | str,
    k: int | str,
    count: int = ALTERNATIVES,
    *,
    replace_whole_edit: bool = False,
) -> PostCheck:
    """Make wording K of sentence N's alternatives the user's choice for that sentence."""
    options = alternatives(store, location, post_id, target, n, count)
    try:
        k = int(k)
    except (TypeError, ValueError):
        raise UserError(f"{k!r} is not a wording number.") from None
    if not 1 <= k <= len(options):
        raise UserError(f"Sentence {n} has {len(options)} wording(s); there is no wording {k}.")
    return save_sentence(
        store, location, post_id, target, n, options[k - 1].text, replace_whole_edit=replace_whole_edit
    )


def posts_with_term(store: Store, term: str, source_lang: str | None = None) -> list[int]:
    """Posts whose caption contains glossary TERM (matched as the translator matches it)."""
    pattern = _glossary_regex({term: ""})
    if pattern is None or not term.strip():
        return []
    rows = store.db.execute(
        "SELECT id, caption FROM posts WHERE instr(lower(caption), lower(?)) > 0 ORDER BY id", [term.strip()]
    ).fetchall()
    return [pid for pid, caption in rows if pattern.search(caption or "")]
