"""``crosspost languages …``, ``crosspost translate …``, ``crosspost glossary …``,
``crosspost translations edit …``."""

from __future__ import annotations

from crosspost.cli.common import Context, ProgressBar, json_flag_parent, message, record_id


def register(sub) -> None:
    lang = sub.add_parser(
        "languages", help="offline translation models: list, available, install, download, use, remove"
    )
    verbs = lang.add_subparsers(dest="languages_command", metavar="ACTION", required=True)
    p = verbs.add_parser(
        "list",
        parents=[json_flag_parent()],
        help="installed models with their kind, source, licence and which is in use",
    )
    p.set_defaults(handler=run_list)
    p = verbs.add_parser(
        "available",
        parents=[json_flag_parent()],
        help="pairs in the Argos package index (downloads the index; env CROSSPOST_ARGOS_INDEX)",
    )
    p.set_defaults(handler=run_available)
    p = verbs.add_parser(
        "install",
        parents=[json_flag_parent()],
        help="install a .argosmodel file, or a quickmt model folder or its zip",
        description="Install an Argos Translate pack (.argosmodel) or a quickmt model: the folder "
        "quickmt-model-download wrote (quickmt-en-zh), or a zip of it. The new model translates its pair.",
    )
    p.add_argument("file", metavar="PATH")
    p.add_argument("--from", dest="source", metavar="CODE", help="a quickmt model's source language (else its name)")
    p.add_argument("--to", dest="target", metavar="CODE", help="a quickmt model's target language (else its name)")
    p.set_defaults(handler=run_install)
    p = verbs.add_parser(
        "download",
        parents=[json_flag_parent()],
        help="FROM TO: an Argos pack from the index; MODEL (quickmt-en-zh): a quickmt model from its hub",
        description="Download and install a model: `download FROM TO` takes the pair's Argos pack from "
        "the index (env CROSSPOST_ARGOS_INDEX); `download quickmt-en-zh` takes that quickmt model from "
        "the Hugging Face hub (env CROSSPOST_MODEL_HUB). An interrupted download resumes.",
    )
    p.add_argument("names", nargs="+", metavar="FROM TO | MODEL")
    p.set_defaults(handler=run_download)
    p = verbs.add_parser(
        "use",
        parents=[json_flag_parent()],
        help="pick which installed model translates a pair (argos or quickmt, or its name)",
    )
    p.add_argument("source", metavar="FROM")
    p.add_argument("target", metavar="TO")
    p.add_argument("model", metavar="MODEL")
    p.set_defaults(handler=run_use)
    p = verbs.add_parser("remove", parents=[json_flag_parent()], help="remove an installed pair")
    p.add_argument("source", metavar="FROM")
    p.add_argument("target", metavar="TO")
    p.add_argument("--kind", choices=("argos", "quickmt"), help="which model, when both kinds are installed")
    p.set_defaults(handler=run_remove)

    p = sub.add_parser(
        "translate",
        parents=[json_flag_parent()],
        help="translate captions offline and store them with the posts",
        description="Translate captions on this computer. Hashtags, @mentions, links, e-mail "
        "addresses, emoji and line breaks stay exactly as they are; your glossary terms are "
        "used; identical sentences are never translated twice. Your edits of a translation "
        "are kept unless you say --force.",
    )
    p.add_argument("ids", nargs="*", type=record_id, metavar="ID")
    p.add_argument("--from", dest="source", default="auto", metavar="CODE", help="caption language, or auto (default)")
    p.add_argument("--to", dest="target", required=True, metavar="CODE", help="target language, e.g. zh")
    p.add_argument("--all", action="store_true", help="every post without a translation into --to")
    p.add_argument("--force", action="store_true", help="replace translations you edited")
    p.add_argument(
        "--check",
        action="store_true",
        help="show each sentence beside its translation and what it says translated back "
        "(needs the reverse pack, e.g. zh→en), flagging the doubtful ones",
    )
    p.set_defaults(handler=run_translate)

    p = sub.add_parser("translations", help="your own wording of a translation")
    tverbs = p.add_subparsers(dest="translations_command", metavar="ACTION", required=True)
    e = tverbs.add_parser(
        "edit", parents=[json_flag_parent()], help="set the translation text yourself (kept as edited)"
    )
    e.add_argument("id", type=record_id, metavar="ID")
    e.add_argument("--lang", required=True, metavar="CODE")
    e.add_argument("--text", required=True)
    e.set_defaults(handler=run_edit)
    from crosspost.cli.check_commands import register_translations

    register_translations(tverbs)

    g = sub.add_parser("glossary", help="your own terms and hashtag→topic mappings for translation")
    gverbs = g.add_subparsers(dest="glossary_command", metavar="ACTION", required=True)
    p = gverbs.add_parser("list", parents=[json_flag_parent()], help="the glossary")
    p.set_defaults(handler=run_glossary_list)
    for name, helptext in (("add", "add or change a term"), ("remove", "remove a term")):
        p = gverbs.add_parser(name, parents=[json_flag_parent()], help=helptext)
        p.add_argument("term")
        if name == "add":
            p.add_argument("translation")
        p.add_argument("--from", dest="source", default="en", metavar="CODE")
        p.add_argument("--to", dest="target", default="zh", metavar="CODE")
        p.add_argument("--topic", action="store_true", help="a hashtag → target-language topic mapping for drafts")
        p.set_defaults(handler=run_glossary_add if name == "add" else run_glossary_remove)


