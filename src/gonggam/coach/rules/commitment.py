"""Rules about what the company commits to: ownership, eta, workaround, urgency, follow_up,
gratitude.

- `ownership` fails when a third party (PG사, 택배사, courier, gateway…) is named and nothing
  says the company takes responsibility ("저희 책임", "저희가 끝까지 챙기겠습니다", "we take
  full responsibility"), and on deflection ("저희 쪽 문제는 아닙니다", "out of our control").
  With no third party, a committed fix by the company ("재발송해 드리겠습니다") is enough.
- `eta` passes on a concrete time frame or range (see `timeframe`), or when the fix is already
  done; vague promises and over-promises ("100% 해결", "guarantee") fail.
- `workaround` passes on something the customer can do meanwhile.
- `urgency` passes on priority or an action under way now; "we will let you know" fails.
- `follow_up` passes on a promise to come back, check the fix, or prevent a recurrence,
  including a contact promised for when the fix lands ("처리되면 바로 문자 드릴게요", "I'll
  ping you once it's live"); a bare deferral ("we'll let you know as soon as we hear",
  "will get back to you") does not count.
- `gratitude` passes when the customer is thanked for reporting / waiting / helping (a
  boilerplate thank-you does not count); for praise any sincere thanks counts.
Cues inside cliché spans never count: boilerplate proves nothing.
"""

# ruff: noqa: E501 — cue lexicons keep one alternation group per line; Hangul counts double width.

from __future__ import annotations

import re

from gonggam.coach.interim import interim_offer
from gonggam.coach.patterns import SENTENCE, rx, sentence_around
from gonggam.coach.result import RuleResult
from gonggam.coach.rules.base import CoachContext, failed, passed, passed_by
from gonggam.coach.rules.understanding import stated_admission
from gonggam.coach.timeframe import find_over_promise, find_vague

