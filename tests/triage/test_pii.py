"""Personal information is found and masked the way an agent and a privacy officer expect."""

from __future__ import annotations

import re

import pytest

from gonggam.triage.pii import find_pii, luhn_valid, mask_pii, rrn_valid


def _kinds(text: str) -> list[str]:
    return [kind for _start, _end, kind in find_pii(text)]


def _no_digits_left(masked: str, original_value: str) -> bool:
    return not any(group in masked for group in re.findall(r"\d{3,}", original_value))


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("제 번호는 010-1234-5678 이에요", "010-1234-5678", "phone"),
        ("01012345678로 연락주세요", "01012345678", "phone"),
        ("연락처 010 9876 5432", "010 9876 5432", "phone"),
        ("해외에서 걸면 +82 10-3456-7890 입니다", "+82 10-3456-7890", "phone"),
        ("+82-10-9876-5432 로 문자 주세요", "+82-10-9876-5432", "phone"),
        ("가게 전화 02-555-1234 로 주세요", "02-555-1234", "phone"),
        ("지역번호 031 987 6543 입니다", "031 987 6543", "phone"),
        ("인터넷전화 070-8888-1234", "070-8888-1234", "phone"),
        ("010.4567.8901 로 연락 주세요", "010.4567.8901", "phone"),
        ("주민번호 900101-1234568 입니다", "900101-1234568", "rrn"),
        ("주민등록번호 8501012345678 남겨요", "8501012345678", "rrn"),
        ("외국인등록번호 950505-5123456", "950505-5123456", "rrn"),
        ("카드번호 4111 1111 1111 1111 이에요", "4111 1111 1111 1111", "card"),
        ("5500-0000-0000-0004 카드로 결제", "5500-0000-0000-0004", "card"),
        ("아멕스 3782 822463 10005 로 결제", "3782 822463 10005", "card"),
        ("국민은행 123456-78-901234 로 환불", "123456-78-901234", "account"),
        ("신한 110-123-456789 예금주 김민수", "110-123-456789", "account"),
        ("농협 302-1234-5678-91 으로 입금", "302-1234-5678-91", "account"),
        ("카카오뱅크 3333-01-2345678", "3333-01-2345678", "account"),
        ("환불 계좌 12345678901234 입니다", "12345678901234", "account"),
        ("메일 kim.minsu@naver.com 으로 주세요", "kim.minsu@naver.com", "email"),
    ],
)
def test_each_kind_is_found_and_masked(text: str, value: str, kind: str) -> None:
    spans = find_pii(text)
    start = text.index(value)
    assert any(s <= start and start + len(value) <= e and k == kind for s, e, k in spans), spans
    masked = mask_pii(text)
    assert len(masked) == len(text)
    assert _no_digits_left(masked, value)
    assert value not in masked


@pytest.mark.parametrize(
    "text",
    [
        "서울특별시 강남구 테헤란로 123 45동 678호로 보내주세요",
        "경기도 성남시 분당구 판교역로 235, 101동 1203호",
        "부산시 해운대구 우동 1234-5번지 입니다",
        "래미안아파트 101동 1203호 문앞에 놔주세요",
        "대전 유성구 대학로 99 공학관 305호 로 보내주세요",
    ],
)
def test_addresses_are_masked_with_their_numbers(text: str) -> None:
    assert "address" in _kinds(text)
    masked = mask_pii(text)
    assert not re.search(r"\d", masked), masked


def test_labelled_rrn_with_bad_check_digit_is_still_masked() -> None:
    assert not rrn_valid("9001011234567")
    assert _kinds("주민번호 900101-1234567 확인해주세요") == ["rrn"]


def test_partly_hidden_rrn_is_masked() -> None:
    masked = mask_pii("주민번호는 900101-1****** 입니다")
    assert "900101" not in masked


def test_validators() -> None:
    assert luhn_valid("4111111111111111")
    assert not luhn_valid("4111111111111112")
    assert rrn_valid("9001011234568")
    assert not rrn_valid("9013011234568")  # month 13


@pytest.mark.parametrize(
    "text",
    [
        "주문번호 2024051200123 확인해주세요",
        "주문번호: 20240512-0012345 입니다",
        "2024-05-12에 주문했고 35,000원 결제했어요",
        "18일에 받았어요",
        "결제 오류로 3만원이 두 번 나갔어요",
        "송장번호 123456789012 조회가 안 돼요",
    ],
)
def test_order_numbers_dates_and_amounts_stay_visible(text: str) -> None:
    assert find_pii(text) == []
    assert mask_pii(text) == text


def test_masking_keeps_length_and_shape() -> None:
    text = "전화 010-1234-5678, 메일 a.b@c.co.kr"
    masked = mask_pii(text)
    assert masked == "전화 ***-****-****, 메일 *.*@*.**.**"


def test_empty_and_digit_free_text() -> None:
    assert find_pii("") == []
    assert mask_pii("배송이 늦어요") == "배송이 늦어요"


def test_long_runs_without_pii_stay_fast() -> None:
    import time

    for text in ("0" * 20_000, "a" * 20_000, "1-" * 10_000, "가" * 20_000):
        started = time.perf_counter()
        find_pii(text)
        assert time.perf_counter() - started < 1.0, text[:5]
