"""Reading real-world mail: Korean charsets, encoded headers, hostile HTML, quotes, attachments."""

from __future__ import annotations

import base64
from email import policy
from email.message import EmailMessage
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from gonggam.app import create_app
from gonggam.channels.email.inbound import receive
from gonggam.channels.email.models import EmailMessage as EmailRow
from gonggam.config import Settings
from gonggam.conversations.models import Conversation, Message
from tests.conftest import API_TOKEN

REFUND = "환불 요청합니다. 상품이 파손되어 도착했어요. 빠른 처리 부탁드립니다."


def legacy_mail(body: str, charset: str, *, subject_header: str, from_header: str) -> bytes:
    """A message as older Korean webmail sends it: 8-bit body in a legacy charset."""
    head = (
        f"From: {from_header}\r\n"
        "To: help@desk.example\r\n"
        f"Subject: {subject_header}\r\n"
        f"Message-ID: <legacy-{charset}@hanmail.example>\r\n"
        "MIME-Version: 1.0\r\n"
        f"Content-Type: text/plain; charset={charset}\r\n"
        "Content-Transfer-Encoding: 8bit\r\n\r\n"
    )
    return head.encode("ascii") + body.encode(charset if charset != "ks_c_5601-1987" else "cp949")


def encoded_word(text: str, charset: str) -> str:
    return f"=?{charset}?B?{base64.b64encode(text.encode(charset)).decode()}?="


def stored(factory: sessionmaker[Session], message_id: int) -> tuple[Message, EmailRow]:
    with factory() as session:
        return session.get_one(Message, message_id), session.get_one(EmailRow, message_id)


def test_euc_kr_body_and_encoded_korean_subject_and_name(
    factory: sessionmaker[Session], email_settings: Settings
) -> None:
    raw = legacy_mail(
        REFUND,
        "euc-kr",
        subject_header=encoded_word("[긴급] 파손 상품 환불 요청", "euc-kr"),
        from_header=f"{encoded_word('박서준', 'euc-kr')} <seojun@hanmail.example>",
    )
    result = receive(factory, raw, settings=email_settings).result
    message, details = stored(factory, result.message_id)
    assert message.text == REFUND
    assert details.subject == "[긴급] 파손 상품 환불 요청"
    with factory() as session:
        conversation = session.get_one(Conversation, result.conversation_id)
        assert conversation.subject == "[긴급] 파손 상품 환불 요청"
        assert conversation.customer.name == "박서준"


def test_cp949_only_syllables_and_outlook_charset_label(
    factory: sessionmaker[Session], email_settings: Settings
) -> None:
    # 똠/햏/뷁 exist in CP949 but not in EUC-KR; Outlook labels CP949 "ks_c_5601-1987".
    body = "똠양꿍 밀키트 주문했는데 뷁 소리가 절로 나네요 햏... 소스가 다 샜어요"
    raw = legacy_mail(
        body,
        "ks_c_5601-1987",
        subject_header=encoded_word("밀키트 포장 불량", "cp949"),
        from_header="choi@outlook.example",
    )
    message, details = stored(
        factory, receive(factory, raw, settings=email_settings).result.message_id
    )
    assert message.text == body
    assert details.subject == "밀키트 포장 불량"


def test_iso_2022_kr_and_a_wrong_charset_label_still_read(
    factory: sessionmaker[Session], email_settings: Settings
) -> None:
    raw = legacy_mail(REFUND, "iso2022_kr", subject_header="refund", from_header="a@b.example")
    raw = raw.replace(b"charset=iso2022_kr", b"charset=ISO-2022-KR")
    message, _ = stored(factory, receive(factory, raw, settings=email_settings).result.message_id)
    assert message.text == REFUND
    # Labelled Latin-1 but really UTF-8: read as UTF-8 rather than as mojibake.
    mislabelled = legacy_mail(REFUND, "utf-8", subject_header="x", from_header="c@d.example")
    mislabelled = mislabelled.replace(b"charset=utf-8", b"charset=unknown-8bit").replace(
        b"<legacy-utf-8@", b"<legacy-unknown@"
    )
    message, _ = stored(
        factory, receive(factory, mislabelled, settings=email_settings).result.message_id
    )
    assert message.text == REFUND


HOSTILE_HTML = """<html><head><style>body{display:none}</style>
<script>fetch('/api/v1/users').then(r=>r.text()).then(t=>alert(t))</script></head>
<body><p>결제가 두 번 됐어요. 확인 부탁드립니다.</p>
<img src=x onerror="alert('xss')">
<svg><script>alert(1)</script><a xlink:href="javascript:alert(2)">사진</a></svg>
<a href="javascript:alert(3)">영수증 보기</a>
</body></html>"""


