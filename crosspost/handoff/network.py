"""This computer's IPv4 addresses on the local network, for "Send to phone" to listen on one of them.

Standard library only (no Qt networking in the installers): the addresses the host name resolves to,
plus the one the system would use for its default route — found by "connecting" a UDP socket, which
sends nothing. Loopback (this computer only) comes last."""

from __future__ import annotations

import ipaddress
import socket


def _default_route_address() -> str | None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed, and a UDP connect sends no packet
            address: str = s.getsockname()[0]
            return address
        except OSError:
            return None


def lan_addresses() -> list[str]:
    """Private (local-network) IPv4 addresses first, then any other non-loopback ones, then 127.0.0.1."""
    found: dict[str, None] = {}
    first = _default_route_address()
    if first:
        found[first] = None
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.setdefault(str(info[4][0]), None)
    except OSError:
        pass
    addresses = [
        a for a in found if not ipaddress.ip_address(a).is_loopback and not ipaddress.ip_address(a).is_unspecified
    ]
    addresses.sort(key=lambda a: (not ipaddress.ip_address(a).is_private, a != first))
    return addresses + ["127.0.0.1"]
