"""What the customer said is at stake, and whether a reply tells it back to them.

`impact` (SPEC 2.2) asks the reply to acknowledge what the problem does to the customer's
work, money, time or plans. Customers name the stakes themselves: the rent, the card bill,
the shop's busiest night, a child, an elderly mother without heating, a flight. A reply that
brings one of those back in a sentence spoken to the customer ("카드 결제일이 모레로
다가오는데…", "Losing bookings on a Saturday, your busiest night…") acknowledges the impact
in whatever words it chooses, which no list of phrasings can foresee.

The stakes are the customer's nouns from the areas of life a failure spills into (money owed,
work and business, family and health, events and plans), plus the nouns of the impact clause
they stated (`stated_impact`). The service's own words (배송, payment) are never stakes: every
reply about the case repeats them.
"""

# ruff: noqa: SIM905 — word lists read best as plain text.

from __future__ import annotations

import re
from functools import lru_cache

from gonggam.coach.patterns import SENTENCE
from gonggam.coach.stated_impact import stated_impact
from gonggam.coach.text import DOMAIN_NOUNS, EN_STOP, AnalyzedText
from gonggam.kit.korean import get_kiwi

KOREAN_STAKES = frozenset(
    # money the customer owes or lives on
    """생활비 월세 관리비 공과금 카드값 결제일 학원비 등록금 병원비 진료비 약값 한도 대출 이자
    연체 연체료 급여 월급 용돈 보증금 잔금 계약금 카드대금 할부금 월급날"""
    # work and business
    """ 업무 장사 영업 매출 가게 손님 거래처 납품 마감 발표 회의 화상회의 재택 근무 출근 출장
    면접 시험 수업 과제 프로젝트 계약 행사 오픈 개업 퇴근 퇴근길 노쇼 학교 등교 학원 대회
    마라톤 경기"""
    # family, health, home
    """ 아기 아이 애기 어머니 어머님 아버지 아버님 부모님 엄마 아빠 할머니 할아버지 가족 남편
    아내 아들 딸 식구 하객 어르신 친구 강아지 고양이 반려견 반려묘 건강 병원 약 알러지
    알레르기 난방 추위 더위 배터리 끼니 식사 분유 이유식 기저귀"""
    # events and plans
    """ 생일 결혼식 칠순 팔순 환갑 돌잔치 장례식 제사 명절 추석 설날 여행 출국 비행기 항공권
    휴가 이사 입학 졸업 기념일 잔치 잔칫날 파티 캠핑 예식 여권 공연 콘서트 경기 전시회""".split()
)
ENGLISH_STAKES = frozenset(
    """rent bills bill mortgage payroll wages salary tuition fees landlord payday
    kids kid children child baby family mother father mum mom dad wife husband dog cat pet
    health hospital medication medicine supplies insulin clinic patients childcare
    customers clients client staff bookings sales restaurant job onboarding shift school class
    son daughter friends guests formula diapers toddler newborn elderly grandmother
    grandfather parents
    wedding birthday funeral flight trip holiday vacation interview exam deadline meeting
    presentation launch party anniversary heating battery busiest match marathon race
    concert passport visa""".split()
)
# Time words in a stated clause say when, not what is at stake.
_WHEN = frozenset("오늘 내일 모레 이번 다음 주말 당장 저녁 밤 아침 오전 오후 주 달 시간 일".split())
# A sentence about the customer's own situation: a Korean honorific verb (셨, 실, 시니…), not
# a request to them ("접수해 주시면", "보내 주세요"); in English, "you" doing or being something,
# or the stake as "your …" ("your busiest night") — not "we rebooked you".
_ADDRESSED_KO = re.compile(r"[가-힣](시|셨|실|셔|세요|십|신)")
_REQUEST_KO = re.compile(
    r"(주|하|보내|알려|확인해|참고해|양해해|기다려) ?(시면|세요|십시오|시기|셔서|주시)"
)
_YOUR = re.compile(r"\byour\b", re.IGNORECASE)
_ADDRESSED_EN = re.compile(
    r"\byou('re|'ve|'d|'ll| are| were| have| had| need| needed| must| can'?t| couldn'?t| won'?t| "
    r"might| may| still| just| only| rely| relied| depend| arranged| drove| took| paid| lost| "
    r"planned| booked| waited| spent| \w+ed)\b",
    re.IGNORECASE,
)
_EN_WORD = re.compile(r"[a-z]+")
# The reply acts because of the stake: "생활비라 오늘 안에 취소하겠습니다".
_BECAUSE_KO = re.compile(r"^[^.!?,]{0,10}?(이?라서?|이니|니까|하니|안 ?되니|때문에)(\s|,|$)")
_ESPECIALLY = re.compile(r"\bespecially\b|\bof all (days|times|nights|weeks)\b", re.IGNORECASE)
_FELT_EN = re.compile(
    r"\b(miserable|exhausting|awful|stressful|frustrating|maddening|worrying|scary|nightmare|"
    r"terrible|horrible|upsetting|draining)\b",
    re.IGNORECASE,
)
# A stake named only as a topic ("시험 준비 관련하여 문의하신 부분은", "할부금 이중 청구 관련하여",
# "regarding your flight") or inside a condition for anyone ("출국이 임박하신 경우", "if your
# trip") is not told back.
_TOPIC_KO = re.compile(
    r"^\S{0,3}\s?(준비\s?)?(관련|문의|건|부분|경우)|^\S{0,3}(\s\S{1,4}){1,2}\s?(관련|문의)"
)
_CONDITION = re.compile(r"(경우|\bregarding\b|\bin case\b)", re.IGNORECASE)