def _pairs_text(packs) -> str:
    if not packs:
        return "No language packs installed. `crosspost languages available` lists what can be downloaded."
    return "\n".join(
        f"{p.from_code} → {p.to_code}  {p.kind:8} version {p.version}"
        + ("  (installed)" if p.installed else "")
        + ("  (in use)" if p.active else "")
        + (f"  licence {p.licence or 'not stated'}" if p.installed else "")
        + (f"  from {p.source}" if p.installed and p.source else "")
        for p in packs
    )


def _installed_text(pack) -> str:
    return (
        f"Installed {pack.from_code} → {pack.to_code} ({pack.kind}, version {pack.version}); it translates this pair."
    )


def run_list(ctx: Context, args) -> int:
    from crosspost.translation.packs import installed_packs

    packs = installed_packs(ctx.location)
    ctx.emit([p.to_json() for p in packs], _pairs_text(packs))
    return 0


def run_available(ctx: Context, args) -> int:
    from crosspost.translation.packs import available_packs

    packs, note = available_packs(ctx.location, ctx.store)
    if note:
        message(f"note: {note}")
    ctx.emit([p.to_json() for p in packs], _pairs_text(packs))
    return 0


def run_install(ctx: Context, args) -> int:
    from crosspost.translation.models import install_model
    from crosspost.translation.service import check_code

    source = check_code(args.source) if args.source else None
    target = check_code(args.target) if args.target else None
    pack = install_model(ctx.location, args.file, source, target)
    ctx.emit(pack.to_json(), _installed_text(pack))
    return 0


def run_download(ctx: Context, args) -> int:
    from crosspost.errors import UserError
    from crosspost.translation.packs import download_pack
    from crosspost.translation.quickmt import download_model
    from crosspost.translation.service import check_code

    if len(args.names) == 1:
        with ProgressBar("Downloading") as bar:
            pack = download_model(ctx.location, args.names[0], progress=bar)
    elif len(args.names) == 2:
        source, target = (check_code(n) for n in args.names)
        with ProgressBar("Downloading") as bar:
            pack = download_pack(ctx.location, source, target, ctx.store, progress=bar)
    else:
        raise UserError("Give a pair (FROM TO) for an Argos pack, or one model name such as quickmt-en-zh.")
    ctx.emit(pack.to_json(), _installed_text(pack))
    return 0


def run_use(ctx: Context, args) -> int:
    from crosspost.translation.packs import use_pack
    from crosspost.translation.service import check_code

    pack = use_pack(ctx.location, check_code(args.source), check_code(args.target), args.model)
    ctx.emit(pack.to_json(), f"{pack.from_code} → {pack.to_code} is now translated by {pack.kind} ({pack.name}).")
    return 0