THIRD_PARTY = rx(
    r"PG ?사|결제 ?대행 ?(사|업체)|택배 ?(사|회사|기사)|배송 ?(업체|기사)|협력 ?(업체|사)|제휴 ?(사|업체)|"
    r"외부 ?(업체|시스템)|카드 ?사|은행 ?측|통신 ?사|제조 ?사|판매자|입점 ?업체|물류 ?(업체|사)|"
    r"\b(courier|carrier|gateway|payment (provider|processor)|vendor|supplier|third[- ]party|"
    r"the bank|shipping (company|partner)|delivery (company|partner)|logistics (partner|provider)|"
    r"partner company)\b"
)
# What makes a partner the explanation rather than a channel: a cause after its name ("택배사
# 물량 증가로", "카드사 측 오류", "the courier's delay") — not "카드사 문자로 알림이 갑니다".
PARTY_AS_CAUSE = rx(
    r" ?(측|쪽)?(의|에서|이|가)? ?[^.!?]{0,12}(사정|문제|오류|장애|지연|때문|인해|탓|물량|파업|폭주|증가|원인|사유|사고|실수|누락)|"
    r"('s)? ?[^.!?]{0,20}\b(delay|error|problem|issue|fault|backlog|outage|strike|mistake|network|system)|"
    r" (has|had|is|was|were|have) (been )?(delayed|down|having|late|slow|overloaded|unable)"
)
PARTY_BY = rx(
    r"\b(supplied|provided|operated|run|managed|handled|caused|made) by (a|an|the|our)? ?$"
)
# A partner as the subject of the action ("업체에서 조치 중입니다", "the vendor is fixing it").
PARTY_ACTING = rx(
    r"(PG ?사|대행 ?사|택배 ?사|업체|협력사|제휴 ?사|카드 ?사|통신 ?사|제조 ?사|판매자) ?(에서|이|가|측|쪽)|"
    r"\b(courier|carrier|gateway|provider|processor|vendor|supplier|partner|bank)\s(is|are|has|have|will)\b"
)
DEFLECTION = rx(
    r"저희 ?(쪽|측)?(의|가)? ?(문제|잘못|책임|과실)(는|은|이|가) (아니|아닙|아닌)|저희(와|랑)는? (무관|관계(가)? 없)|"
    r"저희도 어쩔 수|어쩔 수 없(는|었|습니다)|저희 (소관|권한)이 아니|"
    r"\bnot our (fault|responsibility|problem)|\bout of our (hands|control)|\b(beyond|outside) (of )?our control|"
    r"\bnothing (we|i) can do|\bnot responsible for"
)
STRONG_OWNERSHIP = rx(
    r"저희 ?(쪽|측)?(의|가)? ?(책임|잘못|실수|불찰|탓)|책임지고|책임을 (지|다하|지겠)|"
    r"(저희|제가|당사)(가|는)? ?(끝까지|직접)|끝까지 (챙기|책임|해결|확인|추적)|"
    r"저희 ?(상담사|직원|물류 ?센터|시스템|쪽|측|팀)?(가|이|에서|의)? .{0,25}(잘못|실수|누락|빠뜨|만든|낸|일으킨)|저희 (규정|기준|약속) 위반|"
    r"\b(we|i) take (full |complete )?(responsibility|ownership)|"
    r"\b(our|my) (responsibility|fault|mistake|error)\b|\bthat'?s on us\b|"
    r"\b(backlog|error|problem|mistake|fault|issue|bug|delay|oversight)\w* on our (side|end)\b|\bour job\b|"
    r"\b(we|i)('ll| will) (personally )?(make (this|it) right|own this|see (this|it) through)|"
    r"\b(we|i)('ll| will) (personally )?(chase|follow|handle) .{0,25}(ourselves|myself|directly|until)|"
    # What the company should have done, said as its own duty ("저희가 막았어야 하는 일",
    # "저희가 지켜야 할 기준에 못 미칩니다", "we then failed to", "nobody on our side caught").
    r"(저희|제가|당사)(가|는|도)? .{0,25}(었어야|았어야|였어야|했어야) (하는|할|했던)|"
    r"(저희|당사)(가|의)? (지켜야 할|약속한|정한) .{0,15}(못 미|어긋|어기)|"
    r"\b(we|i) (then |also |simply )?(failed|forgot|neglected) to\b|\b(nobody|no one) (on our (side|end)|here)\b"
)
WEAK_OWNERSHIP = rx(
    r"(재발송|환불|정정|보상|해결|교환|발송|취소|복구|수정|반영|적립|지급|재배송|바로잡|처리|재결제|"
    r"배송|수거|회수|지원|환급|차감)(을|를)? ?(직접 )?(마쳤|끝냈|해 ?드리겠|해 ?드릴게|해 ?드렸|해 ?드립니다|할 예정|하겠습니다|하였습니다|"
    r"했습니다|완료|해 두었|해 놓았|하고 있|진행하고|진행 중|해 드리고)|"
    r"(보내|넣어|챙겨|준비해|바꿔|고쳐|돌려|적용해|처리해)( ?드리| ?드렸| 두겠| 놓겠| 두었)|"
    r"\b(we|i)('ll| will|'ve| have| are| am|'re|'m|'d like to| would like to) (now |already |personally )?(refund|resend|re-send|"
    r"reship|replac|fix|correct|credit|revers|cancel|process|restor|send|sent|ship|waiv|cover|reimburs|upgrad|deliver|courier|"
    r"issu|sort)"
)
# The company, in the first person, doing or committing to something for the customer
# ("방금 배정했습니다", "오늘 보내 드리겠습니다", "I've approved it", "we're rolling it back").
FIRST_PERSON_ACT = rx(
    r"(했습니다|하였습니다|해 ?두었|해 ?놓았|드렸습니다|드리겠습니다|드릴게요|드릴게|하겠습니다|했고|드렸고|넣었습니다|넣었고|넣어 ?두었|"
    r"보냈습니다|요청했습니다|배정했습니다|올려 두었|빼 두었|바꿨습니다|풀어 두었|고쳐 두었|넣어 두었)|"
    r"\b(i|we)('ve| have|'ll| will|'re| are|'m| am) (just |now |already |personally )?"
    r"(\w+ed|\w+ing|sent|made|put|got|set|taken|built|told|found|paid|given|call|email|text|ship|send|"
    r"fix|refund|credit|make|put|get|check|take|pay|give|have)\b"
)
# The company named as the one who failed ("저희 오류입니다", "that's our bug", "we mislabelled").
_OURS = re.compile(r"(?<![가-힣])(저희|제가|당사)|\b(we|our|us|i)\b", re.IGNORECASE)


# Acts that promise nothing of substance: telling, checking, trying ("안내해 드리겠습니다",
# "확인했습니다", "노력하겠습니다", "we are investigating", "I'll check").
_HOLLOW_ACT = rx(
    r"(안내|확인|노력|검토|연락|문자|말씀|사과|감사|양해|참고|알려|전달|접수|조사|파악|조치|반영|신경|도와|교육|답변|발생)\S{0,3}\s?\S{0,3}$|"
    # "받아보실 수 있도록 하겠습니다", "반영하도록 하겠습니다": a purpose, not an act.
    r"도록\s?$"
)
_HOLLOW_EN = rx(
    r"\b(investigat|look|check|review|get back|let you know|be in touch|reach out|strive|aware|committed|inform|notif|"
    r"asked (our|the) \w+ (team )?to (review|look|check|investigate))"
)


