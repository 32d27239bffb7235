"""Webhook signatures: `X-Gonggam-Signature: sha256=<hex HMAC-SHA256 of the raw body>`.

The same header signs what gonggam sends to a provider, so the provider can verify us.
"""

from __future__ import annotations

import hashlib
import hmac

SIGNATURE_HEADER = "X-Gonggam-Signature"
_PREFIX = "sha256="


def sign(secret: str, body: bytes) -> str:
    """The header value for `body`."""
    return _PREFIX + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def signature_problem(secret: str | None, body: bytes, header: str | None) -> str | None:
    """None when `header` signs `body` with `secret`; otherwise what is wrong, for the 401."""
    if not header:
        return f"missing {SIGNATURE_HEADER} header (sha256=<hex HMAC-SHA256 of the body>)"
    if not header.startswith(_PREFIX):
        return f"{SIGNATURE_HEADER} must start with 'sha256='"
    if not secret:
        return "this channel has no secret configured; it cannot accept signed webhooks"
    # Constant-time, so the comparison does not leak how much of a forged signature matched.
    if not hmac.compare_digest(sign(secret, body).encode(), header.strip().encode()):
        return f"{SIGNATURE_HEADER} does not match the body (wrong secret or altered body)"
    return None
