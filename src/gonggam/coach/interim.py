"""Interim offers: a way for the customer to get by until the fix lands.

`workaround` (SPEC 2.2) asks for something the customer can do meanwhile. Agents offer it in
open-ended words — "그 전에는 PC 웹사이트에서 명단을 보실 수 있습니다", "더 기다리시기
어려우면 바로 취소해 드릴 테니", "if you need to print tonight, our Main Street store is
holding two cartridges for you" — so no list of offers can foresee them. What they share is
their shape: one sentence sets the time before the fix or a fallback case (the *frame*), and
offers the customer a way in it (the *offer*). Either alone proves nothing: "그 전에
연락드리겠습니다" has the frame and offers only news; "you can ask your card company for a
chargeback" offers a way that bridges nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from gonggam.coach.patterns import SENTENCE, matches_outside, rx

# The time before the fix, or the case where the fix comes too late.
_FRAME = rx(
    r"그 ?(전|때)(에|까지)(는|도)?|"
    r"(복구|해결|정상화|수리|수정|도착|출고|배송|처리|입금|환불|재개|교체|발송|반영|완료)"
    r"(가|이)? ?(되기 )?(전|때)까지|"
    r"(기다리|대기하)(시|)는 동안|(더 |계속 )?기다리(시기|기) (어려우|힘드|곤란하)(시)?면|"
    r"(늦어지|늦|밀리|지연되)(면|시면|는 경우|ㄹ 경우|을 경우|실 경우)|"
    r"(늦어질|밀릴|지연될) .{0,8}있으면|"
    r"(급하|당장 필요하|오늘 필요하|먼저 필요하)(시면|시다면|신 경우|시니)|"
    r"[가-힣]셔야 (하(면|시면|니|므로|니까|는 경우)|한다면)|"
    r"\b(before then|until then|in the meantime|while you wait|until (that|it|this|the fix|the \w+)"
    r"('s| is| are| has| gets)? ?(in|fixed|done|back|restored|ready|live)|"
    r"if you need (to|it|them|the|a|your|something)|"
    r"so (that )?you can (\w+ ){1,4}(tonight|today|now|right away|meanwhile)|"
    r"if (you can'?t|you'd rather not|you'd prefer not to|you don'?t want to) wait|"
    r"if (anything|that|this|it) (slips|is late|runs late|doesn'?t work))\b"
)
# A way offered to the customer: something they can do, or something the company gives them.
_OFFER = rx(
    r"[가-힣](실|으실) 수 있|(셔|하셔|으셔)도 (됩니다|돼요|괜찮|좋습니다)|시면 (되|됩|돼)|"
    r"(이용|사용|방문|선택|결제|신청)해 주(세요|시면|십시오)|"
    r"[가-힣]{1,4} ?드(리겠|릴|립니다|렸|려요|려 드|리고|리며|리니)|"
    r"(두었|뒀|놓았|해 두|잡아 두|넣어 두)|가능합니다|가능해요|가능하니|"
    # the customer told what to do meanwhile ("카페에 들어가 계세요", "구매하시고 영수증만")
    r"(계|가|들어가|이용하|쓰|사용하|구매하|사|보관해 주|결제해 보|해 보)(세요|시고|십시오)|"
    # what to do or not do to stay safe or get by ("창문 열어 두시고 … 건드리지 마세요", "테이프를
    # 붙여 두시면 … 막을 수 있습니다")
    r"(두|놓|잠가|꺼|켜|빼) ?(두)?(세요|시고|시면)|지 마(세요|시고|십시오)|"
    r"\byou can\b|\blets? you\b(?! know)|\byou('re| are) (booked|welcome|able|covered)|"
    r"\bcan (store|still|use|run)\b|"
    r"\bfeel free\b|\bwe('ll| will) (pay|cover|send|give|lend|refund|book|bring|drop|put|hold)|"
    r"\bi('ve| have) (arranged|enabled|booked|set up|emailed|added|put|moved|reserved|unlocked)|"
    r"\b(is|are) holding\b|\bwill let you\b|\bat (our|no) (cost|charge|extra cost)\b|\bon us\b|"
    r"\bi can (export|send|set|switch|arrange|book|give|issue|put|add|move|unlock|lend)"
)
# "그 전에 연락드리겠습니다", "we'll let you know before then": news, not a way to get by.
_NEWS_ONLY = rx(
    r"(안내|연락|알려|말씀|문자|공유|전달|확인|보고|회신|답변)(을|를)? ?(해 )?드|"
    r"\b(let you know|update you|get back|be in touch|keep you posted|contact you|email you|"
    r"text you)\b"
)


def interim_offer(text: str, outside: Iterable[tuple[int, int]] = ()) -> re.Match[str] | None:
    """The first offer in a sentence that also frames the time before the fix, if any.

    Sentences starting inside an `outside` span (boilerplate) are skipped.
    """
    for sentence in matches_outside(SENTENCE, text, outside):
        frame = _FRAME.search(text, sentence.start(), sentence.end())
        if frame is None:
            continue
        for offer in _OFFER.finditer(text, sentence.start(), sentence.end()):
            clause = text[max(sentence.start(), offer.start() - 12) : offer.end()]
            if not _NEWS_ONLY.search(clause):
                return offer
    return None
