"""SHA-256, for seeds and pack hashes, without hashlib's start-up cost.

hashlib loads OpenSSL when it is imported (about 1.5 ms, on the way to the first question);
CPython's own SHA-256 gives the same digests. hashlib remains the fallback elsewhere.
"""

from __future__ import annotations

try:
    from _sha256 import sha256  # CPython 3.11
except ImportError:  # pragma: no cover - depends on the Python running the tests
    try:
        from _sha2 import sha256  # type: ignore[import-not-found, no-redef]  # CPython 3.12+
    except ImportError:
        from hashlib import sha256  # type: ignore[assignment]

__all__ = ["sha256"]
