"""Where students join: the addresses the projector lists, and what `join` accepts."""

from __future__ import annotations

import ipaddress
import socket

import pytest

from quizgame.live.client import Address, TokenStore, parse_address
from quizgame.live.server import bind, lan_addresses


@pytest.mark.parametrize(
    "text, address",
    [
        ("192.168.1.20", Address("192.168.1.20", 8765)),
        ("192.168.1.20:9000", Address("192.168.1.20", 9000)),
        ("classroom.local", Address("classroom.local", 8765)),
        ("[::1]", Address("::1", 8765)),
        ("[fe80::1]:9000", Address("fe80::1", 9000)),
    ],
)
def test_addresses_join_accepts(text: str, address: Address) -> None:
    assert parse_address(text) == address


@pytest.mark.parametrize("text", ["", "   ", "host:0", "host:99999", "host:http", "[::1]x", ":8765"])
def test_addresses_join_refuses_with_a_message(text: str) -> None:
    with pytest.raises(ValueError):
        parse_address(text)


def test_the_lan_addresses_are_this_machines_and_never_loopback() -> None:
    for entry in lan_addresses(8765):
        host, port = entry.rsplit(":", 1)
        assert port == "8765"
        assert not ipaddress.ip_address(host).is_loopback


def test_without_lan_the_host_listens_on_loopback_only() -> None:
    with bind(0, lan=False) as sock:
        assert sock.getsockname()[0] == "127.0.0.1"
    with bind(0, lan=True) as sock:
        assert sock.getsockname()[0] in ("::", "0.0.0.0")


def test_a_port_in_use_is_an_error_to_report() -> None:
    with bind(0, lan=False) as taken:
        with pytest.raises(OSError):
            bind(taken.getsockname()[1], lan=False)


def test_the_token_store_keeps_one_token_per_host(tmp_path) -> None:
    store = TokenStore(tmp_path / "tokens.json")
    here, there = Address("10.0.0.1", 8765), Address("10.0.0.2", 8765)
    store.put(here, "Ann", "t1")
    store.put(there, "Ann", "t2")

    assert store.get(here) == ("Ann", "t1") and store.get(there) == ("Ann", "t2")
    store.forget(here)
    assert store.get(here) is None and store.get(there) == ("Ann", "t2")
    assert (tmp_path / "tokens.json").stat().st_mode & 0o077 == 0  # private to the user
