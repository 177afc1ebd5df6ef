"""``crosspost drafts publish|alt|thread`` and ``crosspost accounts add|list|remove``: publishing
drafts through the platforms' APIs (Bluesky first)."""

from __future__ import annotations

import argparse
import sys

from crosspost.cli.common import Context, ProgressBar, Subcommands, command, draft_id_arg, message
from crosspost.cli.remedies import cli_message
from crosspost.errors import UserError


def _verbs(sub: Subcommands, name: str) -> Subcommands:
    """The subcommand group of an existing command (``drafts``), to add verbs to it."""
    parser = sub.choices[name]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    raise RuntimeError(f"{name} has no subcommands")


def register(sub: Subcommands) -> None:
    verbs = _verbs(sub, "drafts")
    p = command(
        verbs,
        "publish",
        run_publish,
        "publish drafts through the platform's API (Bluesky)",
        description="Publish drafts through the platform's API where Crosspost has an account "
        "for it (Bluesky). A posted draft is never posted twice.",
        ids=draft_id_arg,
        nargs="*",
    )
    p.add_argument(
        "--due", action="store_true", help="every draft whose planned time has come (for a systemd timer or cron)"
    )
    p.add_argument("--account", metavar="HANDLE", help="which account, when there are several")

    p = command(verbs, "alt", run_alt, "set the alt text of a draft's photo or video", ids=draft_id_arg)
    p.add_argument("n", type=int, nargs="?", metavar="N", help="which media item, from 1")
    p.add_argument("text", nargs="?", metavar="TEXT", help="what the picture shows (empty: remove)")
    p.add_argument(
        "--translate",
        action="store_true",
        help="translate the draft's alt texts like its caption (translated or bilingual layout)",
    )

    p = command(
        verbs, "thread", run_thread, "publish a caption over the length limit as a thread (on/off)", ids=draft_id_arg
    )
    p.add_argument("state", choices=["on", "off"])

    accounts = sub.add_parser("accounts", help="accounts on the platforms Crosspost publishes to")
    averbs = accounts.add_subparsers(dest="accounts_command", metavar="ACTION", required=True)
    p = command(
        averbs,
        "add",
        run_accounts_add,
        "add (or update) an account",
        description="Add a Bluesky account with an app password (Bluesky: Settings → Privacy "
        "and security → App passwords). The password is checked with the server "
        "and kept in the system keyring.",
    )
    p.add_argument("platform", choices=["bluesky"])
    p.add_argument("--handle", required=True, metavar="H", help="e.g. alice.bsky.social")
    p.add_argument("--server", metavar="URL", help="the account's server (default https://bsky.social)")
    p.add_argument("--password-stdin", action="store_true", help="read the app password from standard input")
    p.add_argument(
        "--store-secret-in-file",
        action="store_true",
        help="where no keyring exists: keep the password in a file only you can read, in the data dir",
    )
    p.add_argument(
        "--video-service",
        metavar="URL",
        help="Bluesky's video service (default: https://video.bsky.app for bsky.social, none "
        "elsewhere: videos then go straight to the server); 'none' to upload videos directly",
    )

    p = command(averbs, "list", run_accounts_list, "the accounts (never a secret)")

    p = command(averbs, "remove", run_accounts_remove, "forget an account and its password")
    p.add_argument("platform", choices=["bluesky"])
    p.add_argument("--handle", metavar="H")


