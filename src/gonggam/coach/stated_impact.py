"""What the problem costs the customer, in their own words, turned to speak to them.

SPEC 3.5 wants drafts to name "the specific problem and its impact". Customers say the
impact themselves: "회사 발표 자료를 오늘 밤까지 올려야 해서", "월세 이체가 막혀서",
"내일 출국인데", "I can't pay my staff". This module finds such a clause and rewrites it
from the agent's side: Korean gets the honorific (올려야 → 올리셔야 하는데, 출국인데 →
출국이신데), English swaps the person (my staff → your staff). Nothing is invented: no clause
found means None, and drafts ask instead.

Three Korean shapes, read from Kiwi morphemes:
- need: verb + 어야/아야 + 하 ("…올려야 해서") → "…올리셔야 하는데"
- plan: noun + copula + 는데/라서 with a time word ("내일 출국인데") → "내일 출국이신데"
- blocked: money or daily business noun + 이/가 + 막히/안 되/못 ("월세 이체가 막혀서")
  → "월세 이체가 막혀"
"""

# ruff: noqa: E501, SIM905 — word lists read best as plain text; English patterns keep one alternation group per line.

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from gonggam.coach.patterns import rx
from gonggam.kit.korean import get_kiwi

NEED = "need"
PLAN = "plan"
BLOCKED = "blocked"


@dataclass(frozen=True)
class StatedImpact:
    """The customer's impact clause, rewritten to address them; `kind` picks the wording."""

    clause: str
    kind: str
    language: str


_TIME_WORDS = frozenset(
    """오늘 내일 모레 이번 다음 주말 당장 곧 저녁 밤 아침 오전 오후 월요일 화요일 수요일 목요일
    금요일 토요일 일요일 주 이따""".split()
)
# What a customer's life runs on: when one of these is blocked, that is the impact ("결제가
# 안 돼요" alone is the failure itself, so payment words only count with their object:
# "주문을 못 해요", "월세 이체가 막혀서").
_BLOCKABLE = frozenset(
    """월세 급여 월급 대금 납부 카드값 생활비 관리비 공과금 학비 병원비 업무 장사 영업 판매 출근
    수업 운영 근무 작업 마감 정산 발송 출고 개업 오픈""".split()
)
_BLOCKABLE_AS_OBJECT = frozenset({"주문", "예약", "송금", "이체", "결제", "구매", "출금"})
_BLOCKING_VERBS = frozenset({"막히", "멈추", "묶이", "끊기", "밀리"})
# Who the clause is about: the customer's own "I", dropped in the honorific rewrite.
_FIRST_PERSON = frozenset({"저", "제", "나", "내", "저희", "우리"})
_CLAUSE_ENDS = ("SF", "SP", "EF")
_CONNECTIVE = "EC"


# The composer coaches every keystroke against the same customer message: read it once.
@lru_cache(maxsize=512)
def stated_impact(text: str) -> StatedImpact | None:
    """The impact the customer states in `text`, or None when they do not state one."""
    if re.search(r"[가-힣]", text):
        return _korean(text)
    return _english(text)


def _korean(text: str) -> StatedImpact | None:
    tokens = get_kiwi().tokenize(text)
    kiwi = get_kiwi()
    for index, token in enumerate(tokens):
        form, tag = str(token.form), str(token.tag)
        if tag in ("VV", "XSV") and _is_need(tokens, index):
            clause = _clause_before(tokens, index)
            if clause:
                stem = kiwi.join([*_morphs(clause), (form, tag)]) if clause else form
                head = kiwi.join([*_morphs(clause), (form, tag), ("시", "EP"), ("어야", "EC")])
                if stem:
                    return StatedImpact(f"{head} 하는데", NEED, "ko")
        if tag == "VCP" and index + 1 < len(tokens) and index > 0:
            ending = str(tokens[index + 1].form)
            if ending in ("ᆫ데", "ㄴ데", "라서", "어서", "ᆫ데요", "라") and str(
                tokens[index - 1].tag
            ).startswith("NN"):
                clause = _clause_before(tokens, index)
                if clause and any(str(t.form) in _TIME_WORDS for t in clause):
                    head = kiwi.join([*_morphs(clause), ("이", "VCP"), ("시", "EP"), ("ᆫ데", "EC")])
                    return StatedImpact(head, PLAN, "ko")
        if tag.startswith("NN") and _is_blocked(tokens, index):
            start = index
            while start > 0 and str(tokens[start - 1].tag).startswith("NN"):
                start -= 1
            words = [str(t.form) for t in tokens[start : index + 1]]
            as_object = str(tokens[index + 1].tag) == "JKO" and form in _BLOCKABLE_AS_OBJECT
            if not as_object and not any(word in _BLOCKABLE for word in words):
                continue
            noun = " ".join(words)
            subject = "이" if _has_final(form) else "가"
            return StatedImpact(f"{noun}{subject} 막혀", BLOCKED, "ko")
    return None


