"""One morphological pass over a text, shared by every rule.

Kiwi runs once per reply (it is the expensive part); rules then read its tokens, the
"units" stream used for cliché matching, and the noun phrases used to tie a reply to the
customer's own words. Kiwi splits English oddly ("c/SL aused."), so Latin words come from a
plain regex instead.
"""

# ruff: noqa: SIM905 — word lists read best as plain text.

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from gonggam.coach.patterns import HANGUL, LATIN
from gonggam.kit.korean import get_kiwi

_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
_ORDER_NUMBER = re.compile(r"\b(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{5,}\b")

# Tags that carry no meaning for phrase matching: particles, endings, suffixes, copula,
# punctuation, and Latin/number pieces (handled separately).
_SKIP_TAG_PREFIXES = ("J", "E", "XS", "VCP", "S")
# Intensifiers and auxiliaries vary freely inside boilerplate ("정말", "대단히", "드려서").
_SKIP_FORMS = frozenset({"정말", "대단히", "진심", "진심으로", "너무", "깊이", "매우", "많이"})
_SKIP_FORMS |= frozenset({"드리", "주", "끼치", "대단", "크", "이", "그", "저", "한", "하"})
_CANONICAL = {"송구": "죄송", "미안": "죄송", "바라": "부탁", "빠르": "빨리"}

_EN_SKIP = frozenset(
    "a an the any all for of to we i us our you your my is are am was were be been being "
    "very so really truly sincerely deeply please kindly just and or will would "
    "we're i'm we'll i'll we've it's".split()
)
_EN_CANONICAL = {
    "apologize": "sorry",
    "apologise": "sorry",
    "apologies": "sorry",
    "apology": "sorry",
    "regret": "sorry",
    "inconveniences": "inconvenience",
    "investigating": "investigate",
    "understanding": "understand",
}

GENERIC_NOUNS = frozenset(
    """고객 고객님 문의 답변 확인 문제 부분 경우 때문 것 수 저희 제 지금 오늘 어제 내일 정말 진짜
    이거 그거 뭐 시간 번 때 일 말 처리 상담 연락 서비스 회사 사람 직원 상담사 상담원 답장 이용
    감사 죄송 불편 안내 요청 내용 사항 관련 해결 좀 거 데 중 후 전 분 님 씨 여기 거기 이번 저번
    계속 진행 담당 팀 부서 메일 전화 카톡 채팅 상황 정도 아무 무엇 누구 언제 어디 왜 다음 현재
    issue problem customer service help time thing please thanks thank team hello dear sorry
    today tomorrow yesterday order""".split()
)
# Nouns that show a reply is about a concrete case even without the customer's message.
DOMAIN_NOUNS = frozenset(
    """결제 주문 배송 환불 교환 반품 카드 앱 로그인 계정 상품 택배 이체 청구 쿠폰 적립금 포인트
    비밀번호 송금 예약 구독 요금 영수증 송장 운송장 사이즈 색상 재고 출고 입금 계좌 할부 취소
    주소 배송지 회원 등급 멤버십 충전 잔액 인증 업데이트 설치 접속 화면 페이지 매장 지점
    payment order delivery refund card app login account package parcel charge invoice
    subscription password booking reservation shipment tracking exchange receipt coupon
    credit balance transfer address""".split()
)
EN_STOP = _EN_SKIP | frozenset(
    "it its me he she they them their with from on in at by as but not no if can can't "
    "do does did have has had get got what when where why how which who there here been "
    "still again also now then than just even more most some process say says get make know want "
    "need take come go ever never found tried said told asked called paid bought received sent "
    "keep keeps expect expected like twice once only shows show already yesterday today "
    "tomorrow tonight morning evening week weekend this that these those actually specifically "
    "something anything nothing everything someone anyone everyone people since before after "
    "whether cant wont dont didnt isnt wrong really please hope would could should "
    "you're i'm you've we're they're find read ask asking".split()
)


@dataclass(frozen=True)
class Unit:
    """A meaning-bearing piece of text (Korean morpheme or English word) with its offsets."""

    key: str
    start: int
    end: int


Morpheme = tuple[str, str, int, int]


@dataclass(frozen=True)
class AnalyzedText:
    """A text with the pieces the rules need from one Kiwi pass."""

    text: str
    language: str
    units: tuple[Unit, ...]
    nouns: frozenset[str]
    noun_phrases: tuple[str, ...]
    # Spans like "서운하셨겠어요", "막막하셨을까요": a feeling adjective with the honorific 시
    # and a conjecture ending, i.e. the writer imagining how the customer felt.
    felt: tuple[tuple[int, int], ...] = ()
    # Kiwi's morphemes as (form, tag, start, end), for rules that read tags themselves.
    morphemes: tuple[Morpheme, ...] = ()

    @cached_property
    def _starts(self) -> list[int]:
        return [morpheme[2] for morpheme in self.morphemes]

    def morphemes_within(self, start: int, end: int) -> tuple[Morpheme, ...]:
        """The morphemes that begin between `start` and `end` (offsets into `text`)."""
        return self.morphemes[bisect_left(self._starts, start) : bisect_left(self._starts, end)]


