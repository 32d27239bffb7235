"""Abusive language is caught through obfuscation, and ordinary words are left alone."""

from __future__ import annotations

import pytest

from gonggam.triage.abuse import find_abuse, mask_abuse


def _kinds(text: str) -> set[str]:
    return {kind for _start, _end, kind in find_abuse(text)}


@pytest.mark.parametrize(
    ("text", "covered"),
    [
        ("시발 뭐하는 회사야", "시발"),
        ("시1발 진짜", "시1발"),
        ("씨 발 뭐하냐", "씨 발"),
        ("시.발 장난하냐", "시.발"),
        ("ㅆㅂ 또 안되네", "ㅆㅂ"),
        ("ㅅㅂ 환불해줘", "ㅅㅂ"),
        ("ㅅㅣㅂㅏㄹ 언제 와", "ㅅㅣㅂㅏㄹ"),
        ("씨바알 배송 언제 오냐고", "씨바알"),
        ("ㅈㄹ하지 말고 돈 돌려내", "ㅈㄹ"),
        ("배송 존나 빠르네요", "존나"),
        ("18놈들아 택배 어디 버렸냐", "18놈"),
        ("What the f*ck is this", "f*ck"),
        ("fuuuck this app", "fuuuck"),
        ("F U C K you", "F U C K"),
        ("this shitty service", "shit"),
        ("sh1t app", "sh1t"),
        ("tlqkf 배송 언제 와", "tlqkf"),
        ("whssk 느리네", "whssk"),
        ("ssibal what is this", "ssibal"),
        ("씨X 환불 언제 해줄건데", "씨X"),
        ("ｓｈｉｔ service", "ｓｈｉｔ"),
        ("시\u200b발 진짜", "시\u200b발"),
        ("아 씨* 또 안 오네", "씨*"),
    ],
)
def test_obfuscated_profanity(text: str, covered: str) -> None:
    spans = find_abuse(text)
    start = text.index(covered)
    assert any(s <= start < e for s, e, _kind in spans), spans
    assert "profanity" in _kinds(text) or "insult" in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "ㅂㅅ들이 일을 이따위로 하냐",
        "병1신아 환불 해달라고",
        "미친놈 아니야?",
        "이 개새끼들아",
        "상담원 따위가 뭘 알아",
        "닥쳐 그냥 책임자 바꿔",
        "You are useless idiots",
        "you morons charged me twice",
        "qudtls 같은 회사",
    ],
)
def test_insults(text: str) -> None:
    assert "insult" in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "죽여버린다 진짜",
        "너네 회사 찾아간다 기다려",
        "가만 안 둔다",
        "칼 들고 간다",
        "밤길 조심해라",
        "I will kill you",
        "I know where you live",
    ],
)
def test_threats(text: str) -> None:
    assert "threat" in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "상담원 목소리 섹시하네",
        "언니 번호 좀 줘봐",
        "같이 자고 싶다 ㅎㅎ",
        "hey sexy what are you wearing",
        "send nudes",
    ],
)
def test_sexual_harassment(text: str) -> None:
    assert "sexual" in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "시발점부터 다시 설명해 주세요",
        "수박씨 발라 먹었어요",
        "개인정보 변경은 어디서 하나요",
        "18일에 도착한다고 했는데요",
        "개발팀에 전달해 주세요",
        "발송이 늦어요",
        "병원 예약 앱이 안 열려요",
        "미친 듯이 좋아요 재구매할게요",
        "환불 안 해주면 고소하겠습니다",
        "소비자원에 신고할게요",
        "공정위에 민원 넣겠습니다",
        "I'll sue you and report this to the regulator",
        "앱이 자꾸 꺼져요",
        "화면이 꺼져",
        "배고파 죽겠네요",
        "맛이 죽여줘요",
        "칼같이 배송 왔어요",
        "요금 폭탄 맞았어요",
        "택배 박스가 박살났어요",
        "this stupid app keeps crashing",
        "아이가 졸라서 샀어요",
        "시바견 사료 주문했어요",
        "새끼손가락을 다쳤어요",
        "매장에 찾아가서 교환했어요",
        "2018년에 가입했어요",
        "class assessment schedule",
        "Please ship it to Seoul, no shipping fee",
        "I will send the shirt back, it smells of smoke",
        "my torlet is broken",
        "Shibuya store pickup",
        "사이즈 XL 있나요",
        "아저씨 x2 세트로 주문했어요",
        "엑셀 시트 x축 설정",
    ],
)
def test_ordinary_words_are_not_abuse(text: str) -> None:
    assert find_abuse(text) == []


def test_spans_point_into_the_original_text() -> None:
    text = "아 진짜 ㅅ ㅣ ㅂ ㅏ ㄹ 배송 언제 와"
    spans = find_abuse(text)
    assert len(spans) == 1
    start, end, kind = spans[0]
    assert text[start:end] == "ㅅ ㅣ ㅂ ㅏ ㄹ"
    assert kind == "profanity"


def test_mask_abuse_hides_only_the_abuse() -> None:
    text = "시1발 배송 언제 와요"
    assert mask_abuse(text) == "*** 배송 언제 와요"
    assert mask_abuse(text, [[0, 3, "profanity"]]) == "*** 배송 언제 와요"
    assert mask_abuse("배송 언제 와요") == "배송 언제 와요"