def _morphs(tokens: list[Any]) -> list[tuple[str, str]]:
    return [(str(t.form), str(t.tag)) for t in tokens]


def _is_need(tokens: list[Any], index: int) -> bool:
    """verb + 어야/아야 + 하 (…해야 해서 / …해야 하는데)."""
    window = tokens[index + 1 : index + 3]
    return (
        len(window) == 2
        and str(window[0].form) in ("어야", "아야")
        and str(window[1].form) == "하"
        and str(window[1].tag) in ("VX", "VV")
    )


def _is_blocked(tokens: list[Any], index: int) -> bool:
    """noun + 이/가 + 막히·멈추 or 안 되·못 하 ("이체가 막혀서", "주문을 못 해요")."""
    window = tokens[index + 1 : index + 4]
    if not window or str(window[0].tag) not in ("JKS", "JKO", "JX"):
        return False
    rest = window[1:]
    if rest and str(rest[0].form) in _BLOCKING_VERBS:
        return True
    return (
        len(rest) == 2
        and str(rest[0].form) in ("안", "못")
        and str(rest[1].form) in ("되", "하", "돼")
    )


def _clause_before(tokens: list[Any], index: int) -> list[Any]:
    """The tokens of the clause that ends at `index` (from the last sentence or clause end)."""
    start = index
    while start > 0:
        previous = tokens[start - 1]
        tag = str(previous.tag)
        if tag in _CLAUSE_ENDS or tag == _CONNECTIVE or tag == "ETM":
            break
        start -= 1
    clause = list(tokens[start:index])
    # The customer's "저는/제가" becomes the implied 고객님 of the honorific clause.
    while clause and str(clause[0].form) in _FIRST_PERSON:
        clause = (
            clause[2:] if len(clause) > 1 and str(clause[1].tag).startswith("J") else clause[1:]
        )
    return clause


def _has_final(word: str) -> bool:
    last = word[-1:]
    return "가" <= last <= "힣" and (ord(last) - ord("가")) % 28 != 0


_EN_CLAUSES: list[tuple[re.Pattern[str], str]] = [
    (
        rx(
            r"\bI (can'?t|cannot|couldn'?t|can not|am unable to|'m unable to|am not able to) ((pay|work|open|sell|ship|run|finish|send|book|buy|get|take|use|access|order|travel|fly|leave|cook|feed|drive|make) [^.!?,;]{2,60})"
        ),
        "you can't {2}",
    ),
    (
        rx(r"\bI (need|needed) ((it|this|them|the \w+|my \w+) (for|by|before) [^.!?,;]{2,60})"),
        "you need {2}",
    ),
    (rx(r"\bI (have to|had to|must) ([^.!?,;]{4,60})"), "you have to {2}"),
    (
        rx(
            r"\bI'?m (flying|leaving|travell?ing|moving|getting married|starting|hosting|opening) ([^.!?,;]{0,60})"
        ),
        "you're {1} {2}",
    ),
    (
        rx(
            r"\bmy (rent|payroll|bills?|mortgage|wedding|flight|exam|interview|deadline|event|party|trip|launch|staff|mortgage) (is|are|was|were) ([^.!?,;]{2,60})"
        ),
        "your {1} {2} {3}",
    ),
]
_EN_STOP_AT = re.compile(r"\s+(and|but|so|because|which|though|although)\s+.*$", re.IGNORECASE)
_EN_PERSON = {
    "i": "you",
    "me": "you",
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
    "i'm": "you're",
    "i've": "you've",
    "i'll": "you'll",
    "we": "you",
    "our": "your",
    "us": "you",
}


def _english(text: str) -> StatedImpact | None:
    for pattern, template in _EN_CLAUSES:
        match = pattern.search(text)
        if match:
            groups = [match.group(0), *(g or "" for g in match.groups())]
            clause = _EN_STOP_AT.sub("", template.format(*groups)).strip()
            return StatedImpact(_second_person(clause), NEED, "en")
    return None


def _second_person(clause: str) -> str:
    words = clause.split(" ")
    return " ".join(_EN_PERSON.get(w.lower(), w) for w in words)
