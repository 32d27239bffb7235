"""One customer's case as drafts and inserted sentences tell it back to them.

`Case` gathers, from the customer's own message, the name of the case (`topic`), the problem
to admit (`issue`), the sentence that says what it costs them (`impact`: their stated impact,
or a gentle question when they stated none — never an invented one) and the details they gave
(order number, amount, product) that a reply for them — and no other customer — repeats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gonggam.coach import stock
from gonggam.coach.patterns import sentence_around
from gonggam.coach.situation import FAILURE_CUES
from gonggam.coach.stated_impact import BLOCKED, StatedImpact, stated_impact
from gonggam.coach.text import AnalyzedText, analyze
from gonggam.coach.topic import Topic, case_topic, topic_candidates

_ORDER_NUMBER = re.compile(r"\b(?=[A-Za-z0-9-]*\d)[A-Za-z0-9][A-Za-z0-9-]{5,}\b")
_QUOTE_LIMIT = 50
_GREETING = re.compile(
    r"^(안녕하세요|안녕하십니까|수고하십니다|수고 많으십니다|hi|hello|hey|dear \w+)[\s,.!~]*",
    re.IGNORECASE,
)
# How the customer felt is not a detail of the case ("너무 곤란해요").
_FEELINGS = frozenset(
    {"곤란", "답답", "짜증", "불편", "실망", "걱정", "황당", "난감", "급", "화", "불안", "당황"}
)
_AMOUNT = re.compile(r"\d[\d,]*\s?(원|만 ?원)|[$£€₩]\s?\d[\d,.]*")


@dataclass(frozen=True)
class Case:
    """What a draft says about this customer's case, in the draft's language."""

    topic: Topic
    issue: str
    impact: StatedImpact | None
    details: tuple[str, ...]
    # The customer's own sentence naming what went wrong ("카드 결제가 두 번 나갔어요").
    said: str | None = None


def particle(word: str, after_consonant: str, after_vowel: str) -> str:
    """`word` with the Korean particle its last syllable takes (결제 오류는, 배송 지연은)."""
    last = word.rstrip()[-1:] if word.strip() else ""
    if "가" <= last <= "힣":
        has_final = (ord(last) - ord("가")) % 28 != 0
        if after_consonant == "으로" and (ord(last) - ord("가")) % 28 == 8:  # ㄹ takes 로
            return word + after_vowel
        return word + (after_consonant if has_final else after_vowel)
    return (
        f"{word}{after_consonant}({after_vowel})" if after_consonant != "으로" else f"{word}(으)로"
    )


def read_case(
    message: str,
    *,
    korean: bool,
    issue: str | None = None,
    analyzed: AnalyzedText | None = None,
) -> Case:
    """Read a customer's message; `issue` (from triage) names the problem when they do not.

    `analyzed` is the message's analysis when the caller already has it.
    """
    analyzed = analyzed or analyze(message)
    topic = case_topic(analyzed) if analyzed.language == ("ko" if korean else "en") else None
    if topic is None:
        topic = Topic("말씀하신 건" if korean else "your request", failure=False)
    if topic.failure:
        named = topic.name
    elif korean:
        named = issue or f"{topic.name} 문제"
    else:
        named = f"the {issue}" if issue else f"the problem with {topic.name}"
    impact = stated_impact(message)
    if impact is not None and impact.language != ("ko" if korean else "en"):
        impact = None
    return Case(
        topic=topic,
        issue=named,
        impact=impact,
        details=_details(analyzed, topic),
        said=_said(message),
    )


def _said(message: str) -> str | None:
    """The customer's sentence that says what went wrong (else their first sentence), short."""
    match = FAILURE_CUES.search(message)
    body = _GREETING.sub("", message.strip())
    position = match.start() if match else len(message) - len(body)
    sentence = sentence_around(message, position, _QUOTE_LIMIT + 10)
    sentence = _GREETING.sub("", sentence).strip(" .!?~")
    if len(sentence) < 4 or len(sentence) > _QUOTE_LIMIT:
        return None
    return sentence


def _details(customer: AnalyzedText, topic: Topic) -> tuple[str, ...]:
    """Order numbers, amounts and named things the customer gave, beyond the topic itself."""
    found: list[str] = []
    found += [m.group() for m in _ORDER_NUMBER.finditer(customer.text) if not m.group().isalpha()]
    found += [m.group() for m in _AMOUNT.finditer(customer.text)]
    if customer.language == "ko":
        found += [
            phrase
            for phrase in topic_candidates(customer)
            if not any(word in topic.name or word in _FEELINGS for word in phrase.split())
        ]
    unique = [d for d in dict.fromkeys(found) if d not in topic.name]
    return tuple(unique[:2])


def impact_sentence(case: Case, *, korean: bool) -> str:
    """What the problem costs this customer, or a question asking it when they did not say."""
    stated = case.impact
    if korean:
        cause = particle(case.issue, "으로", "로")
        if stated is None:
            return stock.ASK_IMPACT_KO
        if stated.kind == BLOCKED:
            return f"{cause} {stated.clause} 얼마나 곤란하셨을지요."
        return f"{stated.clause} {cause} 막혀 얼마나 답답하셨을지요."
    if stated is None:
        return stock.ASK_IMPACT_EN
    return f"It has left you stuck, since {stated.clause}."


def details_sentence(case: Case, *, korean: bool) -> str | None:
    """A sentence telling back what this customer wrote: their words and the details they gave.

    It is what makes two drafts for two customers with the same kind of problem differ.
    """
    if not case.details and not case.said:
        return None
    if korean:
        listed = ", ".join(case.details)
        if case.said and listed:
            return f"“{case.said}”라고 하신 부분과 {listed}까지 제가 직접 확인했습니다."
        if case.said:
            return f"“{case.said}”{stock.CHECKED_KO}"
        return f"말씀해 주신 {particle(listed, '은', '는')} 제가 직접 확인해 두었습니다."
    listed = ", ".join(case.details)
    if case.said:
        extra = f", along with {listed}" if listed else ""
        return f'You wrote "{case.said}"{stock.CHECKED_EN}{extra}.'
    return f"I have checked the details you gave ({listed}) myself."