def run_remove(ctx: Context, args) -> int:
    from crosspost.translation.packs import remove_pack

    pack = remove_pack(ctx.location, args.source, args.target, args.kind)
    ctx.emit(
        {**pack.to_json(), "installed": False, "active": False},
        f"Removed {pack.from_code} → {pack.to_code} ({pack.kind}).",
    )
    return 0


def run_translate(ctx: Context, args) -> int:
    from crosspost.errors import UserError
    from crosspost.translation.service import translate_posts

    if not args.ids and not args.all:
        raise UserError("Say which posts: give post IDs, or --all for every post without a translation.")
    if args.check:
        from crosspost.cli.check_commands import require_reverse_pack

        require_reverse_pack(ctx, args.source, args.target)
    with ProgressBar("Translating") as bar:
        results = translate_posts(
            ctx.store,
            ctx.location,
            None if args.all and not args.ids else args.ids,
            args.source,
            args.target,
            force=args.force,
            progress=bar,
        )
    skipped = [r for r in results if r.skipped]
    results = [r for r in results if not r.skipped]
    for r in results:
        if r.note:
            message(f"post {r.post}: {r.note}" + (" (use --force to replace it)" if r.kept_edit else ""))
    for r in skipped:
        message(
            f"skipped post {r.post}: {r.skip_message}. Install the pack with `crosspost languages download "
            f"{r.source} {r.target}`, or say the post's language with `crosspost posts edit {r.post} --lang CODE`."
        )
    if skipped:
        message(f"{len(skipped)} of {len(skipped) + len(results)} posts skipped; the others were translated.")
    if args.ids and results and all(r.note == "the post has no caption" for r in results):
        raise UserError("Nothing to translate: the post has no caption.")
    if args.check:
        from crosspost.cli.check_commands import print_checks

        code = print_checks(ctx, results) if results else 0
        return 1 if skipped else code
    if ctx.json:
        ctx.emit([r.to_json() for r in results])
    else:
        from crosspost.posts import has_posts

        ctx.emit(
            None,
            "\n\n".join(f"[post {r.post}, {r.source} → {r.target}]\n{r.text}" for r in results)
            or (
                ""
                if skipped
                else "Every post already has a translation."
                if has_posts(ctx.store)
                else "No posts yet. Import your TikTok export with `crosspost import PATH`."
            ),
        )
    return 1 if skipped else 0


def run_edit(ctx: Context, args) -> int:
    from crosspost.translation.service import save_edit

    saved = save_edit(ctx.store, args.id, args.lang, args.text)
    ctx.emit(saved, f"Saved your {saved['lang']} translation of post {saved['post']}.")
    return 0


def run_glossary_list(ctx: Context, args) -> int:
    from crosspost.translation.glossary import list_entries

    entries = list_entries(ctx.store)
    ctx.emit(
        entries,
        "\n".join(
            f"{e['from']}→{e['to']}  {'#' if e['kind'] == 'topic' else ''}{e['term']} → {e['translation']}"
            for e in entries
        )
        or 'The glossary is empty. Add a term: crosspost glossary add "TikTok refugee" "TikTok难民"',
    )
    return 0


def run_glossary_add(ctx: Context, args) -> int:
    from crosspost.translation.glossary import add_entry
    from crosspost.translation.service import check_code

    entry = add_entry(
        ctx.store,
        args.term,
        args.translation,
        check_code(args.source),
        check_code(args.target),
        "topic" if args.topic else "term",
    )
    ctx.emit(entry, f"Glossary: {entry['term']} → {entry['translation']} ({entry['from']}→{entry['to']}).")
    return 0


def run_glossary_remove(ctx: Context, args) -> int:
    from crosspost.translation.glossary import remove_entry
    from crosspost.translation.service import check_code

    remove_entry(
        ctx.store, args.term, check_code(args.source), check_code(args.target), "topic" if args.topic else "term"
    )
    ctx.emit({"removed": args.term}, f"Removed {args.term!r} from the glossary.")
    return 0
