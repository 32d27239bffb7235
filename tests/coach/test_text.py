"""The shared Kiwi pass: long replies analysed sentence by sentence read the same."""

from __future__ import annotations

import re

from gonggam.coach.patterns import for_text, rx
from gonggam.coach.text import analyze, tokenize
from gonggam.kit.korean import get_kiwi

LONG_REPLY = (
    "고객님, 어제 저녁 주문에서 카드 결제가 두 번 승인된 것은 저희 결제 처리 오류입니다. "
    "이번 달 생활비가 묶이셔서 많이 답답하셨겠어요.\n"
    "지금 결제 담당자가 최우선으로 중복 승인 건을 취소하고 있고, 오늘 오후 6시까지 취소를 "
    "마치겠습니다! 카드사 반영에는 1~2일이 걸릴 수 있어, 그동안 필요하시면 같은 금액을 "
    "적립금으로 먼저 넣어 드릴 수 있습니다. 취소가 반영되면 제가 직접 다시 연락드려 "
    "확인하겠습니다. 바로 알려 주셔서 감사합니다. "
) * 3


def test_a_long_reply_is_read_as_one_kiwi_call_would_read_it() -> None:
    assert len(LONG_REPLY) > 400
    whole = [(t.form, t.tag, t.start, t.start + t.len) for t in get_kiwi().tokenize(LONG_REPLY)]
    assert list(tokenize(LONG_REPLY)) == whole


def test_offsets_of_a_long_reply_point_at_the_words_in_the_text() -> None:
    analyzed = analyze(LONG_REPLY)
    spans = [LONG_REPLY[start:end] for form, tag, start, end in analyzed.morphemes if tag == "NNG"]
    assert "생활비" in spans and "적립금" in spans
    assert analyzed.felt and all(LONG_REPLY[s:e].startswith("답답") for s, e in analyzed.felt)


def test_english_only_text_skips_kiwi() -> None:
    assert tokenize("Your refund was sent twice; we reversed the second charge today.") == ()


def test_a_sentence_read_before_is_placed_where_it_stands_now() -> None:
    sentence = "배송이 사흘이나 늦어져서 정말 죄송합니다."
    first = tokenize(sentence)
    text = "주문하신 의자 건입니다. " + sentence + " " + sentence
    morphemes = tokenize(text)
    found = [start for form, _, start, _ in morphemes if form == "사흘"]
    assert found == [text.index("사흘"), text.rindex("사흘")]
    assert [m[:2] for m in first] == [m[:2] for m in morphemes[-len(first) :]]


def test_a_korean_reply_is_searched_with_the_korean_half_of_a_cue() -> None:
    cue = rx(r"(카드|PC ?웹)(로|에서) 결제|\bpaid (by|with) card\b|\d+ ?%")
    korean = "PC웹 말고 휴대폰 카드로 결제하시면 10% 할인됩니다."
    hangul_only = "휴대폰 카드로 결제하시면 10 % 할인됩니다."
    assert for_text(cue, korean) is cue  # Latin letters present: the whole cue
    half = for_text(cue, hangul_only)
    assert "paid" not in half.pattern and "PC" in half.pattern
    assert [m.group() for m in half.finditer(hangul_only)] == [
        m.group() for m in cue.finditer(hangul_only)
    ]
    assert re.compile(half.pattern, half.flags).search("PAID BY CARD") is None
