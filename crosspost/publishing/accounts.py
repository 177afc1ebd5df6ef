"""Platform accounts (Bluesky first) and their secrets.

The store keeps the handle, the server and the DID; the secret (an app password) lives in the
operating system's keyring through ``keyring`` (Secret Service/KWallet, macOS Keychain, Windows
Credential Locker). Where no keyring backend works, nothing is stored unless the caller passes
``allow_file=True`` (the user's explicit opt-in): then the secret goes to ``secrets.json`` in the data
dir, created readable and writable by the user only (mode 0600). Session tokens are never stored:
each publishing run logs in with the app password and the client refreshes its own tokens in memory.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from crosspost.errors import UserError
from crosspost.paths import DataLocation
from crosspost.store import Store, utc_now

KEYRING_SERVICE = "Crosspost"
DEFAULT_SERVERS = {"bluesky": "https://bsky.social"}
DEFAULT_VIDEO_SERVICES = {"bluesky": "https://video.bsky.app"}
SUPPORTED = tuple(DEFAULT_SERVERS)


class NoKeyringError(UserError):
    """No keyring backend works here and the user did not opt in to the file."""


class NoAccount(UserError):
    """No account for the platform (or none with that handle)."""

    def __init__(self, platform: str, handle: str | None = None) -> None:
        self.platform, self.handle = platform, handle
        super().__init__(f"There is no {platform} account{' ' + handle if handle else ''} in Crosspost.")


class SeveralAccounts(UserError):
    """Several accounts for the platform and no handle to choose one."""

    def __init__(self, platform: str, handles: list[str]) -> None:
        self.platform, self.handles = platform, handles
        super().__init__(f"There are several {platform} accounts ({', '.join(handles)}) and none was chosen.")


class SecretMissing(UserError):
    """The account's app password is gone from where it was kept."""

    def __init__(self, platform: str, handle: str, where: str) -> None:
        self.platform, self.handle, self.where = platform, handle, where
        super().__init__(
            f"The app password of {handle} is missing from the "
            f"{'keyring' if where == 'keyring' else 'secrets file'}; remove the account and add it again."
        )


@dataclass(frozen=True)
class Account:
    id: int
    platform: str
    handle: str
    server: str
    did: str | None
    video_service: str | None
    secret_store: str

    def to_json(self) -> dict[str, str]:
        return {"platform": self.platform, "handle": self.handle, "server": self.server}

    @property
    def key(self) -> str:
        return f"{self.platform}:{self.server}:{self.handle}"


def normalize_handle(handle: str) -> str:
    handle = (handle or "").strip().lstrip("@").lower()
    if not handle or " " in handle:
        raise UserError(f"{handle!r} is not a handle; write it like alice.bsky.social.")
    return handle


def normalize_server(server: str | None, platform: str = "bluesky") -> str:
    """The server's address with its scheme (https:// when none is given). Plain http:// is refused
    unless the server is this computer (a local PDS): the app password would cross the network in clear."""
    from crosspost.publishing.net import check_url

    server = (server or DEFAULT_SERVERS[platform]).strip().rstrip("/")
    if not server.lower().startswith(("https://", "http://")):
        server = "https://" + server
    check_url(server)
    return server


# --- secrets ------------------------------------------------------------------------------------


def keyring_available() -> bool:
    """Whether a real keyring backend is configured (not the fail/null ones)."""
    try:
        import keyring
        from keyring.backends import fail, null
    except Exception:
        return False
    backend = keyring.get_keyring()
    if isinstance(backend, (fail.Keyring, null.Keyring)):
        return False
    try:
        return float(getattr(backend, "priority", 1)) > 0
    except Exception:
        return False


def _secrets_file(location: DataLocation) -> Path:
    return location.root / "secrets.json"


def _read_secret_file(location: DataLocation) -> dict[str, str]:
    path = _secrets_file(location)
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}