def test_hostile_html_mail_is_stored_and_shown_inert(
    factory: sessionmaker[Session], email_settings: Settings, api: TestClient
) -> None:
    message = EmailMessage()
    message["From"] = "이도윤 <doyun@mail.example>"
    message["To"] = "help@desk.example"
    message["Subject"] = "이중 결제"
    message["Message-ID"] = "<hostile-1@mail.example>"
    message.set_content(HOSTILE_HTML, subtype="html")
    result = receive(factory, message.as_bytes(policy=policy.SMTP), settings=email_settings).result
    row, _ = stored(factory, result.message_id)
    # No text part: readable text comes from the HTML, without the script or the style.
    assert row.text.startswith("결제가 두 번 됐어요. 확인 부탁드립니다.")
    assert "alert" not in row.text and "display" not in row.text
    assert row.html is not None
    for dangerous in ("<script", "onerror", "<svg", "javascript:", "<style"):
        assert dangerous not in row.html.lower()
    assert "결제가 두 번 됐어요" in row.html

    page = api.get(f"/conversations/{result.conversation_id}")
    assert page.status_code == 200
    assert "결제가 두 번 됐어요" in page.text
    for dangerous in ("<script>fetch", "<script>alert", "onerror=", "<svg"):
        assert dangerous not in page.text


def test_quoted_history_is_trimmed_for_triage_and_kept_whole(
    factory: sessionmaker[Session], email_settings: Settings
) -> None:
    body = (
        "답변 감사합니다. 그런데 아직 환불이 안 들어왔어요. 언제 들어오나요?\n\n"
        "2026년 11월 20일 (목) 오후 3:12, 공감 고객센터 <help@desk.example>님이 작성:\n"
        "> 안녕하세요, 고객님. 환불은 영업일 기준 3일 이내 처리됩니다.\n"
        "> 감사합니다.\n"
    )
    message = EmailMessage()
    message["From"] = "seo@mail.example"
    message["To"] = "help@desk.example"
    message["Subject"] = "Re: 환불 문의"
    message["Message-ID"] = "<quoted-1@mail.example>"
    message.set_content(body)
    result = receive(factory, message.as_bytes(), settings=email_settings).result
    row, details = stored(factory, result.message_id)
    assert row.text == "답변 감사합니다. 그런데 아직 환불이 안 들어왔어요. 언제 들어오나요?"
    assert details.body_text is not None and "영업일 기준 3일" in details.body_text


def test_attachments_are_kept_and_an_oversized_one_is_skipped(
    factory: sessionmaker[Session], email_settings: Settings, tmp_path: Path
) -> None:
    message = EmailMessage()
    message["From"] = "han@mail.example"
    message["To"] = "help@desk.example"
    message["Subject"] = "불량 사진 보냅니다"
    message["Message-ID"] = "<attach-1@mail.example>"
    message.set_content("제품 사진이랑 동영상 첨부합니다. 확인해 주세요.")
    photo = b"\xff\xd8\xff\xe0" + b"jpeg bytes " * 100
    message.add_attachment(photo, maintype="image", subtype="jpeg", filename="../../불량 사진.jpg")
    video = bytes(300_000)  # over the 200 kB per-attachment limit of these settings
    message.add_attachment(video, maintype="video", subtype="mp4", filename="영상.mp4")
    result = receive(factory, message.as_bytes(), settings=email_settings).result

    row, _ = stored(factory, result.message_id)
    assert row.text == "제품 사진이랑 동영상 첨부합니다. 확인해 주세요."
    kept, skipped = row.attachments
    assert kept["filename"] == "../../불량 사진.jpg"  # as given, for people to read
    assert kept["content_type"] == "image/jpeg" and kept["size"] == len(photo)
    # Stored under a generated name inside the folder, never under the customer's name.
    path = Path(email_settings.attachments_dir) / kept["stored_name"]
    assert path.resolve().is_relative_to(Path(email_settings.attachments_dir).resolve())
    assert path.read_bytes() == photo
    assert "불량" not in kept["stored_name"] and ".." not in kept["stored_name"]
    assert skipped == {
        "filename": "영상.mp4",
        "content_type": "video/mp4",
        "size": 300_000,
        "skipped": "attachment_too_large",
    }
    del tmp_path

    # Agents download the kept file (never rendered inline) and see why the other was not kept.
    with TestClient(
        create_app(email_settings), headers={"Authorization": f"Bearer {API_TOKEN}"}
    ) as desk:
        page = desk.get(f"/conversations/{result.conversation_id}", params={"lang": "ko"})
        assert "너무 커서 저장하지 않음" in page.text
        download = desk.get(f"/messages/{result.message_id}/attachments/0")
        assert download.status_code == 200
        assert download.content == photo
        assert download.headers["content-type"] == "application/octet-stream"
        assert download.headers["content-disposition"].startswith("attachment;")
        assert desk.get(f"/messages/{result.message_id}/attachments/1").status_code == 404
