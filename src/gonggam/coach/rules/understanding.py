"""Rules about understanding the customer: context, acknowledge, impact, empathy.

- `context` passes when the reply repeats one of the customer's own specifics (noun phrases
  Kiwi finds in their message: product, order, payment, delivery…) or asks a confirming
  question; without a customer message, a concrete domain noun or order number in the reply.
  Words shared only inside policy text that fits anyone do not count.
- `acknowledge` passes when the reply names the failure ("저희가 배송지를 잘못 입력했습니다",
  "we charged you twice"), also with the company as the subject of any failure word ("저희 이체
  시스템 지연으로", "our warehouse missed", "we messed up"), or states any failure as fact
  (`coach.failure`: "인터넷이 끊겨 있습니다", "the pass wasn't applied"); a bare "sorry for the
  inconvenience", a hedge ("지연될 수 있습니다") or a denial ("저희 쪽 문제는 아닙니다") fails.
- `impact` passes when the reply says what the problem did to the customer's work, money,
  time or plans ("주문을 못 하셔서", "left you unable to pay"), including the customer's own
  time or intention told back with honorifics ("출근 준비로 바쁘실 시간에", "가시려고 준비하신");
  boilerplate ("소중한 시간을 빼앗아") does not count. A reply that names what the customer
  said was at stake (their "이번 달 생활비", "job interview") passes in any wording.
- `empathy` passes when the reply speaks from the customer's side ("많이 답답하셨겠어요",
  "in your shoes"), also without feeling words when the writer imagines the customer's
  experience ("엉망이 되셨겠어요", "저였어도 화가 났을 거예요", "I'd have lost patience too");
  boilerplate like "we understand your frustration" or only "죄송합니다" does not count.
"""

# ruff: noqa: E501 — cue lexicons keep one alternation group per line; Hangul counts double width.

from __future__ import annotations

import re

from gonggam.coach.failure import stated_as_fact
from gonggam.coach.kinds import named_kind
from gonggam.coach.patterns import rx, sentence_around
from gonggam.coach.result import FAIL, RuleResult
from gonggam.coach.rules.base import CoachContext, failed, passed, passed_by
from gonggam.coach.situation import Situation
from gonggam.coach.stakes import customer_stakes, english_circumstance, told_back
from gonggam.coach.text import (
    DOMAIN_NOUNS,
    FAILURE_VERBS,
    GENERIC_NOUNS,
    english_key,
    shared_failure_verbs,
)

_NUMBER = re.compile(r"\d+")
# Everyday service verbs ("should arrive soon") fit every customer, like the domain nouns.
SERVICE_VERBS = frozenset(
    {"arrive", "arriv", "deliver", "ship", "send", "sent", "work", "charg", "pay", "paid"}
    | {"receiv", "cancel", "refund", "wait", "come"}
)

# Everyday nouns and the words of the support exchange itself ("회신", "접수"): in every reply
# whatever the case, so never a specific on their own.
EXCHANGE_WORDS = GENERIC_NOUNS | frozenset({"회신", "완료", "접수", "전달", "back"})

CONFIRMING_QUESTION = rx(
    r"(주문 ?번호|운송장|송장|결제 (일시|시간|금액)|카드사|아이디|연락처|화면|캡처|사진|어떤 .{0,10}|"
    r"언제|어느|몇).{0,30}(알려|말씀|보내|확인해) ?(주시|주실|주세요|주겠)|"
    r"(맞으신가요|맞을까요|맞나요|맞으실까요|인지 여쭤|여쭤 ?봐도|여쭙)|"
    r"\b(could|can|would) you (please )?(confirm|tell me|share|send|let me know)|\bjust to confirm|"
    r"\bis (that|this) (right|correct)\?|"
    # An either/or question that narrows the problem down ("can you not log in at all, or …?").
    r"\b(can|could|do|does|did|are|is|were|was|have|has) (you|it|the \w+) [^.?!]{0,60}\bor\b [^.!]{0,80}\?|"
    r"(인가요|인지요|나요|세요|건가요|신가요|셨나요|으신가요)\?? ?(아니면|혹은) [^.!]{0,60}\?"
)