def detect_language(text: str) -> str:
    """Return "ko" when the text is mostly Hangul, else "en"."""
    hangul = len(HANGUL.findall(text))
    latin = len(LATIN.findall(text))
    return "ko" if hangul * 3 >= latin and hangul > 0 else "en"


def english_key(word: str) -> str:
    """Return a crude stem of an English word so "looking"/"looked" match "look"."""
    lowered = word.lower().strip("'")
    if lowered in _EN_CANONICAL:
        return _EN_CANONICAL[lowered]
    for suffix in ("ing", "ed", "es", "s"):
        if lowered.endswith(suffix) and len(lowered) - len(suffix) >= 4:
            return lowered[: -len(suffix)]
    return lowered


# A reply is cut at sentence ends and each sentence read by Kiwi on its own (Kiwi reads
# sentences independently anyway; the dev set and long replies read the same either way).
# Two things follow. Sentences already read are remembered: the composer re-coaches the
# whole reply at every pause in typing, and only the sentence being typed is new. And the
# new sentences of a long reply go to Kiwi's worker threads together, which on two cores
# takes about two thirds of the time of one call.
_SENTENCE_GAP = re.compile(r"(?<=[.!?。])\s+|\n+")
_REMEMBERED = 4096


class _SentenceMemo:
    """Kiwi's morphemes per sentence (offsets within it), least recently used dropped."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._seen: OrderedDict[str, tuple[Morpheme, ...]] = OrderedDict()
        self._lock = threading.Lock()

    def read(self, sentences: Sequence[str]) -> list[tuple[Morpheme, ...]]:
        with self._lock:
            known = {s: self._seen[s] for s in sentences if s in self._seen}
            for sentence in known:
                self._seen.move_to_end(sentence)
        new = list(dict.fromkeys(s for s in sentences if s not in known))
        if new:
            kiwi = get_kiwi()
            # One string is read on this thread; a list is spread over Kiwi's workers.
            results = [kiwi.tokenize(new[0])] if len(new) == 1 else kiwi.tokenize(new)
            read = {s: tuple(_morphemes(t, 0)) for s, t in zip(new, results, strict=True)}
            with self._lock:
                self._seen.update(read)
                while len(self._seen) > self._size:
                    self._seen.popitem(last=False)
            known |= read
        return [known[s] for s in sentences]


_memo = _SentenceMemo(_REMEMBERED)


def tokenize(text: str) -> tuple[Morpheme, ...]:
    """Kiwi's morphemes of `text` as (form, tag, start, end), offsets into `text`."""
    if not HANGUL.search(text):
        return ()
    gaps = list(_SENTENCE_GAP.finditer(text))
    starts = [0] + [gap.end() for gap in gaps]
    ends = [gap.start() for gap in gaps] + [len(text)]
    pieces = [(start, end) for start, end in zip(starts, ends, strict=True) if end > start]
    read = _memo.read([text[start:end] for start, end in pieces])
    return tuple(
        (form, tag, start + offset, end + offset)
        for (offset, _), morphemes in zip(pieces, read, strict=True)
        for form, tag, start, end in morphemes
    )


def _morphemes(tokens: Any, offset: int) -> list[Morpheme]:
    return [
        (str(t.form), str(t.tag), offset + int(t.start), offset + int(t.start) + int(t.len))
        for t in tokens
    ]


def analyze(text: str) -> AnalyzedText:
    """Run Kiwi once and derive units, nouns and noun phrases of `text`."""
    morphemes = tokenize(text)
    units: list[Unit] = []
    nouns: set[str] = set()
    phrases: list[str] = []
    run: list[str] = []
    last_end = -1
    for form, tag, start, end in morphemes:
        if tag in ("NNG", "NNP") and len(form) >= 2:
            nouns.add(form)
            # Adjacent nouns form one phrase ("결제 오류", "주문번호").
            if run and start - last_end <= 1:
                run.append(form)
            else:
                _close(run, phrases)
                run = [form]
            last_end = end
        else:
            # A particle or any other morpheme ends the phrase; the noun before it counted.
            _close(run, phrases)
            run = []
        if tag.startswith(_SKIP_TAG_PREFIXES) or form in _SKIP_FORMS or tag == "MM":
            continue
        units.append(Unit(_unit_key(form, tag), start, end))
    _close(run, phrases)
    for match in _LATIN_WORD.finditer(text):
        key = english_key(match.group())
        if key.lower() in _EN_SKIP:
            continue
        units.append(Unit(key, match.start(), match.end()))
        if key not in EN_STOP and len(key) >= 4:
            nouns.add(key)
    for match in _ORDER_NUMBER.finditer(text):
        phrases.append(match.group())
        nouns.add(match.group())
    units.sort(key=lambda unit: unit.start)
    return AnalyzedText(
        felt=_feeling_conjectures(morphemes),
        text=text,
        language=detect_language(text),
        units=tuple(units),
        nouns=frozenset(nouns),
        noun_phrases=tuple(dict.fromkeys(phrases)),
        morphemes=morphemes,
    )


