"""Finding time frames, vague promises and over-promises in a reply (rule `eta`).

A time frame is anything a customer could put in a calendar: a number with a unit
("12시간 내", "2~3일", "within 24 hours"), a named day or part of day with a bound ("내일
오전까지", "오늘 중", "by Friday"), or a clock time ("3시까지"). "빠른 시일 내", "최대한 빨리",
"as soon as possible" and "shortly" are not: they promise nothing.
"""

# ruff: noqa: E501 — cue lexicons keep one alternation group per line; Hangul counts double width.

from __future__ import annotations

import re
from dataclasses import dataclass

from gonggam.coach.patterns import rx

_KO_NUMBER = r"(\d+|한|두|세|네|다섯|여섯|일곱|한두|두세|서너|이삼|삼사)"
_KO_UNIT = r"(분|시간|영업일|일|주|주일|개월|달)"
_KO_DAY = (
    r"(오늘|금일|내일|익일|익영업일|모레|이번 주|다음 주|이번주|다음주|주말|주중|이번 달|익월|다음 ?달|다음 영업일|"
    r"[월화수목금토일]요일|\d+ 월 \d+ 일|\d+ 일(?!치|분)|\d+ 월 (초|중순|말))"
)
# "3일 전부터" is when something started, not a bound; "9시경부터 … 장애" likewise.
_KO_BOUND = (
    r"(중(?![가-힣])|중으로|안|안에|안으로|내|내로|내에|이내|까지|전(?!부터|에는)|전까지|이전|"
    r"오전|오후|저녁|밤|점심|부터(?! [^.!?]{0,20}(장애|오류|안 되|되지 않|끊)))"
)

_EN_DAY = (
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|today|"
    r"noon|midnight|end of (the )?(day|week|month)|close of business|eod|the weekend)"
)
_EN_NUMBER = (
    r"(\d+|an|one|two|three|four|five|six|seven|ten|twelve|twenty[- ]four|a few|a couple of)"
)
_EN_UNIT = r"(minutes?|mins?|hours?|hrs?|days?|business days?|working days?|weeks?|months?)"

