"""Mail threads: replies land in their conversation, answers go out threaded, no mail loops."""

from __future__ import annotations

from datetime import timedelta
from email import policy
from email.message import EmailMessage

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from gonggam.channels import outbox
from gonggam.channels.email.inbound import receive
from gonggam.channels.email.outbound import send_with
from gonggam.channels.models import Delivery
from gonggam.config import Settings
from gonggam.conversations.models import Conversation, Message
from gonggam.kit.clock import utcnow
from gonggam.routing.announce import wait_sentence
from gonggam.routing.waittime import WaitEstimate
from tests.channels.email.conftest import Relay

CUSTOMER = "정하은 <haeun@mail.example>"
FIRST = "어제 주문한 커피머신이 전원이 안 켜져요. 교환 가능한가요?"
REPLY = (
    "불편을 드려 죄송합니다. 새 제품으로 바로 교환해 드리겠습니다. 회수 기사님이 내일 방문합니다."
)


def customer_mail(
    text: str,
    message_id: str,
    *,
    subject: str = "커피머신 불량",
    sender: str = CUSTOMER,
    **headers: str,
) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "help@desk.example"
    message["Subject"] = subject
    message["Message-ID"] = message_id
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(text)
    return message.as_bytes(policy=policy.SMTP)


def plain(message: EmailMessage) -> str:
    body = message.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def open_second_conversation(factory: sessionmaker[Session], like: int) -> int:
    """A newer open conversation of the same customer (e.g. started on chat)."""
    with factory() as session:
        first = session.get_one(Conversation, like)
        newer = Conversation(customer_id=first.customer_id, channel="chat", status="open")
        session.add(newer)
        session.commit()
        return newer.id


def deliver(factory: sessionmaker[Session], settings: Settings, *, at: timedelta) -> int:
    return outbox.deliver_due(factory, now=utcnow() + at, senders={"email": send_with(settings)})


def relay_settings(settings: Settings, port: int) -> Settings:
    return settings.model_copy(update={"smtp_host": "127.0.0.1", "smtp_port": port})


def test_a_reply_by_in_reply_to_finds_its_conversation(
    factory: sessionmaker[Session], email_settings: Settings
) -> None:
    first = receive(factory, customer_mail(FIRST, "<cm-1@mail.example>"), settings=email_settings)
    newer = open_second_conversation(factory, first.result.conversation_id)
    # Without headers the customer's newest open conversation would take it.
    follow_up = customer_mail(
        "사진 첨부가 안 돼서 모델명만 적어요: CM-2200",
        "<cm-2@mail.example>",
        subject="Re: 커피머신 불량",
        In_Reply_To="<cm-1@mail.example>",
        References="<cm-1@mail.example>",
    )
    second = receive(factory, follow_up, settings=email_settings)
    assert second.result.conversation_id == first.result.conversation_id != newer


def test_the_subject_token_threads_when_headers_are_gone(
    factory: sessionmaker[Session], email_settings: Settings
) -> None:
    first = receive(factory, customer_mail(FIRST, "<cm-1@mail.example>"), settings=email_settings)
    conversation_id = first.result.conversation_id
    open_second_conversation(factory, conversation_id)
    forwarded = customer_mail(
        "지난번 문의 건 아직 답이 없어서 다시 보냅니다",
        "<cm-3@other-client.example>",
        subject=f"FW: Re: 커피머신 불량 [#{conversation_id}]",
    )
    again = receive(factory, forwarded, settings=email_settings)
    assert again.result.conversation_id == conversation_id


def test_a_token_for_someone_elses_conversation_is_ignored(
    factory: sessionmaker[Session], email_settings: Settings
) -> None:
    first = receive(factory, customer_mail(FIRST, "<cm-1@mail.example>"), settings=email_settings)
    stranger = customer_mail(
        "이 문의 내용 좀 보여주세요",
        "<x-1@evil.example>",
        subject=f"Re: [#{first.result.conversation_id}]",
        sender="someone@evil.example",
    )
    other = receive(factory, stranger, settings=email_settings)
    assert other.result.conversation_id != first.result.conversation_id


