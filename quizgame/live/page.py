"""The browser join page on the host's own port: its files, from a fixed table, and the
security headers on every response.

The page's files ship inside the package (quizgame/web) and are read once, when the
application is made. A request's path is only ever a key into that table: it never reaches
the file system, so `..`, its encoded forms and any other path simply find nothing (404).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from aiohttp import web

# Everything the page loads comes from the host itself; no inline script, no eval.
HEADERS = {
    "Content-Security-Policy": "default-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


@dataclass(frozen=True)
class PageFile:
    name: str  # in quizgame/web
    content_type: str


# URL path -> the file it serves. The whole of what the page is.
FILES: dict[str, PageFile] = {
    "/": PageFile("index.html", "text/html; charset=utf-8"),
    "/join.js": PageFile("join.js", "text/javascript; charset=utf-8"),
    "/join.css": PageFile("join.css", "text/css; charset=utf-8"),
    "/icon.svg": PageFile("icon.svg", "image/svg+xml"),
}


def page_files() -> dict[str, tuple[bytes, str]]:
    """URL path -> (the file's bytes, its content type), read from the package."""
    folder = resources.files("quizgame") / "web"
    return {path: ((folder / f.name).read_bytes(), f.content_type) for path, f in FILES.items()}


async def _add_headers(request: web.Request, response: web.StreamResponse) -> None:
    # on_response_prepare: every response, the page's, a 404 and the WebSocket's upgrade.
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)


def add_page(app: web.Application, allowed: frozenset[str]) -> None:
    """Serve the page's files at their paths on `app`, and the headers on every response.
    `allowed`: the application's other paths (the WebSocket's), matched as exactly."""
    files = page_files()
    known = frozenset(files) | allowed

    @web.middleware
    async def exact_paths(request: web.Request, handler):  # type: ignore[no-untyped-def]
        # The router matches the decoded path; this looks at the path as sent, so
        # "/join%2Ejs", "//join.js" or "/x/../join.js" are not found, as any other.
        if request.raw_path.partition("?")[0] not in known:
            raise web.HTTPNotFound(text="not found")
        return await handler(request)

    def serve(path: str):  # type: ignore[no-untyped-def]
        body, content_type = files[path]

        async def handler(request: web.Request) -> web.Response:
            return web.Response(body=body, headers={"Content-Type": content_type})

        return handler

    app.middlewares.append(exact_paths)
    app.on_response_prepare.append(_add_headers)
    for path in files:
        app.router.add_get(path, serve(path))
