"""Abusive-language patterns, matched on the normalized text (see `triage.normalize`).

Normalized text is lower case, has no digits or punctuation, composed jamo, and single spaces
between words (one-letter words joined). So `시1발`, `씨 발`, `ㅅㅣㅂㅏㄹ` all arrive as `시발`.
Each entry is (kind, regex). `SAFE` lists ordinary words that contain the same syllables; a hit
that lies entirely inside a safe word is dropped.
"""

from __future__ import annotations

# Korean word edge on normalized text (only letters and spaces remain).
_KB = r"(?<![가-힣ㄱ-ㅣ])"
_KA = r"(?![가-힣ㄱ-ㅣ])"
_EB = r"(?<![a-z])"
_EA = r"(?![a-z])"

PATTERNS: tuple[tuple[str, str], ...] = (
    # --- profanity (욕설) ---
    ("profanity", r"(씨|시|씌|쓰|쒸|쉬|ㅆ|ㅅ)(발|빨|벌|뻘|팔|봘)"),
    ("profanity", r"(?<![오가하])(씨|쒸)바(?!보|람|닥|구니|지|코드|이러스)"),
    ("profanity", r"(?<![오가하보])시바(?!견|이누|보|람|닥|구니|지|코드|이러스|사키)"),
    ("profanity", r"(ㅅ|ㅆ)(ㅂ|ㅃ)+"),
    ("profanity", r"씹(새|쌔|창|할|년|놈|것|같|덕|새끼)|개씹|씝"),
    ("profanity", r"(?<![가-힣])(십|씨|시)팔(?!만|세|일|개|번|층|평|살|시|분|명|원|년|월|등)"),
    ("profanity", r"좆|좃|ㅈ같|존나|존니|존내|존네|조낸|졸래|ㅈㄴ|ㅈㄹ|졸라(?!서|대|요|고|도)"),
    ("profanity", r"지랄|지럴|염병|옘병|엠병|썅|씨부랄|씨부럴|씨불|빌어\s?먹|ㅆㄹㄱ"),
    ("profanity", r"개(새|색|쌔|섀|세끼|객기|같|소리|빡|지랄|좆|씨|놈|년|판|수작|쓰레기|차반)"),
    ("profanity", r"엿\s?(같|먹|이나\s?먹)"),
    ("profanity", _KB + r"ㅗ+" + _KA),
    ("profanity", _EB + r"(f+u*c+k+|f+u+k+|f+k+|fck|fuq|phuck|motherf\w*)"),
    ("profanity", _EB + r"(sh+i*t+(ty|s|head)?|bullsh\w*|wtf|stfu|piss\s?off)" + _EA),
    # Korean typed on an English keyboard (시발 → tlqkf) and romanized swearing.
    ("profanity", _EB + r"(tlqkf\w*|wlfkf|whssk|whwrkx|s+ib+al|shibal|jiral|jonna)" + _EA),
    ("insult", _EB + r"(qudtls|rotorl|torl|alcls\s?\w*|byung\s?sin|byeongsin|gaesaekki)" + _EA),
    # --- insults (인격 모독) ---
    (
        "insult",
        r"병신|븅신|빙신|병쉰|병딱|븅딱|ㅂㅅ|ㅄ|등신|또라이|돌아이|ㄸㄹㅇ|찐따|머저리|얼간이",
    ),
    (
        "insult",
        r"저능아|빡대가리|돌대가리|닭대가리|대갈통|버러지|인간\s?말종|인간\s?쓰레기|짐승만도",
    ),
    ("insult", r"멍청(이|아)|멍청한\s?(놈|새|년|것|인간|직원|상담|회사|너|당신)"),
    (
        "insult",
        r"미친\s?(놈|년|새|것|넘|인간|자식|회사|직원|상담|ㄴ|개)|미쳤냐|미쳤니|돌았냐|돌았니",
    ),
    (
        "insult",
        r"제정신\s?(이냐|이니|이야|아니)|정신\s?나간\s?(놈|년|새|것|인간|직원|상담)|미친\s?거\s?아니",
    ),
    ("insult", r"새끼|새꺄|색기|색끼|쌔끼|섀끼|새퀴|ㅅㄲ|새기야|쉐끼|쉑"),
    ("insult", r"니애미|니미|느금|느개비|니애비|니엄마|니\s?애미|애미\s?(없|뒤)|애비\s?(없|뒤)"),
    ("insult", r"닥쳐|닥치라|닥치세|ㄷㅊ|아가리|주둥이\s?(닥|좀)|입\s?닥"),
    (
        "insult",
        r"꺼져라|꺼지라고|꺼지세요|ㄲㅈ|(?<!이 )(?<!가 )(?<!꾸 )(?<!속 )(?<!또 )"
        + _KB
        + "꺼져"
        + _KA,
    ),
    ("insult", r"쓰레기\s?같은\s?(놈|년|새|인간|것|직원|상담|너|당신)"),
    (
        "insult",
        r"(직원|상담원|상담사|너|당신|니|니들|너네|너희)\s?(이|가|는|은|들)?\s?(완전\s?)?쓰레기",
    ),
    ("insult", r"(주제에|따위가|니까짓|니가\s?뭔데|너\s?따위|상담원\s?따위|꼴값)"),
    (
        "insult",
        _EB + r"(idiots?|morons?|dumbass\w*|retard\w*|imbeciles?|bitch\w*|b+tch|bastards?)" + _EA,
    ),
    ("insult", _EB + r"(ass\s?holes?|jackass|dipshit|scumbag|shut\s?up)" + _EA),
    (
        "insult",
        _EB + r"you\s?(re|are)?\s?(so\s|such\s|a\s|an\s)?(an?\s)?(stupid|dumb|useless|pathetic|"
        r"incompetent|worthless|clown|joke)" + _EA,
    ),
    # --- threats (위협) ---
    (
        "threat",
        r"죽여\s?(버리|버린|버릴|버려|놓|줄\s?(거|까|게)|야지|야겠)|죽인다|죽이겠|죽이러|죽이고\s?싶",
    ),
    (
        "threat",
        r"죽일\s?(거|줄|꺼|테|놈|년|새|까)|뒤지고\s?싶|뒤져\s?볼|뒤질\s?(래|줄)|패\s?(버리|버린|죽)",
    ),
    (
        "threat",
        r"때려\s?(죽|부수|버리|패)|칼(로|을\s?들고|\s?들고|빵|침|부림|\s?맞)|찔러\s?(버리|죽|줄)",
    ),
    (
        "threat",
        r"불\s?(질러|지를|질러버|태워\s?버)|폭파|찾아간다|찾아갈\s?거(다|야|니까)|찾아가겠다",
    ),
    (
        "threat",
        r"찾아가서\s?(죽|패|가만|박살|두고|때려)|가만\s?(안\s?둬|안\s?둘|안\s?둔|두지\s?않|놔두지|안\s?놔)",
    ),
    (
        "threat",
        r"두고\s?(보자|봐라|봐)" + _KA + r"|밤길\s?조심|목\s?(을\s?)?따|묻어\s?버|박살\s?(내|낼)",
    ),
    (
        "threat",
        r"(어디\s?사는지|집\s?(주소|앞|으로|에)\s?(알아|찾아|간|갈))|얼굴\s?(기억해|알아\s?둘)|부숴\s?버|부셔\s?버",
    ),
    ("threat", r"가족\s?(들)?\s?(다|까지)?\s?(죽|조심|가만)"),
    (
        "threat",
        _EB
        + r"((kill|murder|hurt)\s?(you|u|ya|your\s?family)|(beat|stab|shoot|punch)\s?(you|u|ya))"
        + _EA,
    ),
    (
        "threat",
        _EB + r"(i\s?(ll|will)\s?find\s?you|know\s?where\s?you\s?live|find\s?where\s?you\s?live)",
    ),
    (
        "threat",
        _EB
        + r"(burn\s?(down\s?)?(your|the)\s?(store|office|building|house|shop)|blow\s?(it\s?)?up)",
    ),
    ("threat", _EB + r"(watch\s?your\s?back|come\s?after\s?you|break\s?your\s?(legs?|neck|face))"),
    # --- sexual harassment (성희롱) ---
    ("sexual", r"섹스|쎅스|섹시|야동|성관계|알몸|나체|젖꼭지|젖통|따먹|꼴리|꼴린"),
    ("sexual", r"야한\s?(사진|거|얘기|말|동영상|영상|목소리)|가슴\s?(만지|만져|좀\s?보여\s?줘)"),
    ("sexual", r"엉덩이\s?(만지|만져)|속옷\s?(무슨\s?색|뭐\s?입었)|뭐\s?입고\s?있"),
    ("sexual", r"만지고\s?싶|만져\s?(주|보|줄)|빨아\s?(줘|줄|봐)|벗(어|은)\s?(봐|줘|사진|몸)"),
    (
        "sexual",
        r"같이\s?자(자|고\s?싶|러|고\s?가)|한\s?번\s?(자|하)자|자자고|(오빠|아저씨)랑\s?(자|놀)",
    ),
    (
        "sexual",
        r"목소리\s?(가\s?)?(섹시|야하|야해|꼴)|애인\s?있|남친\s?있|남자\s?친구\s?있|사귀(자|어\s?줘|실래)",
    ),
    (
        "sexual",
        r"(상담원|언니|누나|아가씨)\s?(번호|전번|연락처)\s?(좀\s?)?(줘|알려)|술\s?한잔\s?(하자|할래)|만나(자|줄래)",
    ),
    (
        "sexual",
        _EB + r"(sexy|sex|nudes?|naked|boobs?|tits|dick|pussy|horny|blowjob|suck\s?my)" + _EA,
    ),
    (
        "sexual",
        _EB
        + r"(sleep\s?with\s?(me|you)|date\s?me|go\s?out\s?with\s?me|what\s?are\s?you\s?wearing)",
    ),
    ("sexual", _EB + r"(send\s?(me\s?)?(a\s?)?(pic|pics|photo|photos|picture)s?\s?of\s?you)"),
)

SAFE: tuple[str, ...] = (
    r"시발\s?(점|역|택시|자동차)",
    r"출시\s?발|재시\s?발",
    r"(수박|참외|포도|사과|해바라기|호박|씨앗)\s?씨\s?(를\s?)?발",
    r"씨\s?(발라|발아|발견)",
    r"새끼\s?(손가락|발가락|고양이|강아지|줄)|(강아지|고양이|동물)\s?새끼",
    r"미친\s?듯",
    r"시벌레",
    r"classic|assess|scrap|skill|cocktail|shitake|dickens",
)
