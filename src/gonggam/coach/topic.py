"""What the customer's case is, named in a few words ("이중 결제", "the double charge").

Suggestions and drafts name the case. The first noun a customer writes is often not it
("안녕하세요", "어제", "twice"), so the failure itself is read first: the noun phrase around a
failure pattern ("결제가 두 번 됐어요" → "이중 결제", "배송이 안 와요" → "배송 지연",
"charged twice" → "the double charge"). Only when no failure is stated does the topic fall
back to the customer's most telling noun phrase, skipping greetings, time words and numerals.
"""

# ruff: noqa: E501, SIM905 — word lists read best as plain text; failure patterns keep one alternation group per line.

from __future__ import annotations

import re
from dataclasses import dataclass

from gonggam.coach.patterns import rx
from gonggam.coach.text import GENERIC_NOUNS, AnalyzedText, customer_specifics


@dataclass(frozen=True)
class Topic:
    """A short name for the case; `failure` when the name already says what went wrong."""

    name: str
    failure: bool


# (pattern, name) — `{0}` is the noun the pattern caught; checked in this order.
_KO_FAILURES: list[tuple[re.Pattern[str], str]] = [
    (rx(r"(두 ?번|이중|중복|2번)(으로)? ?(결제|청구|출금|승인)"), "이중 {3}"),
    (rx(r"(결제|청구|출금|승인)\S{0,3} .{0,10}(두 ?번|이중|중복|2번)"), "이중 {1}"),
    (rx(r"(돈|금액|카드값)\S{0,2} .{0,6}(두 ?번|이중|중복|2번)"), "이중 결제"),
    (rx(r"(잘못|다른) ?(상품|물건|사이즈|색상|색깔|제품|옷)"), "잘못 온 {2}"),
    (
        rx(
            r"(배송|택배|상품|주문|물건|소포|제품)\S{0,2} (아직 )?(안 ?와|안 ?옴|안 ?오|안 들어|도착 안|도착하지 않|늦|지연|오지 않|안 ?받|못 ?받)"
        ),
        "{1} 지연",
    ),
    (
        rx(
            r"([가-힣]{1,6}?)(이|가) (아직 )?(안 ?와|안 ?왔|안 ?옴|안 ?오|도착 안|도착하지 않|오지 않)"
        ),
        "{1} 배송 지연",
    ),
    (
        rx(
            r"(로그인|접속|인증)\S{0,2} .{0,4}(안 ?돼|안 ?되|안 ?됨|못 ?하|불가|막혔|막혀|오류|에러|실패)"
        ),
        "{1} 오류",
    ),
    (
        rx(
            r"(결제|이체|송금|충전|주문|출금|입금)\S{0,2} .{0,4}(안 ?돼|안 ?되|안 ?됨|실패|오류|에러|막혔|막혀|취소됐)"
        ),
        "{1} 오류",
    ),
    (
        rx(
            r"(앱|어플|사이트|홈페이지|화면|프로그램)\S{0,2} .{0,4}(안 ?열|먹통|멈춰|멈췄|튕|꺼져|꺼지|오류|에러|안 ?돼|안 ?되)"
        ),
        "{1} 오류",
    ),
    (
        rx(r"(환불|교환|반품|취소)\S{0,2} .{0,6}(아직|안 ?돼|안 ?되|처리 안|늦|지연|거절|안 ?해)"),
        "{1} 처리 지연",
    ),
    (
        rx(r"(상품|제품|물건|포장)\S{0,2} .{0,6}(파손|깨져|깨진|찢어|찢겨|불량|고장|망가)"),
        "{1} 파손",
    ),
    (rx(r"([가-힣]{1,6}?)(이|가) (깨져|깨졌|깨진|파손|찢어|찢겨|망가)"), "{1} 파손"),
    (rx(r"([가-힣]{1,6}?)(이|가) (고장|불량)"), "{1} 고장"),
]
# fmt: off
_EN_OWN = r"(my|the|our) "
_EN_FAILURES: list[tuple[re.Pattern[str], str]] = [
    (rx(r"\b(charged|billed) (me )?(twice|two times|double) for " + _EN_OWN + r"(order|subscription|booking|ticket|plan|membership|purchase)"), "the double charge on your {5}"),
    (rx(r"\b(charged|billed) (me )?(twice|two times|double)|\bdouble[- ]?(charged|charge|billed)|\btwo (identical )?charges"), "the double charge"),
    (rx(r"\bwrong (item|size|colou?r|product|order|parcel)"), "the wrong {1}"),
    (rx(r"\b(order|package|parcel|delivery|item|shipment)s? (still )?(hasn'?t|has not|haven'?t|have not|didn'?t|did not|never|is not|isn'?t) (arrived|come|shown up|been delivered|turned up|here)"), "the delay with your {1}"),
    (rx(r"\bstill waiting (for|on) " + _EN_OWN + r"(order|package|parcel|delivery)"), "the delay with your {3}"),
    (rx(r"\b(order|package|parcel|delivery) is (late|delayed|overdue)"), "the delay with your {1}"),
    (rx(r"\bcan'?t (log ?in|sign ?in|access my account)|\bcannot (log ?in|sign ?in)|\blocked out|\b(login|log-?in|sign-?in) (fails|failed|doesn'?t work|is not working|isn'?t working)"), "the sign-in problem"),
    (rx(r"\b(payment|transfer|card|checkout)s? (failed|was declined|got declined|declined|didn'?t go through|won'?t go through|keeps failing)"), "the failed {1}"),
    (rx(r"\b(app|site|website|page|checkout)s? (keeps crashing|crashes|crashed|won'?t (load|open)|doesn'?t (load|open|work)|is down|isn'?t working|is not working|stopped working)"), "the {1} problem"),
    (rx(r"\b(broken|damaged|cracked|defective|torn|dented) (\w+)"), "the {1} {2}"),
    (rx(r"\brefund (hasn'?t|has not|still|never|is late|is delayed)"), "the delayed refund"),
]

