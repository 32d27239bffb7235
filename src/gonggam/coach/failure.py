"""Sentences that state a failure as something that happened.

`acknowledge` asks whether the reply names what went wrong ("순대가 잘못 배달됐습니다",
"our reader swapped the digits", "인터넷이 끊겨 있습니다"); who is blamed is `ownership`'s
question. The cue lists of `rules.understanding.ACKNOWLEDGE` catch admissions phrased as
admissions; this module reads the grammar of a plain statement instead, so a failure told in
words no list foresaw still counts:

- Korean: a failure word (a noun such as 오류·누락·고장, a verb such as 끊기다·빠지다·놓치다,
  the adverb 잘못) or a negated action in the past or as a standing state ("입력하지 않아",
  "오지 않았습니다", "원활하지 않은 상황"), in a sentence that is not a possibility ("지연될 수
  있습니다"), a condition ("있었다면"), a purpose ("다시 일어나지 않도록"), a question, a
  denial ("오류가 아닙니다") or about the customer's own doing (honorific 시: "못 하셔서").
- English: a failure word or a negated past ("wasn't applied", "never arrived") in a sentence
  without "if", "may", "whether", a denial or the stock "any inconvenience".
"""

# ruff: noqa: SIM905, E501 — word lists read best as plain text; one alternation group per line.

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from gonggam.coach.patterns import SENTENCE
from gonggam.coach.text import FAILURE_VERBS, AnalyzedText, Morpheme

FAILURE_NOUNS = frozenset(
    """실수 잘못 착오 불찰 누락 오류 장애 고장 결함 버그 에러 지연 차질 파손 오배송
    오발송 오배달 오입력 오기재 하자 불량 먹통 중복 이중 실패 분실 오작동 누수
    정전 단수 결항 연착 과다 과오 미배송 미발송 미처리 미반영 미입금 미지급
    오청구 과청구 중단 두절 마비 누전 훼손 변질 오염 결번 오표기 혼선 착각 망가
    손상""".split()
)
_FAILURE_STEMS = FAILURE_VERBS | frozenset(
    """늦어지 늦 밀리 놓치 빠뜨리 잊 까먹 어기 어겨지 바뀌 뒤바뀌 잘못되 사라지
    날아가 지워지 엉키 꼬이 끊어지 고장나 틀어지 엇갈리 뒤섞이 섞이
    헷갈리""".split()
)
_ADVERBS = frozenset({"잘못", "늦게", "엉뚱하게", "다르게", "틀리게", "거꾸로", "반대로"})
_NEGATING = frozenset({"않", "못하"})
# Endings after which a statement is not a fact: conditions, purposes, hopes.
_NOT_FACT_ENDINGS = frozenset({"면", "으면", "다면", "도록", "려면", "을까", "ᆯ까", "는지"})
_DENIAL = frozenset({"아니"})
# How far after a failure word its clause is read: to the clause's end, at most this many
# morphemes ("공급 중단 관련 사항은 보류될 수 있습니다" is a possibility eight morphemes on).
_CLAUSE = 10
_CLAUSE_ENDS = frozenset({"며", "으며", "지만", "는데", "ᆫ데", "은데", "니까", "으니", "으니까"})
_WONDER = frozenset({"여부", "혹시"})

_EN_FAILURE = re.compile(
    r"\b(wrong(ly)?|incorrect(ly)?|error|mistake|fault(y)?|fail(ed|ure|ing)|miss(ed|ing)|"
    r"broke(n)?|outage|down|delay(ed)?|late|stuck|lost|swapped|mix(ed)?[- ]up|glitch|bug|"
    r"crash(ed)?|reject(ed)?|overcharg(ed|e)|double[- ]charg\w*|twice|held up|backed up|"
    r"back-?ordered|withdrawn|cancell?ed|damaged|defective|misread|mistyped|skipped|forgot|"
    r"overlooked|dropped|leak(ed|ing)?|shouldn'?t have|should have|should never|unacceptable|not acceptable|"
    r"nothing (moved|happened|changed)|with no (repair|reply|response|update|answer|call|fix))\b",
    re.IGNORECASE,
)
_EN_NEGATED_PAST = re.compile(
    r"\b(was ?n[o']t|were ?n[o']t|did ?n[o']t|has ?n[o']t|have ?n[o']t|had ?n[o']t|never) "
    r"(\w+ ){0,2}(been )?(\w+ed|sent|given|done|shown|made|taken|come|arrived|reached|told)\b|"
    r"\bdid ?n[o']t (complete|go through|work|arrive|happen|show up|turn up|load|open|start|get)\b|"
    r"\b(been )?waiting (almost |nearly |over |more than )?(a|two|three|four|five|\d+) (weeks?|days?|hours?|months?) for\b"
    r"|\bnot (together|working|applied|delivered|sent|received|processed|updated|shown)\b",
    re.IGNORECASE,
)
_EN_NOT_FACT = re.compile(
    r"\b(if|whether|may|might|could|can|sometimes|occasionally|any inconvenience|"
    r"you (say|said|mention(ed)?|claim(ed)?|report(ed)?|feel)|not (an?|our) (error|fault|mistake)|"
    r"no (error|fault|mistake)|nothing (was )?wrong|to make sure|so that|so it)\b",
    re.IGNORECASE,
)


