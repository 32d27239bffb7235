"""The message catalogue and the small display helpers."""

from __future__ import annotations

from datetime import timedelta

from gonggam.kit.clock import utcnow
from gonggam.web.i18n import EN, KO, label, translate
from gonggam.web.templating import waiting_label, waiting_level


def test_every_english_key_has_a_korean_one_and_back() -> None:
    assert set(EN) == set(KO)


def test_translate_falls_back_to_korean_then_to_the_key() -> None:
    assert translate("en", "nav.inbox") == "Inbox"
    assert translate("fr", "nav.inbox") == "받은 문의함"
    assert translate("ko", "no.such.key") == "no.such.key"
    assert translate("ko", "wait.minutes", n=12) == "12분 대기"


def test_labels_show_a_dash_for_unknown_triage() -> None:
    assert label("ko", "emotion", None) == "–"
    assert label("ko", "emotion", "angry") == "분노"
    assert label("en", "channel", "kakao") == "KakaoTalk"
    assert label("ko", "channel", "line") == "line"  # unknown channels show their name


def test_waiting_time_in_words() -> None:
    now = utcnow()
    assert waiting_label("ko", None) == "답변 완료"
    assert waiting_label("ko", now - timedelta(seconds=20), now) == "방금 도착"
    assert waiting_label("ko", now - timedelta(minutes=12), now) == "12분 대기"
    assert waiting_label("ko", now - timedelta(minutes=95), now) == "1시간 35분 대기"
    assert waiting_label("ko", now - timedelta(hours=50), now) == "2일 2시간 대기"
    assert waiting_label("en", now - timedelta(minutes=12), now) == "waiting 12 min"
    assert waiting_level(now - timedelta(minutes=90)) == "hot"
    assert waiting_level(now - timedelta(minutes=3)) == "calm"