ACKNOWLEDGE = rx(
    r"저희 ?(쪽|측)?(의|가|에서)? ?(\S{1,8} ){0,3}(실수|잘못|착오|불찰|누락|오류)|"
    r"(잘못|틀리게|틀린|부정확하게|부정확한|엉뚱한|다른) ?(넣|드렸|챙겨|안내|알려|말씀|발송|보내|보냈|처리|청구|결제|입력|등록|기재|포장|배송|전달|상품|주소)|"
    r"(안내|발송|처리|청구|결제|입력|기재|포장|배송|출고|환불|정산|설정|접수)(가|이|를|을)? ?(잘못|누락|지연|늦어|늦게|빠져|빠뜨|중복|두 번|이중|되지 않|안 되)|"
    r"(이중|중복|두 번)(으로|이나)? ?(결제|청구|출금|승인|빠져|나가)|"
    r"(문제|오류|결함|실수)(로|로 인해|으로|때문에)? ?(발생|생긴|난)|발생한 (장애|오류|문제)|"
    r"(오류|장애|문제|지연|버그|결함|먹통|에러)(가|이)? ?(발생|생겨|생기|생겼|있었|있어|있습니다|있는|났|일어|이어지)|"
    r"(늦어지|늦어졌|늦어진|늦게 도착|지연되|지연됐|지연돼|지연된|밀리|밀렸)|"
    r"(접속|로그인|결제|이체|주문|앱|서비스|사이트|송금)(이|가)? ?(안 되|되지 않|중단|멈추|멈췄|끊기|끊겼|막혔|실패)|"
    r"약속(을|드린)? .{0,10}(지키지 못|어기|어겼)|"
    r"\b(our|my) (mistake|error|fault|bad)\b|"
    r"\b(we|i) (made|gave|sent|charged|shipped|quoted|told|processed|got|entered|billed)\b.{0,40}"
    r"\b(wrong|incorrect|twice|mistake|error|double|late|two)|"
    r"\b(was|were|is) (wrong|incorrect|inaccurate|delayed|missing|broken|down|late)\b|"
    r"\b(has|have) been (delayed|down|unavailable|failing|held up)|\b(hasn'?t|has not|haven'?t|have not) (moved|arrived|shipped|updated|been (sent|shipped|processed))|"
    r"\b(payment|order|charge|app|site|login|transfer|delivery|update) (failed|was declined|crashed|broke)|"
    r"\b(outage|error|failure|delay|problem|bug|glitch)\b.{0,12}\b(was|were|has been) caused|"
    r"제대로 (하지|처리하지|확인하지|챙기지|안내하지|전달하지) 못|못한 탓|저희 탓|"
    r"\b(another customer|someone else)'?s?\b|\bthe wrong (item|size|colou?r|address|order|invoice|product)|"
    r"\bshould(n'?t| not| never) have happened|\bmix-?up\b|\bcharged (you )?twice|double[- ]charg|\b(had|has|developed) (a )?(fault|glitch|bug|problem|outage)|"
    r"\bwe (failed|didn'?t|did not|missed|forgot)\b|"
    r"\b(outage|glitch|bug|error|failure) (on our|in our|that|which|caused)|"
    # The company (저희/제가, we/our staff) as the subject of a failure, in any wording.
    r"(저희|제가|당사) ?(쪽|측)?(의|가|에서|는)? ?([^.!?\n]{0,30})(문제|지연|장애|결함|버그|차질|빠져|빠뜨|놓쳐|놓친|놓치|깜빡|지키지 못|확인하지 않고|확인하지 못했|확인 못 하고|못 챙)(?![가-힣]{0,2} ?(아니|아닙|아닌|없))|"
    r"(다르게|틀리게|잘못|엉뚱하게) ([가-힣]+ )?(발송|배송|출고|포장|안내|입력|등록|청구|결제|계산|처리|전달|넣|보내|보냈|드렸|들어|와서|왔)|"
    r"(충전|결제|이체|송금|접속|로그인|등록|업로드|주문|앱|기능|화면)(이|가|은|는)? ?([가-힣]+ )?(안 되|안 됐|안 돼|되지 않|멈추|멈췄|멈춰|실패|끊기|끊겼|막혔|먹통)|"
    r"\b(we|i)('ve| have| had)? ?(really |totally |completely )?(messed|screwed|slipped|mixed) (up|it up)|\bdropped the ball|\blet you down|"
    r"\b(we|i|our (\w+ ){0,2})('ve| have| had)? ?(just )?(missed|lost|mislabell?ed|misrouted|misread|mistyped|misplaced|forgot|overlooked|skipped|broke|pushed a (bad|broken|faulty))\b|"
    r"\bour (\w+'?s? ){0,2}(mistake|error|fault|oversight|slip)\b|\b(delay|mistake|error|fault|problem|bug|outage)( \w+)? (is|was|'s) (ours|on us|on our (side|end))|"
    r"\b(we|i) (told|promised|quoted) you .{0,40}\b(and|but) (then )?(billed|charged|sent|shipped|gave)|"
    r"\b(went|go|goes|has gone|is) down\b|\bcrash(ed|es|ing)\b|\bbug in\b|\b(won'?t|wouldn'?t|didn'?t|doesn'?t) let you\b|"
    r"\b(change|update|release|deploy(ment)?|migration|config\w*) (we|i) (pushed|made|released|shipped|deployed|ran)\b|"
    r"\b(missed|lost|dropped|skipped|misplaced) (your|the) (parcel|order|package|callback|dispatch|appointment|booking|request)|"
    # More ways to own a failure: "by mistake", "a fault in our …", "we should have told you",
    # "that's on us"; "저희가 늦게 처리하면서", "원인은 저희가 적용한 업데이트", "잘못 달았습니다",
    # "다른 고객님 바지를 보내", "누락되어", "미리 갱신하지 못했습니다", "연동이 끊긴".
    r"\b(by mistake|in error|mistakenly|wrongly|erroneously)\b|"
    r"\b(a|the) (fault|bug|error|glitch|flaw|problem) (in|on|with) our\b|\bwe should (have|'ve)\b|"
    r"\b(that|this|it)('s| is| was) (entirely |all |completely |squarely )?(on us|our (fault|mistake|error|doing))|"
    r"(저희|제가|당사) ?(쪽|측)?(의|가|에서|는)? ?([^.!?\n]{0,30})(늦게 (처리|보내|확인|발송|출고|안내|접수|배정|반영|갱신)|놓쳤|끊긴|끊겼|멈췄|멈춘|고장|[가-힣]+지 못(했|한|해))|"
    r"원인은 .{0,30}(저희|제가|당사)|(저희|제가|당사)(가|의) .{0,20}(업데이트|배포|작업|설정|변경|점검)(이|가|때문|으로|입니다|였습니다)|"
    r"(잘못|틀리게|엉뚱하게) ?(달|붙|적|썼|쓰|찍|골|고르|바꿔|바꾸|연결|설치|배정|예약|접수|넣|뽑)|"
    r"(다른|엉뚱한) (고객|분|사람|손님)(님)?의? .{0,12}(보내|드렸|배송|발송|전달|갔|넣)|"
    r"누락(되|됐|돼|된|시키|했)"
)
GENERIC_APOLOGY = rx(
    r"(불편|번거|심려|혼란).{0,12}(죄송|송구|미안|사과)|"
    r"\b(sorry|apologi[sz]e|apologies|regret)\b.{0,20}\b(inconvenience|trouble|any issues|frustration)"
)