def _first_person_act(ctx: CoachContext) -> re.Match[str] | None:
    for match in ctx.cues(FIRST_PERSON_ACT):
        before = ctx.text[max(0, match.start() - 8) : match.start()]
        if _HOLLOW_ACT.search(before) or _HOLLOW_EN.search(
            ctx.text, match.start(), match.end() + 12
        ):
            continue
        return match
    return None


def _owned_admission(ctx: CoachContext, *, in_sentence: bool) -> re.Match[str] | None:
    """An admitted failure with the company as its subject: in the admission itself ("저희 쪽
    결제 오류", "we mislabelled it"), or, when `in_sentence`, anywhere in its sentence."""
    admission = stated_admission(ctx)
    if admission is None:
        return None
    where = sentence_around(ctx.text, admission.start(), 400) if in_sentence else admission.group()
    return admission if _OURS.search(where) else None


WORKAROUND = rx(
    r"그동안|그 동안|그 사이|임시로|임시 |대신|당분간|(해결|복구|정상화)될 때까지|"
    r"다른 (결제 ?수단|카드|방법|브라우저|기기|앱|계좌)|"
    r"(계좌 ?이체|무통장|PC ?웹|웹 ?사이트|모바일 ?웹|간편 ?결제|카카오페이|네이버페이|토스|앱 대신|"
    r"매장|콜센터|전화 주문)(로|으로|를|을|에서)? ?(이용|결제|주문|접속|구매|수령|방문)|"
    r"(이용|결제|주문|접속|사용|수령|구매)(하실|하시는|할) 수 있|"
    r"(하시면|해 보시면|쓰시면|누르시면) .{0,15}(됩니다|가능|돼요|이용하실)|대체|우회|"
    r"방문 ?수령|직접 ?수령|먼저 (보내|발송|드리|처리|입금)|"
    r"\b(meanwhile|in the meantime|for now|until then|until (it|this|the fix)|temporar(y|ily)|"
    r"instead(?! of)|alternative(ly)?|workaround|in the interim|while (we|you wait|the fix))\b|"
    r"\byou can (still |also )?(use|try|pay|order|access|pick|log|switch|download|book|place|collect|show|go|visit|call|print|ask|bring|take)|"
    r"\b(there'?s|there is) (another|a spare|a replacement|a loaner)\b|\b(you are|you're) welcome to (browse|use|try|book|choose|pick)|"
    r"경우를 대비해|(배치|마련|준비)(되어|돼) 있(으니|습니다|어요)|"
    r"\bif you need (it|the money|them|this|one) (sooner|now|today|before)|\bif you can'?t (come|make it|get|wait)|"
    r"(불편하시지|곤란하시지) 않도록|(?<![가-힣])간이 |급하시면|급하신 경우|당장 필요하시면|"
    # A way to get by until the fix ("오늘 밤 버티실 수 있게", "오시면 직원이 바로 발권해
    # 드리고", "a hire car until your car is returned", "keep the receipts and we'll reimburse").
    r"(버티|지내|쓰|이용하|드|타|보|받)(실|으실) 수 있(도록|게)|(오시|가시|들르시|방문하시)면 .{0,30}(드리|해 드|드려)|"
    r"\buntil (your|the) \w+ (is|are|has been|gets?) (back|returned|fixed|ready|repaired|restored)|"
    r"\b(hire|loaner|courtesy|rental|replacement|spare|temporary) (car|vehicle|phone|device|unit|router|laptop)\b|"
    r"\breimburs\w*|\bkeep the receipts?\b|"
    r"그 전에 (쓰셔야|필요하|받으셔야)|\bwe can (add|send|give|offer|lend|ship) |"
    # Another way offered for the customer to choose ("원하시면 17:30편으로 무료로 변경해 드릴 수
    # 있습니다", "a quieter room is available from 2pm if you'd like to move").
    r"(변경|교환|이동|수강|체크인|대여|배정)(해 ?드릴 수 있|하실 수 있|이 가능|도 가능|가능하)|"
    r"원하시면 [^.!?]{0,40}(드릴 수 있|드리겠|드릴게|가능합니다)|"
    r"\b(available|free) (from|today|tonight|now|if you)\b|\bif you'?d (like|rather|prefer) (to )?(move|switch|change|swap|go|use|take)\b"
)
URGENCY = rx(
    r"최우선|우선 ?순위|우선적으로|긴급(?! ?상황)|가장 먼저|제일 먼저|지금 ?(바로|즉시)|즉시|곧바로|당장|"
    r"(복구|수정|조치|재처리|재발송|처리|점검|환불|취소|교환|정정|작업|확인|추적|회수)(를|을)? ?"
    r"(진행 ?중|하고 있|작업 ?중|중입니다|시작했|착수|들어갔|마쳤|요청했|요청해 ?두었|접수했)|"
    r"(엔지니어|개발 ?팀|기술 ?팀|담당자|담당 ?팀|책임자|팀장|배송 ?팀|물류 ?팀)(이|가|들이|에서)? .{0,20}"
    r"(투입|작업|붙어|매달|복구|수정|처리하고|확인하고|진행하고|찾고)|"
    r"방금 .{0,15}(요청|접수|처리|전달|조치|진행|보냈|발송)|(잡아|마련해|준비해|배정해) ?(두었|놓았|드렸)|첫 (배송|순서|번째로)|바로 .{0,12}(보고|전달|요청|조치|처리|수정|고쳤|고치|반영|취소|보내|발송|출고|배정|투입|연결)|"
    r"\b(top|highest|first) priority|(?<!to.)\bprioriti|\burgent(ly)?\b|\bright (now|away)|\bimmediately\b|"
    r"\bas we speak|\b(engineers?|team|developers?|warehouse|staff) (is|are|has|have) (now |currently |"
    r"actively |already )?(working|restoring|fixing|rolling|started|begun|on it)|"
    r"\b(we|i)('re| are|'m| am) (now |currently |actively |already )?(restoring|fixing|rolling back|"
    r"reprocessing|re-?sending|reversing|correcting|processing|rebuilding|repairing|tracing|chasing)|"
    r"\b(we|i)('ve| have) (just |already )?(escalated|flagged|raised|reversed|processed|requested|"
    r"started|put|issued|refunded|re-?sent|shipped|sent|upgraded|arranged|booked|scheduled)|"
    # Something concrete being done right now, in any verb ("지금 고치고 있어요", "지금 20kg을
    # 퀵으로 배차해 두어", "오늘 제작에 들어가", "I've opened a trace", "we're rolling the update
    # back now", "it goes out on tonight's van").
    r"(지금|방금|현재|오늘 ?(바로|중으로)?) [^.!?\n]{0,25}(고치|고쳐|수정|복구|배차|배정|보내|보냈|넣어|넣고|출고|발송|제작|"
    r"바꾸|바꿨|바꿔|풀어|풀고|연결|재처리|회수|교체|수리|되돌|롤백|작업|취소|환불|미뤄|당겨|넣|시작)(?![시셔실셨])(?!\S{0,3} ?(예정|될|되면|되는|대기|준비|전|지연|늦|물량))|"
    r"(제작|작업|수리|복구|교체)에 (들어가|들어갔|착수)|"
    r"\b(i|we)('ve| have) (just |now |already )?(opened|approved|pulled|switched|released|"
    r"credited|cancell?ed|relabell?ed|rebooked|moved|replaced|reset|unlocked|restored|fixed|corrected|dispatched|turned on)|"
    r"\b(we|i|engineers?|technicians?|team|crew|restaurant|kitchen|warehouse|staff|driver|rider)('re| are|'s| is|'m| am) (now |currently |already )?\w+ing\b[^.!?]{0,40}\b(now|right away|as we speak|today|tonight)\b|"
    r"(걸어|넣어|올려|접수해) ?(두었|두어|놓았|뒀)|요청(을|를)? ?(넣었|넣어 ?두)|다시 요청해 ?(두었|드렸|놨)|"
    r"\b(i|we)('ve| have) (just|now) \w+ed\b|\b(has|have) now been \w+ed\b|"
    r"\b(i|we)('ve| have)? (just |now |already )?\w+ed\b[^.!?]{0,50}\b(just now|this morning|right away)\b|"
    r"\b(it|this|your \w+)('s| is| has) been (\w+ed)\b[^.!?]{0,40}\b(goes|going|ships|out) (out )?(on |by |today|tonight)|"
    r"\bgoes out (today|tonight|on tonight|this (afternoon|evening|morning))|"
    # A concrete act already done today, in the past tense ("오늘 팀장이 직접 들었고", "I've
    # removed the $340 today", "I took the video down the moment I read", "we fixed it at 6 pm").
    r"오늘 (오전|아침|새벽|오후)? ?[^.!?\n]{0,20}(했고|했습니다|했어요|마쳤|끝냈|들었고|들었습니다)|"
    r"\b(i|we)('ve| have)? (just |already |personally )?(removed|merged|pushed|enabled|voided|assigned|took|sealed|"
    r"fixed|restored|reversed|refunded|resent|rebooked|repaired|brought in)\b[^.!?]{0,40}"
    r"\b(today|this (morning|minute|afternoon)|now|myself|just now|the moment|at \d)"
)
FOLLOW_UP = rx(
    r"다시 연락|(연락|안내|알려|말씀|문자|전화|알림)(을|를)? ?(다시 )?(드리겠|드릴게|드리도록|드릴 예정|주겠|하겠)|"
    r"(결과|진행 ?상황|처리 ?결과|해결 ?여부|완료 ?여부|도착 ?여부)(를|을)? .{0,15}(안내|알려|연락|공유|말씀)|"
    r"(해결|처리|도착|완료|복구|정정|환불|입금|수령)(되|됐|되었|하|하셨|받으셨)(는지|을 때|으면|는 대로) .{0,20}"
    r"(확인|연락|전화|문자|안내|여쭙)|"
    r"재발 ?방지(?!에 (힘쓰|노력|최선))|다시는 .{0,20}(없도록|않도록)(?! (하겠|노력|주의|신경))|(같은|이런|동일한) (문제|일|실수|오류|누락|착오|사고|장애|지연)(가|이)? .{0,25}"
    r"(없도록|않도록|반복되지)(?! (하겠|노력|주의|신경|최선))|(원인|근본 ?원인)(을|를)? ?(파악|분석|찾|확인|조사|공유|밝혀)|"
    r"(개선|교육|점검|보완|재교육)(을|를)? ?(다시 )?(하겠|할 예정|진행|하였|했|마쳤|하도록|실시)|"
    r"[가-힣]+도록 (했습니다|했어요|하였습니다|바꿨|바꾸었|조치했)|(원칙|규정|절차|기준)(을|를)? ?다시 (안내|교육|공유)(했|하였)|"
    r"\bfollow(ing)?[- ]up|\bcheck (back|in) (with you)?|"
    # "get back to you" / "let you know" alone defer; they count once tied to a time or the fix.
    r"\bget back to you (by|within|tomorrow|once|when|on \w+day|as soon as (it|the|your))|"
    r"\b(update|email|call|phone|ring|text|message|contact|notify|write to|ping) you (again|as soon|once|when|by|on|"
    r"within|tomorrow|with|the moment|before)|\blet you know (once|when|as soon as|the moment|by|within)(?! (we|i) (hear|get word|know more))|"
    r"\b(drop|send|give|shoot) you a (line|note|message|text|call|ring|quick \w+)|\bbe in touch (by|once|when|on|tomorrow|within)|"
    r"\byou'?ll hear from (me|us) (by|once|when|on|tomorrow|within)|\bkeep you (posted|updated|in the loop)|"
    r"\bso (it|this|that) (can'?t|won'?t|doesn'?t|never|cannot) .{0,40}\bagain\b|"
    # A check-back set for a day, and a change made so it cannot recur ("call Friday afternoon
    # to confirm", "we've fixed the sync so deactivated users are excluded going forward").
    r"\b(call|phone|ring|text|email|message)( you)? (on )?(\w+day|tomorrow|tonight|this \w+)( \w+)? to (confirm|check|make sure)|"
    r"\b(we'?ve|we have|we'?re|we are|we'?ll)( also)? (fixed|changed|added|adding|locked|updated|introduced|"
    r"retrain\w*|set up|removed)\b[^.!?]{0,80}(\bgoing forward\b|\bfrom now on\b|\bso (that )?[\w' ]{1,30} "
    r"(can'?t|won'?t|cannot|no longer|can no longer)\b|\bbefore [\w ]{1,30} (are|is) (issued|sent|shipped|released))|"
    r"(문자|카톡|메일|알림|앱 푸시|푸시)(로|으로) (바로 )?(보내|알려) ?(드리|드립|드릴)|"
    r"(앞으로는|다음 주부터|오늘부터|이번 주부터) [^.!?]{0,40}(도록 (바꾸|바꿨|하겠|했)|바꾸겠|바꿨)|"
    # A contact promised for when the fix lands ("설치가 끝나면 제가 직접 전화드려 여쭙겠습니다").
    r"(되면|끝나면|마치면|들어오면|도착하면|받으시면|고쳐지면|는 대로|난 뒤|난 후) .{0,25}(연락|전화|문자|카톡|메일|알림|여쭙|여쭤)(을|를)? ?(드리|드려|드릴|하겠|해 ?드리|볼게|보겠)|"
    r"(받으셨|되었|됐|끝났|도착했|들어왔|해결됐|맞)는지 .{0,20}(확인|연락|여쭤|여쭙)|다시 확인하겠|"
    # After the fix: "메일을 보낸 뒤 제가 직접 전화로", "복구되면 문자로 바로 알려 드리고"; a
    # process changed so it cannot recur ("확인받도록 절차를 바로잡았습니다").
    r"[가-힣](ㄴ|은|난|낸|친|된|한) (뒤|후)(에)? .{0,25}(연락|전화|문자|확인|여쭙)|"
    r"((?<!확인)되면|끝나면|마치면|끝나고|마치고|(?<!확인되)는 대로) (?![^.!?]{0,20}공지)[^.!?]{0,25}(알려|연락|안내|전화) ?(드리|드릴|드려)|"
    r"(절차|방식|시스템|프로세스|규정|과정|설정|자료|안내문|매뉴얼|문구)(을|를)? ?(바로잡|바꾸|바꿨|바꿔|고치|고쳐|고쳤|개선|보완|손보)|"
    r"\b(message|call|text|email) you (here |back )?(the minute|the moment|as soon)|"
    r"\b(call|email|text|message|contact) you (\w+ )?(as soon as|once|when|the moment)\b|\blet you know what (they|the \w+|he|she) (say|says|decide)|"
    # A concrete change from now on ("앞으로 매물 등록 시 주차 여부를 한 번 더 확인받도록
    # 하겠습니다"), not the stock "앞으로 더 나은 서비스로 보답하겠습니다".
    r"앞으로(는)? (?![^.!?]*(더 나은|더 좋은|보답|노력|신경|주의))[^.!?]{10,60}(도록 하겠|받고 진행|하겠습니다|겠습니다)|"
    r"\b(i|we)('ll| will) (call|email|text|check|confirm|contact|message|ring)\b|\bno one else|\bprevent|\b(won'?t|doesn'?t|does not|will not|never) happen again|\broot cause|"
    r"\bmake sure (this|it) (doesn'?t|does not|never)|\b(review|fix|change|improv|tighten)\w* "
    r"(our|the) (process|checks|training|system|procedure)"
)
GRATITUDE_SPECIFIC = rx(
    r"(알려|말씀해|말씀|제보해|짚어|지적해|신고해|연락해|기다려|참아|이해해|보내|남겨|공유해|확인해|"
    r"찾아|설명해|캡처해|기록해)\s*주셔서\s*(정말 |진심으로 |너무 )?(감사|고맙)|덕분(에|입니다|이에요)|"
    r"\bthank(s| you)( so much| very much)? for (letting|telling|reporting|flagging|pointing|your patience|"
    r"bringing|taking the time|reaching us|bearing with|catching|spotting|the heads|sharing|waiting|your help|raising|sticking|"
    r"being patient|the (details|screenshot|report))|\bthanks to you\b|"
    r"\bappreciate (you|your) (letting|telling|flagging|reporting|patience|help|taking|catching|spotting)"
)
ANY_THANKS = rx(r"감사|고맙|고마워|\bthank|\bappreciate|\bgrateful")