def test_reply_goes_out_threaded_and_the_answer_to_it_comes_back(
    factory: sessionmaker[Session],
    email_settings: Settings,
    api: TestClient,
    relay: tuple[Relay, int],
) -> None:
    sink, port = relay
    settings = relay_settings(email_settings, port)
    first = receive(factory, customer_mail(FIRST, "<cm-1@mail.example>"), settings=settings)
    conversation_id = first.result.conversation_id
    assert first.acknowledged
    answered = api.post(f"/api/v1/conversations/{conversation_id}/reply", json={"text": REPLY})
    assert answered.status_code == 201, answered.text
    assert deliver(factory, settings, at=timedelta(0)) == 2

    acknowledgement, reply = sink.received
    assert acknowledgement["Auto-Submitted"] == "auto-replied"
    told = plain(acknowledgement)
    assert f"문의 번호는 #{conversation_id}입니다" in told
    # The estimate in seconds is unknown today, so nothing is said about time.
    assert "예상 대기 시간" not in told
    assert reply["Auto-Submitted"] is None
    assert reply["To"] == "haeun@mail.example"
    assert reply["Subject"] == f"Re: 커피머신 불량 [#{conversation_id}]"
    assert reply["In-Reply-To"] == "<cm-1@mail.example>"
    assert reply["References"] == "<cm-1@mail.example>"
    assert plain(reply).strip() == REPLY
    assert sink.envelopes[1] == ("help@desk.example", ["haeun@mail.example"])

    # The customer's client answers our reply: it threads by our Message-ID.
    open_second_conversation(factory, conversation_id)
    answer = customer_mail(
        "네 내일 오전에 집에 있을게요",
        "<cm-4@mail.example>",
        subject=str(reply["Subject"]),
        In_Reply_To=str(reply["Message-ID"]),
    )
    came_back = receive(factory, answer, settings=settings)
    assert came_back.result.conversation_id == conversation_id
    assert not came_back.acknowledged  # not the first mail of the conversation


def test_a_temporary_relay_failure_is_retried_and_a_5xx_is_final(
    factory: sessionmaker[Session],
    email_settings: Settings,
    api: TestClient,
    relay: tuple[Relay, int],
) -> None:
    sink, port = relay
    settings = relay_settings(email_settings, port).model_copy(
        update={"email_acknowledgements_per_hour": 0}
    )
    first = receive(factory, customer_mail(FIRST, "<cm-1@mail.example>"), settings=settings)
    conversation_id = first.result.conversation_id
    api.post(f"/api/v1/conversations/{conversation_id}/reply", json={"text": REPLY})

    sink.refusals.append("451 4.7.1 Greylisted, please try again later")
    assert deliver(factory, settings, at=timedelta(0)) == 0
    with factory() as session:
        delivery = session.scalars(select(Delivery)).one()
        assert (delivery.status, delivery.attempts) == ("queued", 1)
        assert delivery.last_error is not None and "451" in delivery.last_error
    assert deliver(factory, settings, at=timedelta(minutes=5)) == 1
    assert len(sink.received) == 1

    api.post(f"/api/v1/conversations/{conversation_id}/reply", json={"text": "추가 안내드립니다."})
    sink.refusals.append("550 5.1.1 No such user here")
    assert deliver(factory, settings, at=timedelta(minutes=5)) == 0
    failed = api.get("/api/v1/outbox", params={"status": "failed"}).json()["items"]
    assert len(failed) == 1 and "550" in failed[0]["last_error"]