IMPACT = [
    rx(
        r"(업무|일정|계획|장사|영업|매출|가게|시간|돈|비용|출근|약속|선물|행사|여행|생일|마감|"
        r"거래|판매|하루|주말|손님|생활|아이|회의|출장|이사|결혼식)(에|을|를|이|가|도|까지)? .{0,15}"
        r"(차질|지장|손해|손실|피해|(?<!잘)못 |(?<!잘)못하|막히|막혀|날리|버리|허비|낭비|놓치|곤란|멈|묶|쓰지|미뤄|망치)"
    ),
    rx(
        r"(결제|이체|송금|주문|배송|사용|이용|접속|로그인|업무|판매|영업|출근|예약|수령|입금|장사|"
        r"일|구매|발송|출고)(을|를|이|가|도)? ?(못 |못하|못 하|하지 못|안 되|막히|막혀|멈추|멈춰|중단)"
    ),
    rx(r"\S+(으)?시려던|\S+(으)?시려고 (하신|하셨|했)"),
    rx(
        r"못 (받으|쓰시|하시|가시|드시|오시|보시|입으)|(하셔야|받으셔야|쓰셔야|보내셔야|내셔야) 하는데|"
        r"(?<![가-힣])(생일|선물|행사|여행|결혼식|출장|시험|면접|마감|이사|잔치|기념일|재료|준비물|식사|수업)\S{0,4} .{0,20}"
        r"(인데|는데|이라|라서|에 맞춰|전에|못 받|늦|안 와|안 오)"
    ),
    # The customer's own need or plan, told back to them ("발표 자료를 올리셔야 하는데",
    # "내일 출국이신데").
    rx(
        r"[가-힣]+셔야 (하는데|해서|했는데|하시는데|하시니)|"
        r"(오늘|내일|모레|주말|이번 ?주|다음 ?주|요일|밤|저녁|아침)\S{0,3} (\S+ )?\S+이?신데"
    ),
    rx(
        r"기다리게|기다리시|기다리셨|기다려야|기다리신|헛걸음|두 번 걸음|다시 (하셔야|하시게|주문하셔야)"
    ),
    rx(
        r"(돈|금액|요금|대금|잔액|생활비|월세|카드값|급여|월급|용돈)(이|가)? .{0,8}(빠져|나가|묶여|묶이|이중)"
    ),
    rx(r"(더|추가로|이중으로|두 번) ?(내셨|내신|내시게|결제하셨|결제되|지불하셨|나갔|빠져)"),
    rx(
        r"(이자|수수료|위약금|요금|비용|배송비)(가|를|이)? ?(붙|물|내시|더 나|청구되)|원이 (붙|더 나|빠져|청구)"
    ),
    rx(
        r"(반차|연차|휴가|월차)(까지|를|을)? ?(쓰|내)|(일부러|멀리서|먼 길) .{0,10}(가셨|오셨|쓰셨)|"
        r"(하셔야|주무셔야|가셔야|기다리셔야|다시 오셔야|받으셔야) (할|하는|했던)"
    ),
    # Not the fine print "추가 비용 발생 가능".
    rx(r"(비용|손해|손실|피해)(가|를|이|을)? ?(보셨|입으셨|발생(?! ?가능)|생기|생겼|끼쳐|드렸)"),
    # A date the customer must meet, drawing near ("카드 결제일이 모레로 다가오는데").
    rx(
        r"(결제일|납부일|마감일|마감|출국일|이사일|기한|만기일|만기|시험일|행사일|예식일)(이|가|은|는)? .{0,12}(다가오|코앞|얼마 남지|임박|닥쳐)"
    ),
    rx(r"(시간|하루|이틀|주말|저녁|오전)(을|를)? ?(낭비|허비|쓰시|버리|빼앗|뺏|날리)"),
    # The customer's own time, plan or intention, told back with honorifics ("출근 준비로 바쁘실
    # 시간에", "할인받으실 생각으로", "등산 가시려고 준비하신", "3주째 식탁에서 일하시느라").
    rx(
        r"[가-힣]+(으)?실 (시간|때|날|참|무렵|생각|계획|예정)(에|으로|이신데|인데)|[가-힣]+(하|으)?시느라|"
        r"[가-힣]+(으)?시려고 [가-힣]*(준비하신|사신|주문하신|고르신|하신|산|주문한)|"
        r"(준비|계획|예정|일정|약속|마감|예약)(이|을|를|가|에)? ?(맞춰 )?([가-힣]+ )?(하셨|있으셨|세우셨|잡으셨|잡아 두셨|맞추셨)(을|는데|던|다면)|"
        r"(계획|일정|하루|준비|출근길|주말|아침|저녁|장사|약속)(이|가|을|를|도)? ?(다 )?(꼬이|틀어지|엉망|어그러지|망가지|멈추|날아가|헛되|허탕)|"
        r"(없으면|없이는|늦으면|못 받으면|안 되면) (안 되|곤란|큰일)|[가-힣]+(될|길|릴)까 봐|"
        r"(\d+|몇|며칠|여러|한) ?(일|주|시간|달|번)(째|을|를|이나|동안|씩)? .{0,20}(버티|기다리|참으|고생|일하|헛걸음|비워|허탕|문의하)|"
        r"(정가|차액|요금|금액|돈|이자|수수료)(이|가|만)? ?(그대로 |더 )?(나가|빠져|청구|붙)|(비워|빼) 두셨|(결제|마감|개업|출국|시험|면접|발표|이사|납부)일(이라|인데|에)"
    ),
    rx(
        r"\b(put|puts|putting|placed) (your|the|their|it) .{0,30}\bat risk|\bthe last thing you need|"
        r"\b(reports?|rent|bills?|payments?|payroll|tax(es)?|assignments?|essays?|projects?|invoices?|presentations?|homework|paperwork|mortgage|wages|thesis) (is |are |was |were )?due\b|\bdeadline\b|"
        r"\b(took|take|taking|taken) (a|the) (morning|afternoon|day|half[- ]day|evening) off|"
        r"\b(morning|day|afternoon|evening|weekend|hours?|time) you (won'?t|will never|can'?t) get back|"
        r"\b(\d+|two|three|four|five|six|several|many) (days|hours|weeks) of (waiting|refreshing|checking|chasing|calling)|"
        r"\b(orders|sales|customers|bookings) (stall|stalling|stalled|dry up|drying up|walk(ing)? away|lost)|"
        r"\byou still have (\w+ ){1,2}to\b|\b(launch|deadline|payday|moving|wedding|exam|interview|expense|opening) (day|date|night)\b|"
        r"[$£€₩] ?[\d,]+(\.\d+)? (bill|you|leave|gone|extra|out of|that|taken|for)|(bill|spend|spent|find|lose|lost|paying|paid|having|pay) (of |for )?[$£€₩] ?\d|"
        r"\byou (were|'ve been|have been|got) charged\b|"
        r"\b(ruin|wreck|upset|derail|disrupt|threw off|throw off)\w* (your|the whole|a whole)"
    ),
    rx(
        r"\b(cost|costing) you\b|(?<!for\s)\byour (business|work|shop|store|plans|money|sales|customers|"
        r"trip|deadline|event|weekend|evening|payroll|launch|morning|afternoon)\b|"
        r"\bleft you (unable|without|waiting|stuck|out of pocket|facing|with|\w+ing)\b|\bhaving to\b|"
        r"\b(losing|lost) your\b|\blocked out\b|\b(being|getting) (locked|stuck|stranded)|"
        r"\byour (wedding|interview|flight|exam|party|birthday|anniversary|funeral|move|rent)\b|\b(need|needed) (it |them )?for (a|an|your|the) \w+|\b(took|take|taking) (a|the) day off|\bday off work|"
        r"\b(couldn'?t|could not|can'?t|cannot|unable to|weren'?t able to|were not able to) "
        r"(pay|work|access|use|log ?in|sell|order|finish|complete|get|receive|open|take|run|ship|"
        r"check ?out|book|buy|transfer)|"
        r"\b(blocked|stranded|out of pocket|lost (sales|money|time|a day|business)|wasted|"
        r"kept you waiting|had to wait|have to wait|tied up)\b"
    ),
    # Money the customer lost or has tied up, told back with its amount ("55만 원이나 더 나가
    # 있는데", "135만 원이 묶였으니"), and what they spent to get here ("돈과 시간을 들여").
    rx(
        r"\d[\d,.]*\s*(만\s*)?원(이나|이|을|가|씩)? .{0,12}(나가|나간|빠져|묶이|묶였|묶여|날아|손해|잃|더 내)|"
        r"(돈|시간|비용|연차|휴가|반차|주말|노력)(과|와|을|를|이|까지)? ?(시간(과|을|까지)? ?)?(들여|버리|날리|허비|잃|빼앗)"
    ),
    # A deadline or departure close at hand, in a sentence about the customer ("출발 50분
    # 전인데", "시험이 한 달 남았는데"); "…이 지났는데" is the customer's loss of a date.
    rx(
        r"(출발|출국|시험|마감|수업|행사|예식|비행기|탑승)(이|가|까지)? ?(\S+ )?(전인데|전이신데|남았는데|남으셨는데|남은 상황)|"
        r"(수입|소득|일자리|직장)(도|이|가)? ?(없으신|없으시|끊기|끊긴)"
    ),
    # What the failure made the customer live through, told back: a place or moment where it
    # shamed them ("조문 자리에서 … 민망하셨을지", "사람들 앞에서 … 당황스러우셨을"), what they
    # had to do ("1회용 카드까지 사셔야 했다니"), what hangs on it ("웨딩 촬영 세 건이 걸려
    # 있으니"), how they get by ("화장실 하나로 지내고 계시니"), what they could not do ("잠도
    # 못 주무셨을").
    rx(
        r"(자리|앞|도중|길)(에서|에) .{0,30}(민망|당황|창피|난처|무안|수치)|"
        r"(셔야|으셔야) ?(했|하셨)(다니|으니|는데|던|을)|(이|가|도) 걸려 ?(있으|있는데|계시)|"
        r"(지내|버티)(고 계시|고 계셨|시|셨)|(을|를) 보내게 (해|하|되|만들)|"
        r"(?<!잘)못 [가-힣]{1,3}(셨|시고|셔서|시게|시니|시는)|"
        # how far it went ("지각까지 하셨다니", "진물까지 났다니"), what lies ahead ("예식을
        # 앞두고"), what they had set up ("친구분들까지 불러 놓으셨는데"), money spent on it
        # ("12만원이나 쓰셨는데", "택시비로 3만원씩 쓰고 계시다니").
        r"(그냥|빈손으로) 돌아(오|가)(셨|시)|까지 [가-힣]{1,8}다니|(?<![가-힣])앞두(고|신|시고)|[가-힣]+ (놓으셨|두셨)는데|"
        r"\d[\d,.]*\s*(만\s*)?원(이나|을|씩)? ?(쓰|내|들이|넣|날리)(셨|시고|시게|고 계시)"
    ),
    # English: what the failure took away or left the customer without.
    rx(
        r"\b(losing|lose|lost) (\w+ ){0,3}(of )?(training|reports?|work|sales|income|money|days?|hours?|weeks?|data|history|progress|tickets?|seats?|sleep)\b|"
        r"\b(being|been|was|were|are|go(ing)?|left|stay(ing)?) without (your|any|a|the|help|power|water|heat(ing)?|internet|money)\b|"
        r"\bon top of (a|your|the)\b|\b(riding|relying|counting) on\b|\b(are|were|is|was|'re) depending on\b|\bat stake\b|"
        r"\bmissed out on\b|\bthe (\w+ ){1,2}you('ve)? (lost|missed)\b|\bmiss(ed)? (your|the) (flight|connection|appointment|deadline|meeting|event|show|train|class)\b|"
        r"\b(money|\$[\d,.]+|£[\d,.]+|€[\d,.]+) (is |was )?(tied up|gone|out of your|sitting on)\b|"
        r"\b(hours?|days?|weeks?|months?) (of your (time|life)|in the same clothes|on hold)\b"
    ),
    # The customer's situation imagined or taken in ("가시는 길이 막막하실 텐데", "길들일 시간도
    # 필요하실 텐데", "28만원 청구서를 받으셨다니"); time and money they gave up ("after you
    # took time off work", "you paid for a new appliance", "waited 90 minutes").
    rx(
        r"[가-힣]+(하|으)?실 텐데|[가-힣]{2,}(셨|으셨)다니|"
        r"\b(you )?(took|take|taking|had to take) (time|a day|the day|a morning|an afternoon|leave) off\b|"
        r"\byou paid (\w+ ){0,3}for\b|\bafter paying (for|\d)|"
        r"\byou( and your \w+)? (waited|queued|stood|sat) (for )?(\d+|an?|two|three|several) (minutes|hours?|days)"
    ),
    # Time and money slipping away while the customer waits ("한 시간 넘게 기다렸다니", "3일째
    # 안 들어와서", "요금이 계속 올라가는", "13,900원이 또 결제됐으니", "요금이 아까우셨겠어요",
    # "두 시간 반이 지나도록"); "had to chase us three times", "no way to pay", "losing power".
    rx(
        r"기다(렸|리셨|려야|리시)[가-힣]*다니|(\d+|몇|며칠) ?(일|주|시간|달)째 [^.!?]{0,20}(안 |못 |않|지 않)|"
        r"(요금|비용|이자|금액)(이|가)? ?(계속 )?(올라가|올라|쌓이|쌓여|붙)|원이 (또|더|두 번|세 번|이중으로) ?(결제|청구|빠져|나가|나갔)|원이 나갔|"
        r"(돈|요금|비용|시간|금액)(이|가)? ?(너무 )?아까|(\d+|한|두|세) ?시간( 반)?(이나|이)? (지나도록|걸려)|"
        r"\b(had|have) to (chase|call|email|ask|wait|repeat|explain|come back|go back)\b|\bno way to (pay|get|reach|contact|travel|work|use)\b|"
        r"\b(losing|lost|lose) (power|signal|access|connection|heat(ing)?|water)\b|\byou('ve| have) been waiting\b"
    ),
]