def check_ownership(ctx: CoachContext) -> RuleResult:
    """`ownership`: the company owns the problem; a third party is never the excuse."""
    deflection = ctx.find(DEFLECTION)
    if deflection:
        return failed(
            "ownership",
            deflection.group(),
            ctx.say(
                f"책임을 돌리지 말고 '{ctx.topic}' 해결을 저희가 맡는다고 말하세요 (예: 저희가 끝까지 챙기겠습니다).",
                f"Do not deflect; say the company owns fixing '{ctx.topic}' (e.g. 'we will see this through').",
            ),
            (deflection.start(), deflection.end()),
        )
    # Owning the failure first makes a third party named after it a cause, not the excuse.
    strong = ctx.find(STRONG_OWNERSHIP) or _owned_admission(ctx, in_sentence=False)
    if strong:
        return passed_by("ownership", strong)
    party = next(
        (
            m
            for m in THIRD_PARTY.finditer(ctx.text)
            if PARTY_AS_CAUSE.match(ctx.text, m.end())
            or PARTY_BY.search(ctx.text, max(0, m.start() - 30), m.start())
        ),
        None,
    )
    if party:
        return failed(
            "ownership",
            ctx.say(
                f"'{party.group()}'을(를) 원인으로만 들고 저희 책임은 말하지 않았습니다",
                f"'{party.group()}' is given as the explanation; the company takes no responsibility",
            ),
            ctx.say(
                f"{party.group()} 문제라도 고객님께는 저희 책임입니다 — '{ctx.topic}' 해결을 저희가 직접 "
                "챙기겠다고 말하세요.",
                f"Even if the {party.group()} caused it, it is ours to fix: say we take responsibility "
                f"for '{ctx.topic}' and will see it through.",
            ),
            (party.start(), party.end()),
        )
    weak = (
        ctx.find(WEAK_OWNERSHIP)
        or _first_person_act(ctx)
        or _owned_admission(ctx, in_sentence=True)
    )
    if weak:
        return passed_by("ownership", weak)
    return failed(
        "ownership",
        ctx.say(
            "저희가 무엇을 책임지고 할지 말하지 않았습니다",
            "the reply never says what the company will do",
        ),
        ctx.say(
            f"'{ctx.topic}'을(를) 저희가 어떻게 바로잡을지 주어를 '저희가'로 해서 말하세요.",
            f"Say, with 'we' as the subject, how the company will put '{ctx.topic}' right.",
        ),
    )