def test_an_autoresponder_is_stored_but_never_answered(
    factory: sessionmaker[Session], email_settings: Settings
) -> None:
    first = receive(factory, customer_mail(FIRST, "<cm-1@mail.example>"), settings=email_settings)
    assert first.acknowledged
    with factory() as session:
        acknowledgement = session.scalars(select(Message).where(Message.direction == "out")).one()
    # The customer's out-of-office answers our acknowledgement.
    out_of_office = customer_mail(
        "부재중입니다. 11월 30일에 복귀합니다.",
        "<ooo-1@mail.example>",
        subject="자동 회신: 커피머신 불량",
        Auto_Submitted="auto-replied",
        In_Reply_To=f"<gonggam.{first.result.conversation_id}.{acknowledgement.id}.x@desk>",
    )
    auto = receive(factory, out_of_office, settings=email_settings)
    assert auto.automatic == "auto" and not auto.acknowledged
    # A newsletter from a new address: stored in its own conversation, marked, not answered.
    newsletter = customer_mail(
        "11월 특가 안내",
        "<news-1@shop.example>",
        sender="news@shop.example",
        Precedence="bulk",
        List_Id="<news.shop.example>",
    )
    bulk = receive(factory, newsletter, settings=email_settings)
    assert bulk.automatic == "bulk" and not bulk.acknowledged
    with factory() as session:
        assert session.scalars(select(Delivery)).all().__len__() == 1  # the first acknowledgement
        conversation = session.get_one(Conversation, bulk.result.conversation_id)
        assert conversation.tags == ["bulk"]
        texts = list(session.scalars(select(Message.text).where(Message.direction == "in")))
    assert "부재중입니다. 11월 30일에 복귀합니다." in texts


def test_acknowledgements_are_rate_limited_per_address(
    factory: sessionmaker[Session], email_settings: Settings, api: TestClient
) -> None:
    settings = email_settings.model_copy(update={"email_acknowledgements_per_hour": 1})
    first = receive(factory, customer_mail(FIRST, "<cm-1@mail.example>"), settings=settings)
    assert first.acknowledged
    closed = api.post(
        f"/api/v1/conversations/{first.result.conversation_id}/status", json={"status": "closed"}
    )
    assert closed.status_code == 200, closed.text
    # Even naming the closed conversation in the subject starts a new one.
    again = receive(
        factory,
        customer_mail(
            "하나 더 문의드려요",
            "<cm-9@mail.example>",
            subject=f"Re: 커피머신 불량 [#{first.result.conversation_id}]",
        ),
        settings=settings,
    )
    assert again.result.conversation_id != first.result.conversation_id
    assert not again.acknowledged


def test_the_wait_is_said_only_when_it_is_known() -> None:
    assert wait_sentence(WaitEstimate(position=3, estimated_wait_seconds=420)) == (
        "현재 대기 순서는 3번째입니다. 예상 대기 시간은 약 7분입니다."
    )
    assert wait_sentence(WaitEstimate(position=1, estimated_wait_seconds=None)) == (
        "현재 대기 순서는 1번째입니다."
    )
    assert wait_sentence(WaitEstimate(position=None, estimated_wait_seconds=None)) == ""


def test_an_out_of_office_reply_does_not_reopen_a_resolved_conversation(
    api: TestClient, factory: sessionmaker[Session], email_settings: Settings
) -> None:
    first = receive(factory, customer_mail(FIRST, "<cm-9@mail.example>"), settings=email_settings)
    conversation_id = first.result.conversation_id
    api.post(f"/api/v1/conversations/{conversation_id}/reply", json={"text": REPLY})
    api.post(f"/api/v1/conversations/{conversation_id}/status", json={"status": "resolved"})
    out_of_office = customer_mail(
        "부재중입니다. 12월 2일에 복귀합니다.",
        "<ooo-9@mail.example>",
        subject="자동 회신: 커피머신 불량",
        Auto_Submitted="auto-replied",
    )
    receive(factory, out_of_office, settings=email_settings)
    detail = api.get(f"/api/v1/conversations/{conversation_id}").json()
    assert detail["status"] == "resolved"
    assert "부재중입니다. 12월 2일에 복귀합니다." in [m["text"] for m in detail["messages"]]
    # The customer writing for real still re-opens it.
    receive(
        factory,
        customer_mail("교환 기사님이 아직 안 오셨어요.", "<cm-10@mail.example>"),
        settings=email_settings,
    )
    assert api.get(f"/api/v1/conversations/{conversation_id}").json()["status"] == "open"


def test_the_acknowledgements_wait_is_recorded_for_the_accuracy_report(
    factory: sessionmaker[Session], email_settings: Settings
) -> None:
    from gonggam.routing.models import WaitAnnouncement

    first = receive(factory, customer_mail(FIRST, "<cm-20@mail.example>"), settings=email_settings)
    assert first.acknowledged
    with factory() as session:
        told = session.scalars(select(WaitAnnouncement)).one()
    assert told.conversation_id == first.result.conversation_id
    assert told.channel == "email" and told.position == 1