BOILERPLATE_IMPACT = rx(r"소중한 ?시간|귀중한 ?시간|\b(valuable|precious) time")

EMPATHY = rx(
    r"(답답|속상|당황|당혹|기운 빠지|맥 빠지|불안|걱정|황당|번거로|번거롭|힘드|힘들|난감|실망|초조|애타|애가 타|짜증|"
    r"화가 나|화나|서운|불쾌|억울|놀라|놀랐|곤란|막막|신경 쓰이|마음 ?고생|스트레스|괴로|언짢|"
    r"기분(이)? (나쁘|상하|좋지)|아쉬|민망|창피|면목|화가 (많이 |정말 |너무 )?나|속이 타|조마조마|허탈|어이없|"
    r"지치|피곤|고단|무서|무섭|두려|두렵|겁이 나|겁나|서럽|섭섭|고생|진땀|마음 ?졸이|애먹|아프)\s?\S{0,8}"
    r"(셨|실|으셨|시겠|겠|을지|었을|었겠|셨을|셨겠|였을|으실|시죠|셨죠|시는|으시)|"
    r"(제가 고객님|저라도|저였어도|제가 그 상황|누구라도|누구든).{0,15}(입장|이라도|였어도|같아도|라도|였다면|마찬가지)|"
    r"(입장|처지)(에서|이라면|을 생각|이 되어)|마음이 (아프|무겁|쓰이)|걱정이 (되|됩)|마음(은|을|이)? ?(충분히 )?(헤아|알 것)|"
    r"충분히 (그러실|이해가 ?갑니다|화가 나실|속상하실)|"
    r"\b(must|must have|would|would have|can'?t have) (be|been|feel|felt) .{0,25}"
    r"(frustrat|stress|worr|upset|annoy|disappoint|awful|difficult|hard|alarm|scary|confus|miserable|horrible|humiliat|embarrass|uncomfortable|"
    r"madden|exhaust|unsettl|nerve)|"
    r"\b(i|we) (can )?(only )?(imagine|see) (how|why|what)|"
    r"\bin your (shoes|place|position)\b|\b(is|was|sounds|must be|would be) (really |so |incredibly |genuinely )?"
    r"(stressful|frustrating|worrying|upsetting|annoying|disappointing|awful|embarrassing|maddening|"
    r"frightening|scary|alarming|horrible)|\b(is|was) a (real |total |complete )?(waste|pain|hassle|nightmare)|"
    r"\b(i|we) (completely |totally |fully )?(get|understand|see) why you|\byou'?re (absolutely )?right to be|"
    r"\bi (understand|get) (that )?(paying|losing|having|waiting|being|getting)|"
    r"\bis no way to\b|\b(would|could) (wear|drive) anyone|\bi know (how|what|that|every|this)|\b(i|we) can (hear|tell|see) (how|that|you)\b|"
    r"\b(i'?d|i would|anyone would|anyone'?d) (be|feel|have been) .{0,15}(same|frustrat|upset|annoy|angry)|"
    r"(?<!understand.)(?<!understand.that.)\b(that|this|it)('s| is| was| sounds| has been) (really |so |incredibly |genuinely )?"
    r"(frustrat|stressful|worrying|upsetting|annoying|disappointing|awful|maddening|a pain)|"
    r"(?<!understand.)\bhow (frustrat|stressful|worrying|upsetting|annoying|disappointing)|\bno wonder\b|"
    # Imagining the customer's experience with honorific + past + conjecture ("엉망이 되셨겠어요",
    # "기다리셨을 텐데", "김이 새셨을지요"), a mind word with an honorific ("마음이 급해지셨을"),
    # putting oneself in their place ("저였어도 화가 났을 거예요"), sympathetic surprise ("버티셨다니요").
    r"(?<!받)(?<!받으)(?<!보)(?<!확인하)(?<!도착하)(?<!있으)(?<!있)(?<!계)(셨|으셨)(겠(?!지만)|을 ?(텐데|지))|"
    r"(?<![가-힣])(마음|속|김|애|가슴)(이|가)? ?([가-힣]+ )?[가-힣]*(셨|실|시겠|시죠)|"
    r"(저라도|저였어도|저였다면|저 ?같아도|누구라도|누구든|제가 고객님이라도|제가 고객님이었어도) .{0,20}(을 거|을 것|겠|었을|았을|웠을)|"
    r"[가-힣](시|셨)다니(요)?[.!,…]|"
    # A strong feeling of theirs granted ("화가 나신 상황은 이해합니다"); the stock "답답하신
    # 마음은 이해합니다" is not.
    r"(화가 나|속상하|실망하|서운하|억울하)(신|셨던) (상황|마음|심정)|"
    r"\bi hear (you\b|how)|\bi can (only )?imagine\b|\b(nobody|no one) (wants|likes|expects) to\b|\bthe last thing you need|"
    r"\b(the|a|such a|what a) (\w+ )?(scare|fright|squeeze)\b|\bawkward (conversation|position|moment|spot)|"
    r"\b(feels?|felt|feeling|is|was|been|be) (so |really |very |deeply |genuinely )?(unfair|awkward|tough|scary|unsettling)\b|"
    r"\b(make|makes|made|making) (\w+ ){0,2}(really |so |very )?(hard|tough|difficult|awkward)\b|\ba (hard|tough|difficult) (thing|time|day|week|spot)|"
    r"\bnasty (surprise|shock)|\bsinking feeling|\b(the )?worst (possible )?(timing|time|moment|day|night)\b|"
    r"\b(exhausting|draining|nerve-?wracking|infuriating|unnerving|gutting|agoni[sz]ing|humiliating|"
    r"miserable|disgusting|deflating|heartbreaking|mortifying)\b|"
    r"\b(i'?d|i would|anyone would|anyone'?d)( have)? (be|been|feel|felt|lose|lost|get|gotten)\b(?! (happy|glad|pleased|delighted|able|keen))[^.!?]{0,25}\b(too|as well)\b|"
    r"\b(left|put) you in (that|this|such|a|an) (\w+ )?(spot|position|situation|bind)|"
    r"\b(morning|day|afternoon|evening|weekend|hours?|time) you (won'?t|will never|can'?t) get back|"
    r"\byou must (have been|have felt|feel|be feeling|be so|be really|be watching)|"
    # Naming how it felt as a thing that happened to them ("a horrible thing to hear", "a
    # miserable way for a trip to end", "a sinking moment", "no fun", "test anyone's patience").
    r"\b(is|was|'s|be|been|what) (a |an )?(really |truly |such a |pretty )?(horrible|miserable|awful|terrible|rotten|dreadful|rough|tough|sinking|scary|stressful|upsetting|lousy|wretched|frightening|worrying|nerve-?wracking) "
    r"(thing|feeling|way|moment|experience|place|spot|day|night|week|surprise|shock|start|end|position|evening|morning|weekend|trip|situation)|"
    r"\b(hurts|worries me|bad enough)\b|\b(it|that)('s| is) (frightening|scary|upsetting|awful|horrible) to\b|"
    r"\bno fun\b|\b(test|tests|testing|try|trying) (anyone|anybody|everyone)'?s? patience|"
    r"\b(awkward|difficult|hard|tough|horrible|miserable|lonely|stressful|unfair) (spot|position|place|situation) to be (put |left )?in\b|"
    r"\ba lot to (carry|deal with|handle|take in|go through)\b|\b(would|will|could) make anyone (furious|angry|upset|anxious|livid|mad|nervous|panic)|"
    r"\b(so|really|truly|very) sorry (that )?you (were|had|have|'ve|'re|are|got)\b|"
    # "얼마나" with an honorific imagines the customer's side ("얼마나 번거로우신 일인지"),
    # and so does having made them feel something ("연체까지 걱정하시게 만들어").
    r"얼마나 [가-힣 ]{0,12}(셨|실|신|시겠|시죠)|(걱정|불안|번거롭|곤란|난처|속상|답답)(하|해)?시게 (만들|해 드|했)|"
    # Granting the customer's feeling ("아깝게 느끼시는 게 당연합니다", "터무니없게 느껴지실
    # 만합니다", "화가 많이 나신 것 같습니다"), their state imagined ("식사도 못 하고
    # 계시겠어요", "부담되실 거예요"), and the writer sharing it ("저희도 속상합니다").
    r"(느끼|느껴지|생각하|여기)(시|셨|실)[가-힣]* ?(만하|만합|만해|게 당연|는 게 당연|것도 당연|수밖에)|"
    # "확인되실 거예요", "받으실 거예요" tell what will happen, not how it feels.
    r"(?<!확인)(?<!반영)(?<!처리)(?<!도착)(?<!보)[가-힣](?<!받)(실|셨을|으실|으셨을) (거예요|것 같아요|만하|만합니다)|나신 것 같|"
    # A feeling tied to this case ("캐릭터가 하향되어 속상하신 마음은 이해합니다", "출퇴근이
    # 막막하시다는 말씀 충분히 이해합니다"), not the stock "불편한 마음 충분히 이해합니다"; a
    # feeling taken in ("기분이 많이 상하셨군요"), or imagined ("지치셨을 것 같습니다").
    r"[가-힣]{2,}(서|니|고|는데|데|도|어|아) [^.!?]{0,25}[가-힣]+(하신|으신|우신|하시다는|으시다는) (마음|말씀)|"
    r"(기분|마음)(이|은)? ?(많이 |정말 |너무 )?[가-힣]*(셨|시)군요|"
    r"(지치|놀라|느끼|당황하|서운하|실망하)(셨을|실) (것 같|거예요|텐데)|"
    r"\bhow (alarming|frightening|stressful|upsetting|worrying|annoying|frustrating|hard|scary|embarrassing) it (is|was|must be|must have been) to\b|"
    r"\b(would|'d) (have )?put (me|anyone) off\b|\ba long (day|night|wait|week|morning) (of|for)\b|\b(is|'s) a big deal\b|"
    r"(하|못 하|지내|버티|기다리|계)(고|시고) 계시겠|저희도 (속상|마음이 (아프|무겁)|안타깝)"
)


