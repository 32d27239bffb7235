# ruff: noqa: E501  (regular-expression data reads better unwrapped)
"""Built-in cues for emotions, customer types and urgency (Korean and English).

Same shape as intents: keywords (Kiwi morpheme forms, also found in the text itself) with
weights, and regular expressions on the lower-cased message with weights.
"""

from __future__ import annotations

Cues = tuple[dict[str, float], tuple[tuple[str, float], ...]]

# Legal action and public posts: a customer's right, never abuse, but a sign of anger.
LEGAL_OR_PUBLIC = r"(고소|소송|변호사|법적\s?(조치|대응)|소비자\s?원|공정위|금감원|민원\s?(넣|제기)|신고(하|할|합)|커뮤니티|맘카페|인스타|블로그|유튜브|언론|(?<![가-힣])기자|제보|lawyer|lawsuit|\bsue\b|legal action|attorney|social media|bad review)"

EMOTION_CUES: dict[str, Cues] = {
    "angry": (
        {
            "욕설": 2.0,
            "화나": 2.5,
            "불쾌": 2.5,
            "대꾸": 1.5,
            "열받": 3.0,
            "빡치": 3.0,
            "어이없": 2.0,
            "최악": 2.0,
            "사기": 2.0,
            "분노": 3.0,
            "황당": 1.5,
            "용납": 2.0,
            "괘씸": 3.0,
            "어처구니": 2.0,
            "불친절": 2.0,
            "반말": 2.0,
            "무시": 1.5,
            "뻔뻔": 2.5,
            "양심": 1.5,
        },
        (
            (
                r"(장난\s?(하|치)(냐|나|세요|십니까|하는|해)|장난(함|임|하냐)|뭐\s?하는\s?(거|곳|회사)|이게\s?말이\s?(돼|되)|말이\s?(됩니까|되나요|돼요|돼\?|되냐))",
                2.5,
            ),
            (
                r"(화가\s?나|열\s?받|빡(쳐|치)|어이가\s?없|기가\s?(막|차)|책임\s?져|가만히?\s?있지\s?않)",
                2.5,
            ),
            (r"(무조건|당장|배로\s?보상|물어\s?내|내놔|돌려내|보상금|위자료|나오라고)", 1.5),
            (LEGAL_OR_PUBLIC, 2.5),
            (r"(ㅡㅡ|-_-)", 1.0),
            (r"(😡|🤬|💢|😤)", 2.0),
            (
                r"(furious|angry|outrageous|unacceptable|ridiculous|disgusting|worst|scam|pissed|livid|rude|hung up|i demand|this mess|ten times)",
                2.5,
            ),
        ),
    ),
    "frustrated": (
        {
            "답답": 2.5,
            "챗봇": 0.8,
            "짜증": 2.0,
            "실망": 2.0,
            "불편": 1.0,
            "지치": 2.0,
            "힘들": 1.0,
            "한숨": 2.0,
            "언제까지": 2.0,
            "번거롭": 1.5,
            "귀찮": 1.5,
            "대기": 1.0,
        },
        (
            (r"((몇|두|세|네|다섯|[2-9])\s?번(째|이나)|\d+\s?번째)", 2.0),
            (
                r"(\d+\s?(일|주|시간|분|달|개월)\s?째|(한|두|세|몇)\s?(시간|달|주)\s?째|며칠\s?째|일주일\s?째)",
                1.5,
            ),
            (
                r"(아직도|아직\s?이|아직까지|한다더니|된다더니|준다더니|라더니|이게\s?뭔가요|이게\s?뭐예요|이게\s?뭐에요|대체\s?언제|도대체|왜\s?(이렇게|자꾸|계속))",
                1.5,
            ),
            (
                r"(탓만|분명\s?(가입|했|보냈|주문|입금)|정상인가요|답이\s?없|다시\s?문의|자꾸|돌려\s?막|같은\s?(말|답)만?|라는데|다는데|nobody picked up|no one picked up|called (\w+ )?times|답변이\s?없|연락이\s?없|소식이\s?없)",
                1.5,
            ),
            (r"(하\.\.+|하아+|후\.\.+|에휴|아\s?진짜|;;)", 1.0),
            (r"(계속|또\s|또다시)", 0.8),
            (r"(ㅠㅠ|ㅜㅜ|ㅠ|ㅜ|😩|😫|😞|😒|🙄)", 0.9),
            (r"(ㅡㅡ|-_-)", 1.5),
            (r"(벌써|받자마자|(했는데|는데)\s?\S*\s?또)", 1.0),
            (r"(이나|나)\s?더\s?(나왔|청구|냈|빠져|나갔)", 1.5),
            # Something that keeps failing, damage all over, having to explain again, a
            # reproach phrased as a question: frustration even without a feeling word.
            (r"(계속|자꾸|매번)\s?\S{0,8}\s?(실패|오류|에러|안\s?(돼|되|와|떠)|튕|끊|멈)", 0.7),
            (
                r"(다|완전|전부|군데군데|여기저기)\s?(깨|터져|터졌|벗겨|박살|찌그러|젖|빠졌|줄어)",
                1.5,
            ),
            (r"처음부터\s?(다시\s?)?(설명|얘기|말)|(같은|똑같은)\s?(말|얘기|설명)", 1.5),
            (r"(해야\s?하는\s?(거|게)\s?아닌|일부러|몰래)", 1.5),
            (r"\.\.+|\?\?", 0.5),
            (
                r"(frustrat|annoy|disappoint|fed up|tired of|again\b|still (not|no|hasn|haven|waiting)|third time|second time|keeps? (happening|freezing|crashing|getting)|on hold|transferred|nobody helps)",
                2.0,
            ),
        ),
    ),
    "anxious": (
        {
            "걱정": 2.5,
            "불꽃": 2.0,
            "불안": 2.5,
            "무섭": 2.0,
            "급하": 2.0,
            "어떡하": 2.5,
            "큰일": 2.5,
            "제발": 1.5,
            "초조": 2.5,
            "도용": 2.0,
            "해킹": 2.0,
            "유출": 2.0,
            "무서워": 2.0,
        },
        (
            (
                r"(어떡해|어떡하죠|어쩌죠|어떻게\s?하죠|큰일\s?(났|이)|급해요|급합니다|급한데|제발)",
                2.5,
            ),
            (
                r"(괜찮을까요|괜찮은\s?건가요|(누가|누군가|모르는\s?사람)\S{0,2}\s?(제|내)\s|제가\s?(한|안\s?한)\s?(게|거)\s?아니|문제\s?없을까요|되는\s?건가요|what (should|do) i do|hacked|someone (changed|logged|used)|불안해|걱정돼|걱정이|무서워)",
                2.0,
            ),
            (r"((영업|장사|업무)\S*\s?(이|을|를)?\s?(중단|마비|못)|빨리\s?(연락|좀|확인))", 1.5),
            (r"(😰|😥|😨|😱|🙏|😭)", 1.2),
            (r"(worried|anxious|nervous|scared|afraid|urgent|please help|asap|panic)", 2.5),
        ),
    ),
    "satisfied": (
        {
            "감사": 1.5,
            "꼼꼼": 1.5,
            "딱이": 1.0,
            "고맙": 1.5,
            "만족": 2.5,
            "최고": 2.0,
            "친절": 1.5,
            "덕분": 2.0,
            "감동": 2.5,
            "훌륭": 2.0,
            "칭찬": 2.0,
            "다행": 1.5,
            "기쁘": 2.0,
            "좋": 0.8,
            "빠르": 0.5,
            "재구매": 2.0,
        },
        (
            (
                r"(잘\s?해결|해결\s?(해\s?주셔서|됐어요|되었|됐습니다)|빠른\s?(처리|답변|응대)|너무\s?좋|정말\s?좋|좋아요|(맘|마음)에\s?들|미쳤다|대박)",
                2.0,
            ),
            (r"(👍|❤️|😊|🥰|💕|👏|😍|🙂)", 1.5),
            (
                r"(thank(s| you)|great|excellent|amazing|love|happy|appreciate|perfect|awesome|helpful)",
                2.0,
            ),
        ),
    ),
}

