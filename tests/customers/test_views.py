"""Merging from the customer card on the conversation page, and undoing it there."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.helpers import post_message
from tests.web.test_views import HANJIWOO, api, client, sign_in

__all__ = ["api", "client"]


def test_agent_merges_a_suggested_customer_from_the_card_and_undoes_it(
    client: TestClient, api: TestClient
) -> None:
    token = sign_in(client)
    page = client.get(f"/conversations/{HANJIWOO}").text
    assert "같은 고객일 수 있어요" in page
    customer_id = int(re.search(r'action="/customers/(\d+)/merge"', page).group(1))  # type: ignore[union-attr]
    other = post_message(
        api,
        "지난번 결제 건 아직 확인 중인가요?",
        channel="kakao",
        external_id="jw-kakao",
        name="한지우",
    )
    page = client.get(f"/conversations/{HANJIWOO}").text
    assert "이름이 같음" in page
    assert f'name="other_id" value="{other["customer_id"]}"' in page

    merged = client.post(
        f"/customers/{customer_id}/merge",
        data={"other_id": other["customer_id"], "back": HANJIWOO, "csrf_token": token},
        follow_redirects=False,
    )
    assert merged.status_code == 303
    page = client.get(f"/conversations/{HANJIWOO}").text
    assert "지난번 결제 건 아직 확인 중인가요?" in page  # the kakao message joined the timeline
    assert f"고객 #{other['customer_id']}을 합침" in page
    merge_id = re.search(r'action="/customers/merges/(\d+)/undo"', page).group(1)  # type: ignore[union-attr]

    undone = client.post(
        f"/customers/merges/{merge_id}/undo",
        data={"back": HANJIWOO, "csrf_token": token},
        follow_redirects=False,
    )
    assert undone.status_code == 303
    page = client.get(f"/conversations/{HANJIWOO}").text
    assert "지난번 결제 건 아직 확인 중인가요?" not in page
    assert "(되돌림)" in page

    refused = client.post(
        f"/customers/{customer_id}/merge",
        data={"other_id": other["customer_id"], "back": HANJIWOO},
        follow_redirects=False,
    )
    assert refused.status_code == 403  # no CSRF token
