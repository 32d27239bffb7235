"""Signed widget identities: what a host site signs is accepted, anything else is refused."""

from __future__ import annotations

import base64
import json
from datetime import timedelta

import pytest

from gonggam.channels.chat.token import TokenRefused, sign, verify
from gonggam.kit.clock import utcnow

SECRET = "host-site-secret"


def later(minutes: int = 10) -> int:
    return int((utcnow() + timedelta(minutes=minutes)).timestamp())


def test_a_signed_token_round_trips_with_korean_names() -> None:
    token = sign(SECRET, external_id="u-42", expires_at=later(), name="정다은", email="d@e.kr")
    who = verify(SECRET, token)
    assert (who.external_id, who.name, who.email, who.phone) == ("u-42", "정다은", "d@e.kr", None)


@pytest.mark.parametrize(
    ("secret", "token", "reason"),
    [
        (None, sign(SECRET, external_id="u", expires_at=later()), "GONGGAM_WIDGET_SECRET unset"),
        (SECRET, sign("other", external_id="u", expires_at=later()), "bad signature"),
        (SECRET, sign(SECRET, external_id="u", expires_at=later(-1)), "token expired"),
        (SECRET, "a.b.c", "malformed token"),
        (SECRET, "", "malformed token"),
    ],
    ids=["no-secret", "forged", "expired", "three-parts", "empty"],
)
def test_untrusted_tokens_are_refused_with_the_reason(
    secret: str | None, token: str, reason: str
) -> None:
    with pytest.raises(TokenRefused, match=reason):
        verify(secret, token)


def test_a_payload_changed_after_signing_is_refused() -> None:
    token = sign(SECRET, external_id="u-1", expires_at=later(), email="me@example.kr")
    body, signature = token.split(".")
    payload = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    payload["email"] = "victim@example.kr"
    forged = base64.urlsafe_b64encode(json.dumps(payload).encode()).rstrip(b"=").decode()
    with pytest.raises(TokenRefused, match="bad signature"):
        verify(SECRET, f"{forged}.{signature}")