CONCRETE = [
    rx(rf"{_KO_NUMBER} ?(~|-|–|에서) ?{_KO_NUMBER}? ?{_KO_UNIT}(?![가-힣]{{0,1}}(전에|전부터))"),
    rx(rf"{_KO_NUMBER} ?{_KO_UNIT} ?(내|이내|안|안에|안으로|정도|후|뒤|이면|까지|쯤)"),
    rx(r"(하루|이틀|사흘|나흘|반나절|한나절) ?(내|이내|안|안에|정도|후|뒤|까지|쯤|만에)"),
    # "5일 소요됩니다", "오후 중 재개", "목요일에", "다음 달 10일에 지급", "4시 타임".
    rx(rf"{_KO_NUMBER} ?{_KO_UNIT} ?(소요|걸립니다|걸려요|걸릴|정도)"),
    rx(
        r"(?<![가-힣])(오전|오후|저녁|밤) ?(중|중으로|안에|까지)|[월화수목금토일]요일(에|까지|중)|"
        r"\d+ ?일에 (지급|도착|발송|입금|처리|방문|출고|재발송|완료)|\d{1,2} ?시 ?(타임|예약|방문|슬롯)"
    ),
    rx(rf"{_KO_DAY} ?{_KO_BOUND}"),
    rx(r"\d{1,2} ?시( ?\d{1,2} ?분| ?반)? ?(까지|전|이전|쯤|경|에)"),
    rx(rf"\b(within|in|under|about|around|next) (the next )?{_EN_NUMBER} {_EN_UNIT}"),
    rx(rf"\b{_EN_NUMBER} ?(-|–|to) ?{_EN_NUMBER} {_EN_UNIT}"),
    rx(rf"\b(by|before|until|on) {_EN_DAY}"),
    rx(
        r"\b(later today|this (morning|afternoon|evening|week)|tomorrow (morning|afternoon|evening))"
    ),
    rx(r"\b(by|before|at) \d{1,2}(:\d{2})? ?(am|pm|a\.m\.|p\.m\.)|\b(by|before) \d{1,2}:\d{2}\b"),
    # A named day bound to the promised step itself ("차액은 오늘 돌려드리겠습니다", "다음 달
    # 10일에 일괄 지급됩니다", "a technician will call you tomorrow at 9") — not a day
    # something started ("오늘 오전 9시경부터 장애").
    rx(
        rf"{_KO_DAY}(?! ?부터)[^.!?\n]{{0,25}}?(겠습니다|겠어요|드릴게요|드릴께요|드립니다|할게요|"
        r"예정입니다|예정이에요|됩니다|돼요|될 거|되오니|갑니다)(?<!(사과|감사|말씀|안내|부탁)드립니다)"
    ),
    rx(
        rf"\b(will|'ll|scheduled|booked|due)\b[^.!?]{{0,40}}\b{_EN_DAY}\b|\b(today|tomorrow|tonight) at \d"
    ),
    rx(
        r"\b\d{1,2}(:\d{2})? ?(am|pm)? ?(-|–|to|and) ?\d{1,2}(:\d{2})? ?(am|pm)\b|"
        r"\b(this|next|on) (monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    ),
]
_PAST = re.compile(r"(n't|\bnot|\bno|\blast|\bpast|\bfor)\s+\w*\s*$", re.IGNORECASE)
# A time frame stated as what usually happens ("typically … within 7-10 business days", "보통
# 3~5일 걸립니다") or as an earlier promise ("3일 안에 나온다고 안내드렸는데") is not a promise
# for this case.
_USUAL = re.compile(
    r"\b(typically|usually|generally|normally|may|might|can take|could take)\b[^.!?]*$|"
    r"(보통|통상|일반적으로|평균)[^.!?]*$",
    re.IGNORECASE,
)
_SINCE = re.compile(r"\s*(\d{1,2}\s*시\s*(\d{1,2}\s*분\s*)?)?(경|쯤)?\s*부터")
_EARLIER_PROMISE = re.compile(r"^[^.!?]{0,12}(다고|라고) ?(안내|말씀|약속|공지)")
VAGUE = rx(
    r"빠른 시일|최대한 (빨리|빠르게|신속)|가능한 (한 )?(빨리|빠르게)|조속히|신속히|곧바로|"
    r"(?<![가-힣])곧(?![가-힣])|빠르게|추후|나중에|차후|언젠가|"
    r"as soon as (possible|we can)|\basap\b|shortly|\bsoon\b|in due course|at the earliest|"
    r"promptly|at some point|in the near future"
)
OVER_PROMISE = rx(
    r"100 ?%|무조건|완벽하게|완벽히|절대 (다시|재발)|반드시 .{0,10}(해결|완료)|보장(합니다|해 드|드립)|"
    r"guarantee|\bperfect(ly)?\b|never (happen|occur) again|100 percent|instantly (fix|solve)"
)
DONE = rx(
    r"(완료|처리|해결|복구|정상화|재발송|발송|출고|환불|정정|수정|취소|반영|지급|적립|조정|재충전|재처리)(를|을|가|이)? ?"
    r"(했습니다|하였습니다|했어요|했고|했구요|했고요|했으니|하였고|해 ?드렸|되었습니다|됐습니다|되었어요|됐어요|"
    r"완료(?! ?(시점|예정|후|되면|시|일)))|"
    # Done by us, never "연동이 해제됐어요" (the failure itself).
    r"(해제|등록)(를|을)? ?(했습니다|했어요|했고|했구요|했으니|해 ?드렸)|"
    r"(완료|처리|해결|복구|정정|수정|취소|반영|지급|적립)(를|을)? ?(마쳐서|마쳤|마치고)|"
    r"\b(i|we)('ve| have)? (just |already )?(lifted|applied|refunded|restored|reversed|credited|fixed|corrected|"
    r"cancell?ed|unblocked|unlocked|reset|removed|ended|re-?sent|rebooked|released|approved|waived|voided)\b"
    r"[^.!?]{0,40}\b(just now|this morning|today|already|in full)\b|"
    r"(넣어|고쳐|바꿔|보내|돌려|처리해|잡아|마련해|준비해|예약해) ?드렸|고쳤습니다|바꿨습니다|수정했습니다|"
    # "방금 특급으로 보냈고", "상세페이지는 방금 내렸고"; a request put in ("방금 요청 넣었고")
    # is a step on the way, not the fix.
    r"(?<!요청을\s)(?<!요청\s)방금 (?![^.!?]{0,40}요청)[^.!?]{0,40}(보냈|내렸|넣었|바꿨|올렸|열었|막았|멈췄)|"
    r"(취소하고|취소했고) [^.!?]{0,30}(승인했|결제했)|"
    r"\b(was|were|has been|have been) replaced|\b(has|have) (already )?been (fixed|resolved|refunded|restored|corrected|sent|re-?sent|"
    r"processed|reversed|credited|cancell?ed|issued|reinstated|reactivated)|\b(we|i)(['’]ve| have) (already |just )?(fixed|refunded|"
    r"restored|corrected|re-?sent|reversed|credited|processed|cancell?ed|released|unlocked|switched|linked|"
    r"transferred|reinstated|reactivated|waived|rebooked)|\b(i|we)('ve| have) (just )?added [^.!?]{0,30}\bcredit\b|\b(i|we) (just )?(linked|switched|unlocked|released|refunded|"
    r"fixed|restored|transferred|reinstated|rebooked)\b(?! (it|them|the \w+) (wrong|to the wrong|incorrectly))|\bis (now )?(fixed|resolved|restored|back up)"
)


@dataclass(frozen=True)
class TimeFrame:
    """A time expression found in a text."""

    text: str
    start: int
    end: int


def find_time_frames(text: str) -> list[TimeFrame]:
    """Return the concrete time frames of `text`, in order of appearance."""
    found: list[TimeFrame] = []
    for pattern in CONCRETE:
        for match in pattern.finditer(text):
            # "hasn't moved in 5 days" is how long it has been, not a promise.
            if _PAST.search(text[max(0, match.start() - 16) : match.start()]):
                continue
            if _USUAL.search(text[max(0, match.start() - 60) : match.start()]):
                continue
            if _EARLIER_PROMISE.search(text[match.end() : match.end() + 30]):
                continue
            # "오늘 오전 9시경부터 장애" says when the failure started.
            if _SINCE.match(text, match.end()):
                continue
            if not any(f.start <= match.start() < f.end for f in found):
                found.append(TimeFrame(match.group().strip(), match.start(), match.end()))
    return sorted(found, key=lambda frame: frame.start)


def find_vague(text: str) -> TimeFrame | None:
    """Return the first vague promise ("빠른 시일 내", "shortly") of `text`, if any."""
    match = VAGUE.search(text)
    return TimeFrame(match.group(), match.start(), match.end()) if match else None


def find_over_promise(text: str) -> TimeFrame | None:
    """Return the first over-promise ("100% 해결", "guarantee") of `text`, if any."""
    match = OVER_PROMISE.search(text)
    return TimeFrame(match.group(), match.start(), match.end()) if match else None


# A done-fix word inside a condition: "once a new referral has been issued".
_PENDING = re.compile(r"\b(once|when|after|until|if|unless)\b[^.!?,;—]*$", re.IGNORECASE)


def find_done(text: str) -> TimeFrame | None:
    """Return the first statement that the fix is already done ("환불을 완료했습니다")."""
    for match in DONE.finditer(text):
        if _PENDING.search(text[max(0, match.start() - 40) : match.start()]):
            continue
        return TimeFrame(match.group(), match.start(), match.end())
    return None
