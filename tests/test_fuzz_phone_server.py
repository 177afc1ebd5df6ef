"""A bounded fuzz of Send to phone's request parsing (issue 22): the address and Range parsers called
directly, then damaged raw requests thrown at a real server on 127.0.0.1. Every request ends in an
HTTP answer or a closed connection, never a traceback, and the server keeps serving. Seeded
(hypothesis derandomized), a few seconds."""

from __future__ import annotations

import logging
import socket
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from media_files import jpeg

from crosspost.handoff.phone_server import (
    MAX_RANGE_DIGITS,
    UNSATISFIABLE,
    PhoneFile,
    PhonePayload,
    PhoneServer,
    parse_range,
    parse_target,
)

TOKEN = "Zm9vYmFyYmF6cXV4MTIzNA"
FUZZ = settings(derandomize=True, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

pieces = st.sampled_from(
    [
        "/",
        TOKEN,
        "f",
        "01.jpg",
        "cover.jpg",
        "?",
        "download=1",
        "%2e%2e",
        "..",
        "%",
        "%ff",
        "%00",
        "#",
        "//[",
        "[::1]",
        "\x00",
        "\udcff",
        "é",
        "http://x",
        "*",
    ]
)
targets = st.one_of(st.text(max_size=200), st.lists(pieces, max_size=12).map("".join))


@FUZZ
@given(targets)
def test_parse_target_never_raises_and_only_routes_the_token(target):
    routed = parse_target(target, TOKEN)
    if routed is not None:
        kind, name, download = routed
        assert target.startswith(f"/{TOKEN}/")
        assert kind in ("page", "file") and isinstance(name, str) and isinstance(download, bool)
        assert (kind == "page") == (name == "")


def test_parse_target_routes_the_real_addresses():
    assert parse_target(f"/{TOKEN}/", TOKEN) == ("page", "", False)
    assert parse_target(f"/{TOKEN}/f/01.jpg?download=1", TOKEN) == ("file", "01.jpg", True)
    assert parse_target(f"/{TOKEN}/f/%30%31.jpg", TOKEN) == ("file", "01.jpg", False)
    assert parse_target(f"//[{TOKEN}/", TOKEN) is None
    assert parse_target(f"/{TOKEN[:-1]}/", TOKEN) is None


numbers = st.one_of(st.integers(0, 10**25).map(str), st.text("0123456789", max_size=6000), st.just(""))
ranges = st.one_of(
    st.text(max_size=80),
    st.tuples(st.sampled_from(["bytes=", "bytes =", "items=", "BYTES=", " bytes="]), numbers, numbers).map(
        lambda t: f"{t[0]}{t[1]}-{t[2]}"
    ),
)


@FUZZ
@given(ranges, st.integers(1, 10**12))
def test_parse_range_never_raises_and_stays_inside_the_file(header, size):
    wanted = parse_range(header, size)
    if isinstance(wanted, tuple):
        start, end = wanted
        assert 0 <= start <= end < size
    else:
        assert wanted in (None, UNSATISFIABLE)
    digits = max((len(p) for p in header.replace("=", "-").split("-")), default=0)
    if header.startswith("bytes=") and digits > MAX_RANGE_DIGITS and header[6:].replace("-", "").isdigit():
        assert wanted == UNSATISFIABLE


REQUEST = (
    "GET /{token}/f/01.jpg HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: Mozilla/5.0 (iPhone)\r\n"
    "Range: bytes=0-99\r\nConnection: close\r\n\r\n"
)
junk = st.sampled_from(
    [b"\r\n", b"\n", b":", b" ", b"\x00", b"\xff", b"%", b"/", b"9" * 5000, b"HTTP/9.9", b"Range: bytes=-", b"\t"]
)


@st.composite
def damaged(draw, token: str):
    data = bytearray(REQUEST.format(token=token).encode())
    if draw(st.booleans()):
        data = bytearray(draw(st.sampled_from([b"GET", b"POST", b"HEAD", b"BREW", b"G\x00T", b""])) + data[3:])
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        how = draw(st.integers(0, 3))
        if how == 0:
            del data[at : at + draw(st.integers(1, 40))]
        elif how == 1:
            data[at:at] = draw(junk)
        elif how == 2:
            data[at:at] = draw(st.binary(min_size=1, max_size=30))
        else:
            del data[at:]
    return bytes(data)


def test_damaged_requests_get_an_answer_or_a_closed_connection(tmp_path, capfd, caplog):
    folder = tmp_path / "renders" / "draft-1"
    folder.mkdir(parents=True)
    photo = jpeg(folder / "01.jpg", 300, 400)
    payload = PhonePayload("t", "b", "#x", (PhoneFile("01.jpg", Path(photo), "image", folder=folder),), "RedNote")
    caplog.set_level(logging.ERROR, logger="crosspost")
    outcomes = {"answered": 0, "closed": 0}
    with PhoneServer(payload, "127.0.0.1", header_timeout=0.5) as server:

        @settings(FUZZ, max_examples=300)
        @given(damaged(server.token))
        def one(request: bytes) -> None:
            with socket.create_connection(("127.0.0.1", server.port), timeout=10) as s:
                s.sendall(request)
                try:
                    s.shutdown(socket.SHUT_WR)
                    answer = s.recv(65536)
                except (ConnectionResetError, BrokenPipeError):
                    answer = b""
            if answer:
                assert answer.startswith(b"HTTP/1."), answer[:80]
                outcomes["answered"] += 1
            else:
                outcomes["closed"] += 1

        one()
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as s:
            s.sendall(REQUEST.format(token=server.token).encode())
            assert s.recv(65536).startswith(b"HTTP/1.1 206 ")  # still serving
    out, err = capfd.readouterr()
    assert "Traceback" not in err and "Error" not in err, err
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text
    assert outcomes["answered"] > 20, outcomes  # the fuzz reaches the handler, not only the socket