# Family words customers and agents spell differently ("애기 안고" → "아기를 안고").
_SAME = {"애기": "아기", "아가": "아기", "애": "아이", "엄마": "어머니", "어머님": "어머니"}
_SAME |= {"아빠": "아버지", "아버님": "아버지", "알레르기": "알러지", "카드대금": "카드값"}
_SAME |= {"퇴근길": "퇴근", "생일날": "생일"}


def _noun_spans(analyzed: AnalyzedText) -> list[tuple[str, int, int]]:
    """Each noun in its common spelling, with where it stands in the text."""
    morphemes = analyzed.morphemes
    spans = []
    for index, (form, tag, start, end) in enumerate(morphemes):
        # Kiwi reads "아이 해열제" at the start of a sentence as the interjection 아이.
        if tag not in ("NNG", "NNP") and (form, tag) != ("아이", "IC"):
            continue
        # Kiwi reads "손님" as 손 + the suffix 님.
        following = morphemes[index + 1] if index + 1 < len(morphemes) else None
        if following is not None and following[:2] == ("님", "XSN"):
            form, end = form + "님", following[3]
        spans.append((_SAME.get(form, form), start, end))
    return spans


# The composer coaches every keystroke against the same customer message: read it once.
@lru_cache(maxsize=512)
def _clause_stakes(clause: str) -> frozenset[str]:
    return frozenset(
        str(t.form)
        for t in get_kiwi().tokenize(clause)
        if str(t.tag) in ("NNG", "NNP")
        and len(str(t.form)) >= 2
        and str(t.form) not in _WHEN
        and str(t.form) not in DOMAIN_NOUNS
    )


def customer_stakes(customer: AnalyzedText) -> frozenset[str]:
    """The customer's words for what is at stake ("카드값", "어머니", "rent"), possibly empty."""
    message = customer.text
    if customer.morphemes:
        found = {form for form, _, _ in _noun_spans(customer)} & KOREAN_STAKES
        impact = stated_impact(message)
        if impact is not None and impact.language == "ko":
            found |= _clause_stakes(impact.clause)
        return frozenset(found)
    return frozenset(_EN_WORD.findall(message.lower())) & ENGLISH_STAKES


def told_back(analyzed: AnalyzedText, stakes: frozenset[str]) -> tuple[int, int] | None:
    """The span of the first stake the reply names in a sentence about the customer."""
    if not stakes:
        return None
    reply = analyzed.text
    korean = bool(analyzed.morphemes)
    nouns = _noun_spans(analyzed) if korean else []
    for sentence in SENTENCE.finditer(reply):
        text = sentence.group()
        if korean:
            if _CONDITION.search(text):
                continue
            addressed = _ADDRESSED_KO.search(_REQUEST_KO.sub("", text))
            for form, start, end in nouns:
                if not sentence.start() <= start < sentence.end() or form not in stakes:
                    continue
                after = reply[end : end + 14]
                # The reply acts because of the stake ("이대로면 비용 처리가 안 되니 … 바로
                # 취소했고"), said to the customer or not.
                if (addressed or _BECAUSE_KO.match(after)) and not _TOPIC_KO.match(after[:12]):
                    return start, end
            continue
        # "you" doing or being something, anything of "your", or how it was for them ("After a
        # half-hour drive with two kids, sitting there … is miserable").
        addressed = _ADDRESSED_EN.search(text) or _YOUR.search(text) or _FELT_EN.search(text)
        addressed = addressed or _ESPECIALLY.search(text)
        if not addressed or _CONDITION.search(text):
            continue
        for match in _EN_WORD.finditer(text.lower()):
            if match.group() in stakes:
                return sentence.start() + match.start(), sentence.start() + match.end()
    return None


# An English reply sets the customer's circumstance as a frame: "With the council needing your
# certificate by the 16th, …", "… especially with your in-laws coming for Thanksgiving", or a
# lived moment as subject: "Missing client calls for three days … is a real loss".
_EN_FRAME = re.compile(
    r"(?:^|[.!?;—–-]\s*|\b(?:especially|particularly|and|but) )"
    r"with ((?:your|the|an?|\w+'s) [^,.;!?]{3,80})|"
    r"(?:^|[.!?]\s+)((?:standing|missing|finding|being|having|paying|waiting|losing|watching|"
    r"getting|sitting|dragging|spending|coming home|arriving) [^.!?]{3,100}?) "
    r"(?:is|was|must|'s|has been|would)\b",
    re.IGNORECASE | re.MULTILINE,
)


def english_circumstance(reply: str, customer: str) -> tuple[int, int] | None:
    """A frame in the reply that brings back the customer's circumstance in their words.

    The frame must share a word with what the customer said beyond their first sentence (where
    they name the failure itself), or name a stake from `ENGLISH_STAKES`.
    """
    sentences = [m.group() for m in SENTENCE.finditer(customer)]
    later = {w for w in _EN_WORD.findall(" ".join(sentences[1:]).lower()) if _content(w)}
    for match in _EN_FRAME.finditer(reply):
        group = 1 if match.group(1) else 2
        words = {w for w in _EN_WORD.findall(match.group(group).lower()) if _content(w)}
        if words & later or words & ENGLISH_STAKES:
            return match.start(group), match.end(group)
    return None


def _content(word: str) -> bool:
    return len(word) >= 4 and word not in EN_STOP and word not in DOMAIN_NOUNS
