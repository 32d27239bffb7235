"""Signed widget identity: how a host site vouches for its logged-in customer.

The host site's server signs `{"sub", "name"?, "email"?, "phone"?, "exp"}` with the desk's
widget secret (GONGGAM_WIDGET_SECRET) and hands the token to the widget:

    token = base64url(json payload) + "." + base64url(HMAC-SHA256(secret, base64url(json payload)))

`sub` is the shop's own customer id; `exp` is a Unix time in seconds. The e-mail in a valid
token counts as verified, because the host site has signed it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime

from gonggam.kit.clock import utcnow

MAX_TOKEN = 4096


class TokenRefused(ValueError):
    """A token that cannot be trusted; the message says why, for the host site's developer."""


@dataclass(frozen=True)
class WidgetIdentity:
    external_id: str
    name: str | None
    email: str | None
    phone: str | None
    expires_at: int


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signature(secret: str, body: str) -> str:
    return _b64(hmac.new(secret.encode(), body.encode("ascii"), hashlib.sha256).digest())


def sign(
    secret: str,
    *,
    external_id: str,
    expires_at: int,
    name: str | None = None,
    email: str | None = None,
    phone: str | None = None,
) -> str:
    """A token for the widget (what a host site's server does; also used by the demo page)."""
    payload: dict[str, object] = {"sub": external_id, "exp": expires_at}
    for key, value in (("name", name), ("email", email), ("phone", phone)):
        if value:
            payload[key] = value
    body = _b64(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode())
    return f"{body}.{_signature(secret, body)}"


def _optional(payload: dict[str, object], key: str) -> str | None:
    value = payload.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > 254:
        raise TokenRefused(f"'{key}' must be a short string")
    return value.strip() or None


def verify(secret: str | None, token: str, *, now: datetime | None = None) -> WidgetIdentity:
    """The identity in a valid token; raises TokenRefused with the reason otherwise."""
    if not secret:
        raise TokenRefused("this desk accepts no signed identities (GONGGAM_WIDGET_SECRET unset)")
    if len(token) > MAX_TOKEN or token.count(".") != 1:
        raise TokenRefused("malformed token")
    body, signature = token.split(".")
    if not hmac.compare_digest(_signature(secret, body), signature):
        raise TokenRefused("bad signature")
    try:
        payload = json.loads(_unb64(body))
    except (binascii.Error, ValueError) as error:
        raise TokenRefused("malformed token payload") from error
    if not isinstance(payload, dict):
        raise TokenRefused("malformed token payload")
    sub = payload.get("sub")
    exp = payload.get("exp")
    if not isinstance(sub, str) or not sub.strip() or len(sub) > 150:
        raise TokenRefused("'sub' (the site's customer id) is missing")
    if not isinstance(exp, int) or isinstance(exp, bool):
        raise TokenRefused("'exp' (expiry, Unix seconds) is missing")
    if exp <= int((now or utcnow()).timestamp()):
        raise TokenRefused("token expired")
    return WidgetIdentity(
        external_id=sub.strip(),
        name=_optional(payload, "name"),
        email=_optional(payload, "email"),
        phone=_optional(payload, "phone"),
        expires_at=exp,
    )