GENERAL_STATEMENT = rx(
    r"(수 있습니다|수 있으며|수 있어|달라질 수|순차적으로|관련(하여|해서|해서는)? ?(문의|일정|내용|불편|사항)?|"
    r"일반적으로|보통|통상|(시|후)에는 .{0,20}(불가|어렵)|문의(해)? 주시기 바랍니다|권해 드려|이용해 주시기 바랍니다|"
    r"시기 바랍니다|참고 바랍니다|문의 부탁|(으)?로 문의)|"
    r"\b(usually|typically|generally|normally|may|can take|are processed|is calculated|all [\w-]+ (are|is)|"
    r"please (visit|contact|raise|ensure|be advised|submit)|for (information|refund requests|more)|as (stated|set out) in|"
    r"we are (currently )?experiencing|directly|strictly|are not provided|can often)\b"
)


def _in_general_statement(ctx: CoachContext, position: int) -> bool:
    return GENERAL_STATEMENT.search(sentence_around(ctx.text, position, 400)) is not None


def _failure_told_back(ctx: CoachContext) -> tuple[int, int] | None:
    """A sentence stating the failure that shares a word with the customer's message."""
    if ctx.customer is None:
        return None
    theirs = {n.lower() for n in ctx.customer.nouns} | {
        form for form, tag, _, _ in ctx.customer.morphemes if tag.startswith(("VV", "VA"))
    }
    for start, end in ctx.failures:
        # "배송 지연으로 불편을 드려 죄송합니다" names the failure but fits every late parcel.
        if any(start <= s < end for s, _ in ctx.cliche_spans):
            continue
        sentence = ctx.text[start:end].lower()
        words = {n.lower() for n in ctx.reply.nouns if n.lower() in sentence}
        words |= {
            form
            for form, tag, s, _ in ctx.reply.morphemes
            if start <= s < end and tag.startswith(("VV", "VA")) and form in FAILURE_VERBS
        }
        if (words & theirs) - GENERIC_NOUNS:
            return start, end
    return None