_CONJECTURE_NOUNS = frozenset({"것", "거", "터", "지"})
_JUDGING = frozenset({"과도", "무리", "지나치", "부당", "이상"})


def _feeling_conjectures(morphemes: Sequence[Morpheme]) -> tuple[tuple[int, int], ...]:
    """Spans of adjective + 시 + (었) + conjecture (겠 / 을 것·터 / 을지 / 을까요)."""
    spans: list[tuple[int, int]] = []
    for index, (_, tag, start, _) in enumerate(morphemes):
        adjective = tag.startswith("VA") or (
            tag == "XSA" and index > 0 and morphemes[index - 1][1] in ("XR", "NNG")
        )
        # "과도하신 것 같습니다" judges the customer; it does not imagine how they felt.
        if not adjective or morphemes[index - 1][0] in _JUDGING:
            continue
        window = morphemes[index + 1 : index + 6]
        if not window or window[0][0] not in ("시", "으시"):
            continue
        for position, (form, following_tag, _, end) in enumerate(window[1:], start=1):
            conjecture = (
                (form == "겠" and following_tag == "EP")
                or form in ("을지", "을까요", "ᆯ지", "ᆯ까요", "죠", "지요")
                or (
                    following_tag == "ETM"
                    and position + 1 < len(window)
                    and window[position + 1][0] in _CONJECTURE_NOUNS
                )
            )
            if conjecture:
                first = morphemes[index - 1][2] if tag == "XSA" else start
                spans.append((first, end))
                break
            if following_tag not in ("EP", "ETM"):
                break
    return tuple(spans)


def _unit_key(form: str, tag: str) -> str:
    # Kiwi reads "죄송합니다" as 죄송하/VA alone but 죄송/XR+하 after "드려서": fold both.
    if tag in ("VA", "VV") and form.endswith("하") and len(form) >= 3:
        form = form[:-1]
    return _CANONICAL.get(form, form)


def _close(run: list[str], phrases: list[str]) -> None:
    if run and any(noun not in GENERIC_NOUNS for noun in run):
        phrases.append(" ".join(run))


def specific_nouns(analyzed: AnalyzedText) -> list[str]:
    """Return the nouns of `analyzed` that name this case (not generic service words)."""
    return sorted(
        noun for noun in analyzed.nouns if noun.lower() not in GENERIC_NOUNS and len(noun) >= 2
    )


def customer_specifics(customer: AnalyzedText, limit: int = 6) -> list[str]:
    """The customer's own noun phrases (product, order, payment…), most telling first.

    Words only this customer would use (운동화, 생일) come before everyday service words
    (주문, 배송); English stems of verbs ("arriv" from "arrived") come last; then order of use.
    English stems are returned in the customer's spelling.
    """
    text = customer.text.lower()
    phrases = list(customer.noun_phrases)
    joined = " ".join(phrases)
    phrases += [noun for noun in customer.nouns if noun not in joined]
    kept = [p for p in phrases if p.lower() not in GENERIC_NOUNS]

    def rank(phrase: str) -> tuple[bool, bool, int]:
        position = text.find(phrase.split()[0].lower())
        after = text[position + len(phrase) : position + len(phrase) + 2]
        verbish = phrase.isascii() and after in ("ed", "in")
        domain = all(word.lower() in DOMAIN_NOUNS for word in phrase.split())
        return verbish, domain, position if position >= 0 else len(text)

    kept.sort(key=rank)
    # "print" is spelled back as "printer" when that comes first: keep each spelling once.
    spelled = dict.fromkeys(_original_spelling(customer.text, p) for p in kept)
    return list(spelled)[:limit]


def _original_spelling(text: str, phrase: str) -> str:
    if not phrase.isascii():
        return phrase
    match = re.search(rf"\b{re.escape(phrase)}\w*", text, re.IGNORECASE)
    return match.group() if match else phrase


# Verbs that name a concrete failure ("끊기", "깨지", "젖"): a reply that uses the customer's
# own one is talking about their problem, not problems in general.
FAILURE_VERBS = frozenset(
    """끊기 끊 깨지 깨 찢어지 찢 젖 새 녹 상하 썩 부러지 터지 꺼지 얼 망가지 긁히 찌그러지
    잠기 튕기 누락 빠지 바뀌 뒤바뀌 틀리 엎지르 흘리 구겨지 휘 녹슬 멈추 막히""".split()
)


def shared_failure_verbs(customer: AnalyzedText, reply: AnalyzedText) -> list[str]:
    """The failure verbs of `FAILURE_VERBS` both the customer and the reply use."""

    def stems(analyzed: AnalyzedText) -> set[str]:
        return {form for form, tag, _, _ in analyzed.morphemes if tag.startswith(("VV", "VA"))}

    return sorted(stems(customer) & stems(reply) & FAILURE_VERBS)