def _write_secret_file(location: DataLocation, data: dict[str, str]) -> None:
    path = _secrets_file(location)
    tmp = path.with_name(".secrets.json.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def _store_secret(location: DataLocation, key: str, secret: str, allow_file: bool) -> str:
    if keyring_available():
        import keyring
        from keyring.errors import KeyringError

        try:
            keyring.set_password(KEYRING_SERVICE, key, secret)
            return "keyring"
        except KeyringError:
            pass
    if not allow_file:
        raise NoKeyringError(
            "No keyring is available on this computer to keep the app password safely, so nothing was stored. "
            "Install and unlock one (GNOME Keyring, KWallet), or allow Crosspost to keep it in a file in its "
            "data folder that only you can read."
        )
    data = _read_secret_file(location)
    data[key] = secret
    _write_secret_file(location, data)
    return "file"


def get_secret(location: DataLocation, account: Account) -> str:
    if account.secret_store == "file":
        secret = _read_secret_file(location).get(account.key)
    else:
        secret = None
        if keyring_available():
            import keyring
            from keyring.errors import KeyringError

            try:
                secret = keyring.get_password(KEYRING_SERVICE, account.key)
            except KeyringError:
                secret = None
    if not secret:
        raise SecretMissing(account.platform, account.handle, account.secret_store)
    return secret


def _delete_secret(location: DataLocation, account: Account) -> None:
    if account.secret_store == "file":
        data = _read_secret_file(location)
        if data.pop(account.key, None) is not None:
            _write_secret_file(location, data)
        return
    if keyring_available():
        import keyring
        from keyring.errors import KeyringError, PasswordDeleteError

        try:
            keyring.delete_password(KEYRING_SERVICE, account.key)
        except (PasswordDeleteError, KeyringError):
            pass


# --- the store ----------------------------------------------------------------------------------

_COLS = "id, platform, handle, server, did, video_service, secret_store"


def list_accounts(store: Store, platform: str | None = None) -> list[Account]:
    sql, params = f"SELECT {_COLS} FROM platform_accounts", []
    if platform:
        sql += " WHERE platform = ?"
        params.append(platform)
    return [Account(*r) for r in store.db.execute(sql + " ORDER BY platform, handle", params)]


def find_account(store: Store, platform: str, handle: str | None = None) -> Account:
    accounts = list_accounts(store, platform)
    if handle:
        handle = normalize_handle(handle)
        accounts = [a for a in accounts if a.handle == handle]
    if not accounts:
        raise NoAccount(platform, handle)
    if len(accounts) > 1 and not handle:
        raise SeveralAccounts(platform, [a.handle for a in accounts])
    return accounts[0]


def add_account(
    store: Store,
    location: DataLocation,
    platform: str,
    handle: str,
    password: str,
    server: str | None = None,
    *,
    allow_file: bool = False,
    verify: Callable[[str, str, str], str | None] | None = None,
    video_service: str | None = "default",
) -> Account:
    """Check the credentials with the server (``verify(server, handle, password) -> did``), then keep
    the secret (keyring or opted-in file) and the account row."""
    if platform not in SUPPORTED:
        raise UserError(f"Crosspost cannot publish to {platform!r} yet; accounts are for: {', '.join(SUPPORTED)}.")
    handle = normalize_handle(handle)
    server = normalize_server(server, platform)
    if not password:
        raise UserError("The app password is empty.")
    if not keyring_available() and not allow_file:
        _store_secret(location, "", "", allow_file=False)  # raises the explanation; stores nothing
    did = None
    if verify is not None:
        did = verify(server, handle, password)
    if video_service == "default":  # Bluesky's own servers have the video service; a self-hosted PDS may not
        video_service = DEFAULT_VIDEO_SERVICES.get(platform) if server in DEFAULT_SERVERS.values() else None
    elif video_service:
        video_service = normalize_server(video_service, platform)
    key = f"{platform}:{server}:{handle}"
    where = _store_secret(location, key, password, allow_file)
    with store.transaction():
        store.db.execute(
            "INSERT INTO platform_accounts (platform, handle, server, did, video_service, secret_store, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (platform, handle) DO UPDATE SET server = excluded.server, "
            "did = excluded.did, video_service = excluded.video_service, secret_store = excluded.secret_store",
            [platform, handle, server, did, video_service, where, utc_now()],
        )
    return find_account(store, platform, handle)


def remove_account(store: Store, location: DataLocation, platform: str, handle: str | None) -> Account:
    account = find_account(store, platform, handle)
    _delete_secret(location, account)
    with store.transaction():
        store.db.execute("DELETE FROM platform_accounts WHERE id = ?", [account.id])
    return account