def run_publish(ctx: Context, args: argparse.Namespace) -> int:
    from crosspost.publishing.publish import publish_drafts
    from crosspost.publishing.schedule import due_drafts

    if args.ids and args.due:
        raise UserError("Give draft IDs or --due, not both.")
    if not args.ids and not args.due:
        raise UserError("Say which drafts to publish (IDs, see `crosspost drafts list`) or use --due.")
    ids = due_drafts(ctx.store) if args.due else args.ids
    if not ids:
        message("No drafts are due.")
        ctx.emit([], None)
        return 0
    failures = []

    def on_error(draft_id: int, exc: UserError) -> None:
        failures.append(draft_id)
        message(f"crosspost: draft {draft_id}: {cli_message(exc)}")

    with ProgressBar("Publishing") as bar:
        results = publish_drafts(ctx.store, ctx.location, ids, account=args.account, progress=bar, on_error=on_error)
    for r in results:
        for w in r.warnings:
            message(f"crosspost: draft {r.draft}: {w}")
    lines = [
        (
            f"Draft {r.draft} was already posted{': ' + r.url if r.url else ''} (not posted again)."
            if r.already
            else f"Draft {r.draft} posted{f' as a thread of {r.parts}' if r.parts > 1 else ''}: {r.url}"
        )
        for r in results
    ]
    ctx.emit([r.to_json() for r in results], "\n".join(lines) if lines else None)
    return 1 if failures else 0


def run_alt(ctx: Context, args: argparse.Namespace) -> int:
    from crosspost.drafts.store import set_alt_text
    from crosspost.publishing.publish import translate_alt_texts

    if args.translate:
        c = translate_alt_texts(ctx.store, ctx.location, args.id)
        alts = c.draft.alt_texts
        ctx.emit(c.to_json(), "\n".join(f"{n}: {alts.get(m.media, '')}" for n, m in enumerate(c.draft.sources, 1)))
        return 0
    if args.n is None or args.text is None:
        raise UserError('Give the media number and the alt text, e.g. `crosspost drafts alt 7 1 "A loaf of bread"`.')
    c = set_alt_text(ctx.store, args.id, args.n, args.text)
    ctx.emit(
        c.to_json(), f"Alt text of media {args.n} of draft {c.draft.id} {'set' if args.text.strip() else 'removed'}."
    )
    return 0


def run_thread(ctx: Context, args: argparse.Namespace) -> int:
    from crosspost.drafts.store import set_thread

    c = set_thread(ctx.store, args.id, args.state == "on")
    ctx.emit(
        c.to_json(),
        f"Draft {c.draft.id} goes out {'as a thread when it is too long' if c.draft.thread else 'as one post'}.",
    )
    return 0


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise UserError("There is no terminal to ask for the app password; pipe it in with --password-stdin.")
    import getpass

    return getpass.getpass(f"App password for {args.handle}: ")


def run_accounts_add(ctx: Context, args: argparse.Namespace) -> int:
    from crosspost.publishing.accounts import add_account, keyring_available
    from crosspost.publishing.bluesky import login

    if not keyring_available() and not args.store_secret_in_file:
        raise UserError(
            "No keyring is available on this computer to keep the app password safely, so nothing "
            "was stored. Install and unlock one (GNOME Keyring, KWallet), or add "
            "--store-secret-in-file to keep it in a file in the data dir that only you can read."
        )
    password = _read_password(args)

    def verify(server: str, handle: str, secret: str) -> str:
        with login(server, handle, secret) as session:
            return session.did

    video = args.video_service
    account = add_account(
        ctx.store,
        ctx.location,
        args.platform,
        args.handle,
        password,
        args.server,
        allow_file=args.store_secret_in_file,
        verify=verify,
        video_service=None if (video or "").lower() == "none" else (video or "default"),
    )
    where = "the system keyring" if account.secret_store == "keyring" else "a file only you can read"
    ctx.emit(account.to_json(), f"Added {account.handle} on {account.server}; its app password is in {where}.")
    return 0


def run_accounts_list(ctx: Context, args: argparse.Namespace) -> int:
    from crosspost.publishing.accounts import list_accounts

    accounts = list_accounts(ctx.store)
    ctx.emit(
        [a.to_json() for a in accounts],
        "\n".join(f"{a.platform:10} {a.handle:30} {a.server}" for a in accounts)
        or "No accounts. Add one with `crosspost accounts add bluesky --handle H`.",
    )
    return 0


def run_accounts_remove(ctx: Context, args: argparse.Namespace) -> int:
    from crosspost.publishing.accounts import remove_account

    account = remove_account(ctx.store, ctx.location, args.platform, args.handle)
    ctx.emit(account.to_json(), f"Removed {account.handle} and its app password.")
    return 0