# Demands beyond any policy: compensation on top of a refund, multiples, "unconditionally".
EXCESSIVE_DEMAND: tuple[tuple[str, float], ...] = (
    (r"(보상금|위자료|정신적\s?(피해|손해|보상)|손해\s?배상|배상금|피해\s?보상)", 2.0),
    (r"(\d+|열|백|천|두|세)\s?배\S*\s?(로)?\s?(보상|배상|물어|환불|돌려)", 3.0),
    (
        r"(환불|교환)\S*\s?(에|하고|이랑|도\s?하고)?\s?(추가\s?)?(보상|보상금|위자료|배상|사은품|적립금)\S*\s?(까지|도|더|추가)",
        3.0,
    ),
    (r"(사은품|적립금|보상)\S*\s?까지\s?(더\s?)?(챙겨|줘|주세요|주셔)", 2.0),
    (r"(무조건|반드시)\s?\S*\s?(보상|환불|해\s?내|해줘|해\s?줘|물어|새\s?제품|새\s?걸로)", 2.0),
    (r"무조건(이요|입니다|이에요)", 1.0),
    (r"(사장|대표|회장|본사)\S*\s?(나와|바꿔|연결해|직접\s?사과|불러|나오라)", 2.0),
    (r"(평생|1년|일\s?년)\s?(무료|공짜)|무료로\s?(해|달|줘)|공짜로", 2.0),
    (
        r"(\d{2,4}\s?만\s?원|\d{3},\d{3})\S*\s?(은|는)?\s?(보상|배상|물어|받아야|내놔|달라|주세요)",
        2.5,
    ),
    (r"(보상|배상)\S*\s?(\d{2,4}\s?만\s?원)", 2.5),
    (r"(다\s?물어\s?내|물어내|내놔|보상\s?안\s?하면)", 2.0),
    (
        r"(compensation|compensate me|\d+\s?times|ten times|free for (life|a year)|i demand|punitive)",
        2.5,
    ),
    (r"(refund|money back).{0,40}(plus|and also|on top|as well as|extra|additional)", 2.0),
)