# fmt: on
# Words a customer writes that are not the case: greetings, how they got in touch, time,
# counting, and English adverbs Kiwi or the Latin regex take for nouns.
NOT_TOPICS = frozenset(
    """안녕 안녕하세요 수고 수고하세요 감사 고생 접수 전화 문의 오전 오후 아침 저녁 밤 새벽 주말 평일
    요일 월요일 화요일 수요일 목요일 금요일 토요일 일요일 이번 지난 다음 어제 오늘 내일 모레 그제 방금
    아까 이틀 사흘 하루 일주일 한번 두번 세번 여러 계속 아직 벌써 진짜 너무 완전
    twice once again already still yesterday today tomorrow tonight morning evening week weekend
    hello hi hey thanks monday tuesday wednesday thursday friday saturday sunday ago last""".split()
)
_TIME_OR_COUNT = re.compile(r"^\d|[0-9]+(시|분|일|월|번|개|회|원)$|(요일|시간|분|주일|개월)$")
_EN_OWNED = re.compile(r"\bmy ([a-z]+)", re.IGNORECASE)
_EN_NOT_NOUN = frozenset(
    """own money name number email husband wife son daughter friend mom dad mother father
    family kids way time fault bad""".split()
)


def case_topic(customer: AnalyzedText) -> Topic | None:
    """Name the customer's case from their message, or None when nothing names it."""
    named = _failure_topic(customer.text, korean=customer.language == "ko")
    if named:
        return named
    if customer.language != "ko":
        owned = _owned_noun(customer.text)
        if owned:
            return Topic(owned, failure=False)
        return None
    candidates = topic_candidates(customer)
    return Topic(candidates[0], failure=False) if candidates else None


def topic_candidates(customer: AnalyzedText) -> list[str]:
    """The customer's noun phrases that could name the case (no greetings, time, counts)."""
    kept: list[str] = []
    for phrase in customer_specifics(customer, limit=8):
        words = [w for w in phrase.split() if not _not_topic(w)]
        if words and " ".join(words) not in kept:
            kept.append(" ".join(words))
    return kept


def not_topic_phrase(phrase: str) -> bool:
    """Whether a noun phrase is only greetings, time words or counts ("안녕", "오후 3시")."""
    return all(_not_topic(word) for word in phrase.split())


def _not_topic(word: str) -> bool:
    lowered = word.lower()
    return (
        lowered in NOT_TOPICS
        or lowered in GENERIC_NOUNS
        or lowered in ("부탁", "질문", "말씀", "드림")
        or _TIME_OR_COUNT.search(lowered) is not None
        or lowered.startswith("안녕")
        or len(lowered) < 2
    )


def _failure_topic(text: str, *, korean: bool) -> Topic | None:
    for pattern, template in _KO_FAILURES if korean else _EN_FAILURES:
        match = pattern.search(text)
        if match:
            groups = [match.group(0), *(g or "" for g in match.groups())]
            name = template.format(*groups).lower() if not korean else template.format(*groups)
            return Topic(_with_product(text, match, name) if korean else name, failure=True)
    return None


def _with_product(text: str, match: re.Match[str], name: str) -> str:
    """Prefix the product the customer named right before the failure ("운동화 배송 지연")."""
    before = text[max(0, match.start() - 12) : match.start()].split()
    if not before or not name.endswith(("지연", "파손", "결제", "청구", "오류")):
        return name
    word = re.sub(r"(이|가|은|는|을|를|의)$", "", before[-1])
    # A noun, not a verb form modifying it ("주문한", "받은").
    if (
        re.fullmatch(r"[가-힣]{2,6}", word)
        and word not in NOT_TOPICS
        and not word.endswith(("한", "던", "는", "은", "서", "데", "고"))
    ):
        return f"{word} {name}"
    return name


def _owned_noun(text: str) -> str | None:
    """ "my blender stopped" → "your blender" (the first thing the customer calls theirs)."""
    for match in _EN_OWNED.finditer(text):
        noun = match.group(1).lower()
        if noun not in NOT_TOPICS and noun not in _EN_NOT_NOUN and len(noun) >= 3:
            return f"your {noun}"
    return None
