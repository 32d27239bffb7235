"""Queue position: what a waiting customer is told about where they stand."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from gonggam.conversations.models import Conversation
from gonggam.routing.waittime import wait_for_conversation
from tests.helpers import post_message


def test_position_counts_earlier_and_more_urgent_waiting_customers(
    api: TestClient, factory: sessionmaker[Session]
) -> None:
    first = post_message(api, "배송이 언제 오는지 궁금해요", email="a@example.kr")
    second = post_message(api, "주문한 신발 배송 조회가 안 돼요", email="b@example.kr")
    urgent = post_message(
        api,
        "지금 당장 결제가 두 번 빠져나갔어요!! 오늘 안에 해결 안 되면 신고합니다",
        email="c@x.kr",
    )
    with factory() as session:
        positions = {
            key: wait_for_conversation(
                session, conversation=session.get_one(Conversation, ids["conversation_id"])
            )
            for key, ids in (("first", first), ("second", second), ("urgent", urgent))
        }
        teams = {
            key: session.get_one(Conversation, ids["conversation_id"]).team_id
            for key, ids in (("first", first), ("second", second))
        }
    assert teams["first"] == teams["second"]
    # The urgent customer goes first; the others keep their arrival order behind them.
    assert positions["urgent"].position == 1
    assert positions["first"].position == 2
    assert positions["second"].position == 3
    assert positions["first"].estimated_wait_seconds is None


def test_an_answered_conversation_is_not_queued(
    api: TestClient, factory: sessionmaker[Session]
) -> None:
    ids = post_message(api, "환불 문의드립니다", email="d@example.kr")
    reply = api.post(
        f"/api/v1/conversations/{ids['conversation_id']}/reply",
        json={"text": "환불은 오늘 오후 6시까지 처리해 드리겠습니다."},
    )
    assert reply.status_code == 201, reply.text
    with factory() as session:
        conversation = session.get_one(Conversation, ids["conversation_id"])
        assert wait_for_conversation(session, conversation=conversation).position is None