# Complaints about the service itself: staff attitude, waiting, unanswered contact, transfers.
SERVICE_COMPLAINT: tuple[tuple[str, float], ...] = (
    (
        r"(욕설|교육\s?(좀|을)?\s?(제대로|똑바로)|불친절|말투|반말|비꼬|퉁명|건성|성의\s?없|귀찮다는\s?듯|짜증\s?섞인|한숨을?\s?(계속\s?)?쉬|소리를\s?질|태도가?\s?(너무|좀|정말)?\s?(불량|별로|엉망|최악|형편))",
        2.5,
    ),
    (r"응대\S*\s?(가|이)?\s?(너무|좀|정말)?\s?(별로|엉망|최악|불량|형편|퉁명|불친절)", 2.5),
    (
        r"(전화|연락|답변|답장|채팅|회신)\S*\s?(을|를|이|가|도)?\s?(안\s?(받|해|와|오|주|되)|못\s?(받|해)|없)",
        2.0,
    ),
    (r"(연결|통화)\S*\s?(이|가|을|를)?\s?(안\s?(돼|되|됨)|불가|어렵|좀\s?해\s?달)", 2.0),
    (
        r"(몇\s?시간|한\s?시간|\d+\s?(분|시간)|며칠|일주일)\S*\s?(째|동안|넘게|이나|을|를)?\s?(기다|대기)",
        2.5,
    ),
    (r"(대기\s?(시간|중)|기다렸)", 1.0),
    (
        r"(돌려\s?막|떠넘|뺑뺑|핑퐁|같은\s?말만|앵무새|매크로|복붙|담당자\s?(가|를)?\s?(없|바뀌|모르)|다른\s?부서)",
        2.5,
    ),
    (
        r"(상담원|상담사|직원|기사님?|매니저|점원)\S*\s?(이|가|은|는|분|마다)?\s?\S*\s?(무시|반말|거짓말|말을\s?바꿔|말이\s?달라|끊어|끊었)",
        2.5,
    ),
    (
        r"(support chat|chat (closed|ended)|nobody followed up|rude|unprofessional|hung up|no one (answers|responds|replied)|on hold|ignored|transferred|nobody helps)",
        2.5,
    ),
    (
        r"(waited|waiting) (for )?(\d+|hours|days|an hour|weeks)|nobody (called|got) back|emailed .{0,20}(times|twice)",
        2.0,
    ),
)