def failure_statements(
    reply: AnalyzedText, *, outside: Sequence[tuple[int, int]] = ()
) -> Iterator[tuple[int, int]]:
    """Spans of the sentences of `reply` that state a failure as fact, in order.

    Sentences mostly covered by the `outside` spans (boilerplate) are skipped; a stock apology
    around a named failure ("배송이 사흘 늦어져 불편을 드려 죄송합니다") still names it.
    """
    for sentence in SENTENCE.finditer(reply.text):
        start, end = sentence.span()
        covered = sum(min(e, end) - max(s, start) for s, e in outside if s < end and e > start)
        if covered >= 0.6 * len(sentence.group().strip()):
            continue
        if reply.language == "ko":
            fell_short = _KO_FELL_SHORT.search(sentence.group()) is not None
            if fell_short or _korean_failure(reply.morphemes_within(start, end)):
                yield start, end
        elif _english_failure(sentence.group()):
            yield start, end


_EN_HEDGE = re.compile(
    r"\b(if|whether|may have|might have|may (be|take|vary)|can (take|vary)|"
    r"you (say|said|mention(ed)?|claim(ed)?)|not (an?|our) (error|fault|mistake))\b",
    re.IGNORECASE,
)
_NEGATED_MATCH = re.compile(r"(않|안 ?되|안 ?돼|안 ?됐|못)$")


def stated_as_fact(reply: AnalyzedText, start: int, end: int) -> bool:
    """Whether the failure words at `start:end` are told as fact, not hedged.

    "지연될 수 있습니다", "오류가 있었다면", "이중 결제 여부는", "저희 오류는 아닙니다" and
    "다음 달부터는 청구되지 않습니다" name a failure without saying it happened.
    """
    sentence = next(
        (m for m in SENTENCE.finditer(reply.text) if m.start() <= start < m.end()), None
    )
    if sentence is None:
        return True
    if reply.language != "ko":
        return "?" not in sentence.group() and not _EN_HEDGE.search(sentence.group())
    inside = reply.morphemes_within(sentence.start(), sentence.end())
    if "?" in reply.text[sentence.start() : sentence.end()] or any(m[0] in _WONDER for m in inside):
        return False
    after = [(form, tag) for form, tag, begin, _ in inside if begin >= end][:6]
    negation = _NEGATED_MATCH.search(reply.text[start:end].rstrip()) is not None
    return not _not_a_fact(after, negation=negation)


def _korean_failure(morphemes: Sequence[Morpheme]) -> bool:
    forms = [form for form, _, _, _ in morphemes]
    tags = [tag for _, tag, _, _ in morphemes]
    if "?" in forms or any(form in _WONDER for form in forms):
        return False
    for index, (form, tag, _, _) in enumerate(morphemes):
        cue = (
            (tag in ("NNG", "XR") and form in FAILURE_NOUNS)
            or (tag == "MAG" and form in _ADVERBS)
            or (tag.startswith(("VV", "VA")) and form in _FAILURE_STEMS)
            or (
                tag == "VX" and form in _NEGATING and index > 0 and forms[index - 1] in ("지", "도")
            )
        )
        if not cue:
            continue
        window = slice(index + 1, index + 1 + _CLAUSE)
        after = list(zip(forms[window], tags[window], strict=True))
        if _not_a_fact(after, negation=tag == "VX"):
            continue
        return True
    return False


def _not_a_fact(after: list[tuple[str, str]], *, negation: bool) -> bool:
    """Whether the words after a failure cue make it a possibility, condition, denial or
    the customer's own doing rather than a statement that it happened."""
    past_or_state = False
    for position, (form, tag) in enumerate(after):
        if form in _DENIAL or (tag == "EP" and form in ("시", "으시")):
            return True
        if tag == "EC" and (form in _NOT_FACT_ENDINGS or (negation and form == "게")):
            # "다시 일어나지 않게" is a purpose; "늦게 알려 드린" is how it happened.
            return True
        possibility = position + 1 < len(after) and after[position + 1][0] in ("수", "지", "경우")
        if tag == "ETM" and form in ("ᆯ", "을") and possibility:
            return True
        if tag == "EP" and form in ("었", "았", "였"):
            past_or_state = True
        if tag == "ETM" and form in ("ᆫ", "은", "던"):
            past_or_state = True
        if tag == "EC" and form in ("어", "아", "어서", "아서", "고"):
            # "끊겨 있습니다", "입력하지 않아 …": a standing state or a cause. Unless an
            # auxiliary follows ("끊겨 있"), the clause ends here.
            past_or_state = True
            if position + 1 >= len(after) or after[position + 1][1] != "VX":
                break
        if tag in ("EF", "SF") or (tag == "EC" and form in _CLAUSE_ENDS):
            break
    # A negated verb is a failure only as a past or a standing state: "오지 않았습니다",
    # not the promise "다음 달부터는 청구되지 않습니다".
    return negation and not past_or_state


# "해서는 안 되는 말이었습니다", "기준에 한참 못 미칩니다": what should not have happened.
_KO_FELL_SHORT = re.compile(
    r"서는 안 ?(되는|될|됐던|되었던) ?(말|일|행동|응대|처리)|(기준|수준|기대)에 .{0,6}못 미|"
    r"[가-힣]어야 ?했(는데|습니다|어요|지만|던)|(공지|안내|연락|설명|답변|결과)(이|가|도)? ?(없었|없이 |못 드렸|드리지 못)"
)
_EN_THEIRS = re.compile(r"\byou (missed|lost|forgot|didn'?t|did not)\b", re.IGNORECASE)


def _english_failure(sentence: str) -> bool:
    if "?" in sentence or _EN_NOT_FACT.search(sentence) or _EN_THEIRS.search(sentence):
        return False
    return bool(_EN_FAILURE.search(sentence) or _EN_NEGATED_PAST.search(sentence))
