"""The browser page as the host serves it: the fixed table of files, the headers on every
response, nothing else reachable, and the WebSocket refusing other sites' pages."""

from __future__ import annotations

import asyncio
import re
from html.parser import HTMLParser
from importlib import resources

import aiohttp
import pytest

from quizgame.live.page import FILES, HEADERS

WEB = resources.files("quizgame") / "web"


async def raw_get(port: int, target: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    """One HTTP/1.1 GET with the request target exactly as written (no client tidies it)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    lines = [f"GET {target} HTTP/1.1", f"Host: 127.0.0.1:{port}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode())
    await writer.drain()
    data = await asyncio.wait_for(reader.read(), 15)
    writer.close()
    head, _, body = data.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    found = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        found[name.strip().lower()] = value.strip()
    return int(status_line.split()[1]), found, body


async def upgrade(port: int, origin: str) -> tuple[int, dict[str, str]]:
    """A WebSocket handshake from a page at `origin`: the status and headers of the reply."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    request = (
        f"GET /ws HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        f"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: {origin}\r\n\r\n"
    )
    writer.write(request.encode())
    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 15)
    writer.close()
    status_line, *lines = head.decode("latin-1").strip().split("\r\n")
    return int(status_line.split()[1]), {
        name.strip().lower(): value.strip() for name, _, value in (line.partition(":") for line in lines)
    }


def assert_safety_headers(headers: dict[str, str]) -> None:
    for name, value in HEADERS.items():
        assert headers.get(name.lower()) == value, (name, headers)
    assert "default-src 'self'" in headers["content-security-policy"]
    assert "unsafe-inline" not in headers["content-security-policy"]
    assert "unsafe-eval" not in headers["content-security-policy"]


async def test_the_page_and_each_of_its_files_with_the_headers(make_host) -> None:
    host = await make_host()
    for path, page_file in FILES.items():
        status, headers, body = await raw_get(host.server.port, path)
        assert status == 200, path
        assert headers["content-type"] == page_file.content_type
        assert body == (WEB / page_file.name).read_bytes()
        assert_safety_headers(headers)
    status, _, body = await raw_get(host.server.port, "/?x=1")
    assert status == 200 and b"<!doctype html>" in body


@pytest.mark.parametrize(
    "target",
    [
        "/index.html",
        "/join.js/",
        "//join.js",
        "/./join.js",
        "/x/../join.js",
        "/join%2Ejs",
        "/join%2ejs",
        "/../pyproject.toml",
        "/../../../../etc/passwd",
        "/%2e%2e/pyproject.toml",
        "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/..%2f..%2fetc%2fpasswd",
        "/%252e%252e/etc/passwd",
        "/..\\..\\etc\\passwd",
        "/web/",
        "/web/join.js",
        "/quizgame/web/join.js",
        "/live/page.py",
        "/static/",
        "/ws/..",
        "/nothing",
    ],
)
async def test_nothing_but_the_table_is_found(make_host, target: str) -> None:
    host = await make_host()
    status, headers, body = await raw_get(host.server.port, target)
    assert status == 404, (target, status, body[:200])
    assert_safety_headers(headers)  # a 404 too
    assert b"<" not in body  # no listing, no page


async def test_the_websocket_upgrade_carries_the_headers_and_origin_is_checked(make_host, connect) -> None:
    host = await make_host()
    port = host.server.port
    page_origin = f"http://127.0.0.1:{port}"
    status, headers = await upgrade(port, page_origin)
    assert status == 101
    assert_safety_headers(headers)
    student = await connect(host.url, origin=page_origin)
    welcome = await student.hello("Ann")
    assert welcome["type"] == "welcome"

    for foreign in ("http://evil.example", f"http://127.0.0.1:{port + 1}", "null", f"https://127.0.0.1:{port}.evil.example"):
        async with aiohttp.ClientSession() as http:
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await http.ws_connect(host.url, origin=foreign)
        assert refused.value.status == 403, foreign
    assert [name for name in host.classroom.connections] == ["Ann"]


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.references: list[str] = []
        self.inline_scripts: list[str] = []
        self.handlers: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("src", "href"):
            if values.get(name):
                self.references.append(values[name] or "")
        self.handlers += [name for name, _ in attrs if name.startswith("on") or name == "style"]
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline_scripts.append(data)


def test_the_page_loads_only_its_own_files_and_never_reads_text_as_markup() -> None:
    page = _Page()
    page.feed((WEB / "index.html").read_text(encoding="utf-8"))
    assert page.references and set(page.references) <= set(FILES), page.references
    assert page.inline_scripts == [] and page.handlers == []
    script = (WEB / "join.js").read_text(encoding="utf-8")
    for banned in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "setTimeout(\"", "javascript:"):
        assert banned not in script, banned
    assert "textContent" in script
    # Nothing from another host: no CDN, no web font, no address but the page's own.
    for name in ("index.html", "join.js", "join.css"):
        assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", (WEB / name).read_text(encoding="utf-8")), name
    assert "@import" not in (WEB / "join.css").read_text(encoding="utf-8")
    assert "@font-face" not in (WEB / "join.css").read_text(encoding="utf-8")


def test_the_join_form_takes_a_name_as_long_as_the_game_allows() -> None:
    from quizgame.engine.names import MAX_NAME_LENGTH

    html = (WEB / "index.html").read_text(encoding="utf-8")
    field = re.search(r'<input id="name"[^>]*>', html)
    assert field is not None
    assert re.search(r'maxlength="(\d+)"', field[0])[1] == str(MAX_NAME_LENGTH)