def check_eta(ctx: CoachContext) -> RuleResult:
    """`eta`: a concrete time frame or range, not a vague or over-promise."""
    over = find_over_promise(ctx.text)
    need = ctx.time_need
    example = ctx.say(
        f"고객님은 '{need}'을(를) 말씀하셨으니 그 안에 가능한지 범위로 답하세요 (예: 오늘 오후 6시까지)"
        if need
        else f"'{ctx.topic}' 해결 시점을 범위로 약속하세요 (예: 12시간 내, 2~3일)",
        f"The customer needs it '{need}': say whether that is possible, as a range"
        if need
        else f"Give a time frame for '{ctx.topic}', as a range if unsure (e.g. within 12 hours, 2–3 days)",
    )
    if over:
        return failed(
            "eta",
            over.text,
            ctx.say("지킬 수 있는 만큼만 약속하세요. ", "Promise only what you can keep. ")
            + example
            + ".",
            (over.start, over.end),
        )
    frames = ctx.time_frames
    if frames:
        frame = frames[0]
        return passed("eta", frame.text, (frame.start, frame.end))
    done = ctx.done
    if done:
        return passed("eta", done.text, (done.start, done.end))
    vague = find_vague(ctx.text)
    if vague:
        return failed(
            "eta",
            ctx.say(f"'{vague.text}'은(는) 시점이 아닙니다", f"'{vague.text}' is not a time frame"),
            example + ".",
            (vague.start, vague.end),
        )
    return failed("eta", ctx.say("언제 해결되는지 없습니다", "no time frame"), example + ".")