URGENT: tuple[tuple[str, float], ...] = (
    # business stopped / money frozen right now
    (
        r"(장사|영업|가게|매장\s?운영|결제\s?시스템|예약\s?시스템|포스|매출|손님)\S*\s?(을|를|이|가|도)?\s?(못|안\s?(돼|되)|중단|마비|멈|올스톱|스톱|다\s?막|하나도\s?못)",
        3.0,
    ),
    (r"(돈|잔고|대금|월세|급여|월급|보증금|매출)\S*\s?(이|가)?\s?(다\s?)?(묶|막혀|막혔)", 3.0),
    (r"(전\s?재산|병원비|수술비)", 2.5),
    # safety
    (
        r"(화재|불이\s?(났|붙)|연기가|타는\s?냄새|감전|폭발|다쳤|부상|피가|응급|가스\s?(가\s?)?(새|누출)|삼켰|화상|발화)",
        3.0,
    ),
    # legal action, regulators and public posts
    (LEGAL_OR_PUBLIC, 3.0),
    (
        r"(뉴스|리뷰\s?(에|로)?\s?(다|전부)?\s?(올|남기|쓸)|sns|트위터|post (it|this) (online|on)|twitter|instagram|reddit|journalist)",
        2.5,
    ),
    (
        r"(fire|spark|smoke|burn(ed|ing)|injur|hurt myself|electric shock|explod|hospital|swallowed)",
        3.0,
    ),
    (r"(court|regulator|police)", 3.0),
    (
        r"(my (business|shop|store) (is|has) (stopped|down)|can.?t (run|operate) my|losing (money|sales|customers))",
        3.0,
    ),
)

HIGH: tuple[tuple[str, float], ...] = (
    (
        r"((오늘|내일|모레|주말|이번\s?주|금요일|토요일|월요일)\s?(까지|안에|중|중으로|내로|전에|오전까지|아침까지)|당장|지금\s?바로|급합니다|급해요|급한|시급|최대한\s?빨리|꼭\s?(받아야|필요))",
        2.0,
    ),
    (
        r"(해킹|도용|명의\s?도용|모르는\s?(결제|로그인)|(이중|중복|두\s?번|2번)\s?(결제|승인|출금|청구)|(결제|승인|출금|청구)\S*\s?(가|이)?\s?(두\s?번|2번|이중|중복))",
        2.5,
    ),
    (r"((돈|금액)(은|만|이)?\s?(빠져\s?나|나갔|출금))", 2.0),
    # Someone else in the customer's account: a takeover is urgent whatever words name it.
    (
        r"((누가|누군가|모르는\s?사람)\S{0,2}\s?(제|내)\s?(계정|아이디|카드|이름)|제가\s?(한|안\s?한)\s?(게|거)\s?아니)",
        2.0,
    ),
    (r"((몇|세|네|다섯|[3-9])\s?번(째|이나)|번째\s?(문의|연락|전화)|며칠\s?째|일주일\s?째)", 1.5),
    (
        r"((해지|탈퇴)\s?(할|하겠|하려|할게|해\s?버)|다른\s?(곳|데|회사)\s?(으로|로)?\s?(갈|옮길|바꿀)|가만히?\s?있지\s?않)",
        1.5,
    ),
    (r"((사장|대표|책임자|윗사람|팀장)\S*\s?(나와|나오라|바꿔|연결|불러))", 2.0),
    (r"((업무|일)\S*\s?(을|를)?\s?못\s?(보|하))", 1.5),
    (
        r"(by (today|tomorrow|tonight|monday|friday|the weekend)|need it (today|tomorrow)|asap|immediately|urgent|money (is )?gone|hacked|fraud|unauthori[sz]ed|charged (me )?twice|double[- ]?charged|cancel my (account|subscription)|switch(ing)? to)",
        2.0,
    ),
)

# A reported problem or a request: not a simple question, so never low urgency.
PROBLEM_OR_REQUEST = r"(안\s?(돼|되|와|오|옴|떠|뜨|열|들어)|못|오류|에러|없어|없네|없습니다|불량|고장|실패|늦|아직|문제|이상해|잘못|오배송|틀|달라|다르|깨|찢|파손|곰팡이|냄새|스크래치|싶어|싶습니다|해\s?주세요|해주시|바꿔\s?주|보내\s?주|처리|확인\s?좀|왜|not|n't|problem|issue|error|wrong|why|extra|where is|crash|broken|want|like to|please (fix|send|refund))"
# A question (or an announced inquiry) rather than a statement.
QUESTION = r"(\?|궁금|나요|까요|가요|습니까|인가요|있나요|되나요|문의\s?(드려요|드립니다|에요|예요|합니다))"
