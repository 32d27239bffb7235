"""Twilio's request signature: base64 HMAC-SHA1 of the URL followed by the sorted parameters."""

from __future__ import annotations

import base64
import hashlib
import hmac

TWILIO_HEADER = "X-Twilio-Signature"


def twilio_signature(auth_token: str, url: str, params: list[tuple[str, str]]) -> str:
    """The signature Twilio sends for a POST of `params` to `url`."""
    payload = url + "".join(key + value for key, value in sorted(params))
    digest = hmac.new(auth_token.encode(), payload.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def twilio_problem(
    auth_token: str | None, url: str, params: list[tuple[str, str]], header: str | None
) -> str | None:
    """None when the request is Twilio's (signed with `auth_token`); otherwise why not."""
    if not header:
        return f"missing {TWILIO_HEADER} header: unsigned voice requests are refused"
    if not auth_token:
        return "the voice channel has no secret (Twilio auth token) configured"
    expected = twilio_signature(auth_token, url, params)
    if not hmac.compare_digest(expected.encode(), header.strip().encode()):
        return f"{TWILIO_HEADER} does not match (wrong auth token or public URL)"
    return None