_PREVENTION = rx(
    r"(절차|방식|규정|정책|프로세스|단계|기준|과정)(도|을|를|으로|로)? ?(\S+ ){0,2}바꿨"
)


def check_workaround(ctx: CoachContext) -> RuleResult:
    """`workaround`: something the customer can do while the fix is pending."""
    match = ctx.find(WORKAROUND) or interim_offer(ctx.text, ctx.cliche_spans)
    if match:
        return passed_by("workaround", match)
    done = ctx.done
    # "확인 절차를 바꿨습니다" guards the next customer; it fixes nothing for this one.
    if done and not _PREVENTION.search(sentence_around(ctx.text, done.start, 400)):
        # Already fixed: there is no meantime to bridge.
        return passed("workaround", done.text, (done.start, done.end))
    return failed(
        "workaround",
        ctx.say(
            "해결 전까지 고객님이 할 수 있는 방법이 없습니다",
            "nothing the customer can do meanwhile",
        ),
        ctx.say(
            f"'{ctx.topic}'이(가) 해결될 때까지 쓸 수 있는 방법(다른 결제 수단, 임시 조치, 먼저 보내 드리기 등)을 알려 드리세요.",
            f"Offer something for the meantime while '{ctx.topic}' is fixed (another payment method, "
            "a temporary step, sending a replacement first).",
        ),
    )