def _told_together(words: list[str], text: str) -> tuple[str, int] | None:
    """The longest run of two or more of `words` found together in `text`, with its offset."""
    for size in range(len(words), 1, -1):
        for first in range(len(words) - size + 1):
            part = words[first : first + size]
            found = re.search(r"\s*".join(re.escape(w.lower()) for w in part), text)
            if found is not None:
                return found.group(), found.start()
    return None


def check_context(ctx: CoachContext) -> RuleResult:
    """`context`: the reply refers to this customer's specifics or asks to confirm them, or
    names the failure they reported in the business's words (`coach.kinds`)."""
    specific = ctx.verdict("context-specifics", check_specifics)
    if specific.status == FAIL and ctx.customer is not None:
        # "배송이 지연되고 있습니다" for "일주일째 배송 준비중이에요".
        kind = named_kind(ctx.customer.text, ctx.reply)
        if kind is not None and not _in_general_statement(ctx, kind.start()):
            return passed("context", kind.group(), kind.span())
    return specific


def check_specifics(ctx: CoachContext) -> RuleResult:
    """`context` by the customer's specifics: the reply refers to them or asks to confirm them.

    One shared everyday word ("배송", "refund") is not enough on its own — it fits every
    customer of the business — so it takes a specific word (운동화, 생일, 58211),
    two shared words, a shared number, or one shared word together with the named failure.
    """
    reply_text = ctx.text.lower()
    matched: list[tuple[str, int]] = []
    for phrase in ctx.specifics:
        words = phrase.split()
        # Two or more of the customer's words told back together ("환불 접수" of "환불 접수
        # 자체") name their case, even when each word alone is everyday.
        together = _told_together(words, reply_text)
        if together is not None:
            matched.append(together)
        for word in words:
            # "시안 확인" is a specific; its "확인" alone is every reply's word.
            if word.lower() in EXCHANGE_WORDS:
                continue
            key = word.lower()
            if key.isascii() and key not in reply_text:
                # "charged" is told back as "the double charge": match on the stem.
                key = english_key(key)
            if len(key) >= 2 and key in reply_text and all(key != m[0] for m in matched):
                matched.append((key, reply_text.index(key)))
    # The same concrete failure told back with its own verb ("통화가 끊겨서" for "전화 왜
    # 끊기냐"): shared like a domain word, it backs up other words.
    for verb in shared_failure_verbs(ctx.customer, ctx.reply) if ctx.customer else ():
        if all(verb != m[0] for m in matched):
            matched.append((verb, 0))
    if ctx.customer is not None:
        reply_numbers = set(_NUMBER.findall(ctx.text))
        for number in _NUMBER.findall(ctx.customer.text):
            if number in reply_numbers:
                matched.append((number, ctx.text.index(number)))
                break
    # Like the domain nouns, a day or time ("내일", "월요일") is shared by many customers: it
    # backs up other words but is never the specific on its own.
    specific = [
        m
        for m in matched
        if m[0] not in DOMAIN_NOUNS and m[0] not in SERVICE_VERBS and m[0] not in FAILURE_VERBS
    ]
    # For a question, praise or abuse one shared word is enough: a short question has only one,
    # and an abusive message rarely names more than the thing it is angry about.
    lenient = ctx.situation in (Situation.QUESTION, Situation.PRAISE, Situation.ABUSE)
    # A named failure backs up one shared word, except inside the stock apology
    # "배송 지연으로 불편을 드려 죄송합니다", which fits every late parcel.
    admission = ctx.find(ACKNOWLEDGE)
    backed = admission is not None and not GENERIC_APOLOGY.search(
        sentence_around(ctx.text, admission.start(), 400)
    )
    stated = _failure_told_back(ctx)
    # Shared words only inside statements that fit anyone ("보험금 청구 건은 접수 순서대로
    # 심사가 진행되며", "all in-app purchases are processed by the App Store") name the area of
    # the problem, not this customer's case.
    # A question's answer explains how things usually work; that is its context.
    general_only = ctx.situation is not Situation.QUESTION and all(
        _in_general_statement(ctx, m[1]) for m in matched
    )
    if not (backed or stated) and general_only:
        matched, specific = [], []
    if specific or len(matched) >= 2 or (matched and (lenient or backed or stated is not None)):
        word, start = (specific or matched)[0]
        return passed("context", word, (start, start + len(word)))
    if stated is not None:
        return passed("context", ctx.text[stated[0] : stated[1]].strip(), stated)
    if ctx.customer is not None and not ctx.specifics:
        shared = sorted(ctx.customer.nouns & ctx.reply.nouns)
        if shared:
            return passed("context", shared[0])
    question = ctx.find(CONFIRMING_QUESTION)
    if question:
        return passed_by("context", question)
    if ctx.customer is None:
        domain = sorted(n for n in ctx.reply.nouns if n.lower() in DOMAIN_NOUNS or n[:1].isdigit())
        if domain:
            return passed("context", domain[0])
    if ctx.specifics:
        named = "', '".join(ctx.specifics[:3])
        return failed(
            "context",
            ctx.say(
                f"고객님이 말한 '{named}' 중 어느 것도 답장에 없습니다",
                f"none of the customer's specifics ('{named}') appear in the reply",
            ),
            ctx.say(
                f"'{ctx.specifics[0]}' 문제를 고객님 말 그대로 짚어 주세요. 불분명하면 "
                f"'{ctx.specifics[0]}' 관련해 확인할 점(주문번호, 시점)을 한 가지 여쭤보세요.",
                f"Name the customer's '{ctx.specifics[0]}' problem in their words; if it is unclear, "
                "ask one confirming question (order number, when it happened).",
            ),
        )
    return failed(
        "context",
        ctx.say(
            "누구에게나 보낼 수 있는 일반적인 답장입니다", "generic reply that could go to anyone"
        ),
        ctx.say(
            "무슨 주문·결제·서비스 문제인지 구체적으로 적거나, 주문번호와 발생 시점을 여쭤보세요.",
            "Say which order, payment or service this is about, or ask for the order number "
            "and when it happened.",
        ),
    )


