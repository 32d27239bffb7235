"""The admins' outbox page: what is waiting, what went out, what failed and why."""

from __future__ import annotations

from email.message import EmailMessage

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from gonggam.channels import outbox
from gonggam.channels.email.inbound import receive
from gonggam.channels.email.outbound import send_with
from gonggam.config import Settings
from tests.conftest import free_port
from tests.helpers import make_user


def test_admins_see_a_reply_waiting_for_an_unreachable_relay(
    factory: sessionmaker[Session], email_settings: Settings, api: TestClient
) -> None:
    # Nothing listens on this port: the relay is down.
    settings = email_settings.model_copy(
        update={
            "smtp_host": "127.0.0.1",
            "smtp_port": free_port(),
            "email_acknowledgements_per_hour": 0,
        }
    )
    mail = EmailMessage()
    mail["From"] = "윤채원 <chaewon@mail.example>"
    mail["To"] = "help@desk.example"
    mail["Subject"] = "쿠폰 적용 오류"
    mail["Message-ID"] = "<coupon-1@mail.example>"
    mail.set_content("쿠폰 코드 넣으면 계속 유효하지 않다고 나와요")
    conversation_id = receive(factory, mail.as_bytes(), settings=settings).result.conversation_id
    api.post(
        f"/api/v1/conversations/{conversation_id}/reply",
        json={"text": "확인해 보니 쿠폰 기간이 어제까지였습니다. 새 쿠폰을 발급해 드렸습니다."},
    )
    assert outbox.deliver_due(factory, senders={"email": send_with(settings)}) == 0

    page = api.get("/admin/outbox", params={"lang": "ko"})
    assert page.status_code == 200
    assert f"#{conversation_id}" in page.text
    assert "대기 중" in page.text
    assert "SMTP relay unreachable" in page.text
    assert "발송함" in page.text

    failed_only = api.get("/admin/outbox", params={"status": "failed"})
    assert f"#{conversation_id}" not in failed_only.text

    agent = make_user(api, "agent7@desk.kr", "agent")
    refused = api.get("/admin/outbox", headers={"Authorization": f"Bearer {agent}"})
    assert refused.status_code == 403