def check_urgency(ctx: CoachContext) -> RuleResult:
    """`urgency`: the issue is a priority and something is being done now."""
    for match in ctx.cues(URGENCY):
        # "업체에서 조치 중입니다": a partner being busy is not the company acting.
        sentence = sentence_around(ctx.text, match.start(), 400)
        if PARTY_ACTING.search(sentence):
            continue
        return passed_by("urgency", match)
    done = ctx.done
    if done:
        # Already fixed ("오늘 출고했습니다") is the strongest sign it was treated as a priority.
        return passed("urgency", done.text, (done.start, done.end))
    # A fix promised within the day ("30분 안에", "오늘 오후 3시까지", "by 6pm today") is
    # being worked on now, whatever words say so.
    for frame in ctx.time_frames:
        sentence = sentence_around(ctx.text, frame.start, 400)
        if (
            _SAME_DAY.search(frame.text)
            and _UNDER_WAY.search(sentence)
            and not PARTY_ACTING.search(sentence)
        ):
            return passed("urgency", frame.text, (frame.start, frame.end))
    return failed(
        "urgency",
        ctx.say(
            "지금 무엇을 하고 있는지 없이 기다리라는 말뿐입니다",
            "passive: nothing says what is being done now",
        ),
        ctx.say(
            f"'{ctx.topic}'을(를) 우선 처리 중이라는 것과 지금 하고 있는 조치를 구체적으로 적으세요.",
            f"Say '{ctx.topic}' is being treated as a priority and what is being done right now.",
        ),
    )