def stated_admission(ctx: CoachContext) -> re.Match[str] | None:
    """The first admission cue of the reply, when it is told as fact (not hedged or denied)."""
    admission = ctx.find(ACKNOWLEDGE)
    if admission is None or not stated_as_fact(ctx.reply, admission.start(), admission.end()):
        return None
    return admission


def check_acknowledge(ctx: CoachContext) -> RuleResult:
    """`acknowledge`: the reply names the specific failure instead of a bare apology."""
    admission = stated_admission(ctx)
    if admission:
        return passed_by("acknowledge", admission)
    for start, end in ctx.failures:
        return passed("acknowledge", ctx.text[start:end].strip(), (start, end))
    issue = ctx.customer_issue
    apology = GENERIC_APOLOGY.search(ctx.text)
    evidence = (
        ctx.say(
            f"'{apology.group()}' — 무엇이 잘못됐는지는 말하지 않았습니다",
            f"'{apology.group()}' names nothing that went wrong",
        )
        if apology
        else ctx.say(
            "무엇이 잘못됐는지 인정하는 문장이 없습니다", "no sentence admits what went wrong"
        )
    )
    span = (apology.start(), apology.end()) if apology else None
    hint = (
        f' (고객님 말씀: "{issue}")'
        if issue and ctx.ko
        else f' (customer: "{issue}")'
        if issue
        else ""
    )
    return failed(
        "acknowledge",
        evidence,
        ctx.say(
            f"'{ctx.topic}'에서 무엇이 잘못됐는지 저희 쪽 일로 분명히 인정하세요{hint}.",
            f"Admit plainly what went wrong with '{ctx.topic}' on our side{hint}.",
        ),
        span,
    )