_SAME_DAY = rx(
    r"\d+ ?(분|시간)|오늘|금일|\d{1,2} ?시|"
    r"\b(minutes?|mins?|hours?|today|tonight|this (morning|afternoon|evening)|\d{1,2}(:\d{2})? ?(am|pm)|\d{1,2}:\d{2})\b"
)
# The step is promised or under way, not a time something happened ("어제 4시부터 장애").
_UNDER_WAY = rx(
    r"겠습니다|겠어요|드릴게요|드릴께요|할게요|예정|중입니다|중이고|하고 있|도착합니다|됩니다|"
    r"\b(will|'ll|should be|is being|are being|going out|on (its|the|their) way|expect|is heading|are heading)\b"
)
_NOTICE = rx(r"공지|\bannouncement|\bstatus page")
_NOT_DONE = rx(r" ?[가-힣]{0,3} ?지 (못|않)")


def check_follow_up(ctx: CoachContext) -> RuleResult:
    """`follow_up`: a promise to come back after the fix or to prevent a recurrence."""
    for match in ctx.cues(FOLLOW_UP):
        # A notice to everyone ("복구되면 공지사항으로 알려 드리겠습니다") is not coming back to
        # this customer, and "결과를 알려 드리지 못해" is an admission, not a promise.
        sentence = sentence_around(ctx.text, match.start(), 400)
        if _NOTICE.search(sentence) or _NOT_DONE.match(ctx.text, match.end()):
            continue
        return passed_by("follow_up", match)
    return failed(
        "follow_up",
        ctx.say(
            "해결 후 다시 연락하거나 재발을 막겠다는 말이 없습니다",
            "the conversation just ends: no follow-up",
        ),
        ctx.say(
            f"'{ctx.topic}' 해결 후 직접 다시 연락해 확인하겠다고, 또 같은 일이 없도록 무엇을 고칠지 약속하세요.",
            f"Promise to check back once '{ctx.topic}' is fixed, and what will change so it does not recur.",
        ),
    )


_THANKS_REQUEST = rx(
    r"(시면|주시면|주신다면) (정말 )?(감사|고맙)|감사하겠습니다|\bthank you in advance|\bwould be grateful"
)
_SIGN_OFF = re.compile(
    r"^\W*(정말 |진심으로 )?(감사|고맙)\w*\W*$|^\W*(thanks|thank you|many thanks)\W*$", re.I
)


def _thanks_to_the_customer(text: str) -> re.Match[str] | None:
    sentences = [s for s in SENTENCE.finditer(text) if s.group().strip()]
    for index, sentence in enumerate(sentences):
        thanks = ANY_THANKS.search(text, sentence.start(), sentence.end())
        if thanks is None or _THANKS_REQUEST.search(sentence.group()):
            continue
        if index == len(sentences) - 1 and index > 0 and _SIGN_OFF.match(sentence.group()):
            continue
        return thanks
    return None


def check_gratitude(ctx: CoachContext) -> RuleResult:
    """`gratitude`: thank the customer for reporting, waiting or helping."""
    match = ctx.find(GRATITUDE_SPECIFIC)
    if match is None:
        # Thanks in stock words still thank the customer ("문의 주셔서 감사합니다", "thanks for
        # reaching out"); `no_template` judges the wording. A request dressed as thanks
        # ("기다려 주시면 감사하겠습니다") or a bare sign-off ("감사합니다." closing the reply) is not.
        match = _thanks_to_the_customer(ctx.text)
    if match:
        return passed_by("gratitude", match)
    return failed(
        "gratitude",
        ctx.say(
            "알려 주신 데 대한 감사가 없습니다",
            "the customer is not thanked for reporting or helping",
        ),
        ctx.say(
            f"'{ctx.topic}' 문제를 알려 주셔서 고맙다고, 덕분에 무엇을 고칠 수 있었는지 말하세요.",
            f"Thank them for telling you about '{ctx.topic}' and credit what it helped fix.",
        ),
    )


RULES = {
    "ownership": check_ownership,
    "eta": check_eta,
    "workaround": check_workaround,
    "urgency": check_urgency,
    "follow_up": check_follow_up,
    "gratitude": check_gratitude,
}