def check_impact(ctx: CoachContext) -> RuleResult:
    """`impact`: the reply says what the problem does to the customer's work, money or time."""
    for pattern in IMPACT:
        for match in ctx.cues(pattern):
            # "소중한 시간을 빼앗아", "your valuable time": said to everyone, names no loss.
            if BOILERPLATE_IMPACT.search(ctx.text[max(0, match.start() - 12) : match.end()]):
                continue
            return passed_by("impact", match)
    echo = _stakes_told_back(ctx)
    if echo is None and ctx.customer is not None and not ctx.ko:
        echo = english_circumstance(ctx.text, ctx.customer.text)
    if echo is not None:
        return passed("impact", ctx.text[echo[0] : echo[1]], echo)
    stated = ctx.customer_impact
    sentence = ctx.impact_suggestion
    if sentence:
        suggestion = ctx.say(
            f'고객님이 직접 말한 사정을 짚어 주세요. 예: "{sentence}"',
            f'Acknowledge what the customer told you it is costing them, e.g. "{sentence}"',
        )
    elif stated:
        suggestion = ctx.say(
            f'고객님이 직접 말한 피해를 짚어 주세요: "{stated}".',
            f'Acknowledge the impact the customer described: "{stated}".',
        )
    else:
        suggestion = ctx.say(
            f"'{ctx.topic}' 문제로 고객님이 못 하게 된 일이 있는지 여쭙거나, 잃은 시간·비용을 한 문장으로 인정하세요.",
            f"Ask whether the '{ctx.topic}' problem kept the customer from doing something, or say "
            "in one sentence what it cost them.",
        )
    return failed(
        "impact",
        ctx.say(
            "문제가 고객님의 일·돈·시간에 끼친 영향을 언급하지 않았습니다",
            "nothing says what the problem cost the customer (work, money, time, plans)",
        ),
        suggestion,
    )


def _stakes_told_back(ctx: CoachContext) -> tuple[int, int] | None:
    """Where the reply names, to the customer, what they said was at stake."""
    if ctx.customer is None:
        return None
    span = told_back(ctx.reply, customer_stakes(ctx.customer))
    if span is None or any(s <= span[0] < e for s, e in ctx.cliche_spans):
        return None
    return span


_HEDGED = re.compile(r"[가-힣]{0,2}다면|\S{0,3}면 죄송|지만 [^.!?]{0,20}(부탁|바랍니다|양해)")


def check_empathy(ctx: CoachContext) -> RuleResult:
    """`empathy`: the reply speaks from the customer's side, not only procedure."""
    for match in ctx.cues(EMPATHY):
        # "불쾌하셨다면 죄송합니다" doubts the feeling it names.
        if not _HEDGED.match(ctx.text, match.end()):
            return passed_by("empathy", match)
    for start, end in ctx.reply.felt:
        if not any(s <= start < e for s, e in ctx.cliche_spans) and not _HEDGED.match(
            ctx.text, end
        ):
            return passed("empathy", ctx.text[start:end], (start, end))
    return failed(
        "empathy",
        ctx.say(
            "절차만 있고 고객님 입장에서 한 말이 없습니다",
            "purely procedural; nothing from the customer's side",
        ),
        ctx.say(
            f"'{ctx.topic}' 일로 고객님이 어떤 기분이었을지 한마디 먼저 해 주세요 (예: 많이 답답하셨겠어요).",
            f"Start with how the '{ctx.topic}' problem must have felt for them "
            "(e.g. 'that must have been stressful').",
        ),
    )


RULES = {
    "context": check_context,
    "acknowledge": check_acknowledge,
    "impact": check_impact,
    "empathy": check_empathy,
}
