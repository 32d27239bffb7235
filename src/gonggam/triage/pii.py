"""Personal information in customer messages: find it, and mask it.

Kinds (SPEC 4): `rrn` (주민등록번호), `phone`, `card`, `account`, `email`, `address`.
Detection is regular expressions plus validation (RRN date and check digit, card Luhn) plus
keyword context (계좌/입금/은행 names, 주민번호). Recall wins over precision: an agent seeing
one masked order number is a small cost; a leaked resident number is a legal one.

Masking keeps the text's length (every character of a span except spaces and separators becomes
`*`), so character offsets found on the original text (abuse spans) stay valid on the masked text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PiiSpan = tuple[int, int, str]

_MASK = "*"
# Characters kept inside a masked span so the agent still sees the shape (010-****-****).
_KEEP = frozenset(" -.@\n\t")

# Digits must not continue a longer number on either side.
_NB = r"(?<![\d])"
_NA = r"(?![\d])"
_SEP = r"[ \-.]?"

# Bounded parts and a start boundary: an unbounded local part backtracks quadratically on a
# long run of digits or letters with no "@" (20,000 zeros took 30 s).
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){0,8}"
    r"\.[A-Za-z]{2,24}"
)

# 주민등록번호 / 외국인등록번호: YYMMDD-GNNNNNN; G is 1-8 (century/sex/foreigner).
_RRN = re.compile(_NB + r"(\d{6})\s?[-–~]?\s?([1-8][\d*]{6})" + _NA)
_RRN_LABEL = re.compile(r"(주민|등록번호|외국인\s?등록|rrn|resident)", re.IGNORECASE)

_MOBILE = re.compile(
    r"(?<![\d+])(?:\+\s?82[ \-.]?\(?0?\)?[ \-.]?|82[ \-.])?"
    r"(?:01[016789])" + _SEP + r"\d{3,4}" + _SEP + r"\d{4}" + _NA
)
_MOBILE_INTL = re.compile(
    r"(?<![\d])\+\s?82[ \-.]?\(?0?\)?[ \-.]?1[016789]" + _SEP + r"\d{3,4}" + _SEP + r"\d{4}" + _NA
)
# Seoul 02, regional 031-064, internet phones 070, safe numbers 050x.
_LANDLINE = re.compile(
    r"(?<![\d+])(?:\+\s?82[ \-.]?\(?0?\)?[ \-.]?(?:2|[3-6][1-5]|70)|0(?:2|[3-6][1-5]|70|50\d))"
    r"[ \-.)]?\d{3,4}" + _SEP + r"\d{4}" + _NA
)

# 13-19 digits in groups of 4 (or Amex 4-6-5), spaces or hyphens between groups.
_CARD = re.compile(
    _NB + r"(?:\d{4}(?:[ \-]?\d{4}){2}[ \-]?\d{1,7}|\d{4}[ \-]?\d{6}[ \-]?\d{5})" + _NA
)
_CARD_LABEL = re.compile(r"(카드|card|visa|master|amex|결제수단)", re.IGNORECASE)

# Bank accounts: hyphenated groups (3-2-6, 3-6-5, 6-2-6, 4-4-4-2, 3-3-6, 4-3-6, …) or a bare run.
_ACCOUNT_GROUPED = re.compile(_NB + r"\d{2,6}(?:[ \-]\d{2,7}){1,3}" + _NA)
_ACCOUNT_BARE = re.compile(_NB + r"\d{10,14}" + _NA)
_ACCOUNT_LABEL = re.compile(
    r"(계좌|입금|송금|이체|예금주|환불\s?받을|은행|뱅크|국민|신한|우리|하나|농협|기업|카카오|토스|"
    r"새마을|우체국|수협|신협|케이뱅크|sc제일|부산|대구|경남|광주|전북|account|bank)",
    re.IGNORECASE,
)
# Numbers that are not PII when clearly labelled so (the label is right before the number).
_NOT_PII_LABEL = re.compile(
    r"(주문\s?번호|주문|송장\s?번호|운송장|송장|접수\s?번호|예약\s?번호|티켓|회원\s?번호|상품\s?번호|"
    r"모델명?|사업자\s?(등록)?\s?번호|order|tracking|invoice|ticket|case)\s?(no\.?|번호|#|:)?\s*[:#]?\s*$",
    re.IGNORECASE,
)
_DATE_LIKE = re.compile(r"^(19|20)\d{2}[ \-.](0?[1-9]|1[0-2])[ \-.](0?[1-9]|[12]\d|3[01])$")

# Addresses, best effort. 도로명: (region words) …로/길 + building number (+ 동/호).
_REGION = (
    r"(?:(?:서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주)"
    r"(?:특별시|광역시|특별자치시|특별자치도|도|시)?|[가-힣]{1,6}(?:시|도|군|구|읍|면))"
)
# After the building number: a named building (any name when a unit number follows it, e.g.
# "과학관 302호"), then 동/호/층.
_UNIT = (
    r"(?:[ ,]*(?:[가-힣A-Za-z0-9]{1,12}(?:아파트|빌라|오피스텔|타워|맨션|빌딩)"
    r"|[가-힣A-Za-z]{1,12}(?=\s?\d{1,5}\s?(?:동|호|층)))?"
    r"[ ,]*(?:\d{1,4}\s?동)?\s?(?:\d{1,5}\s?호)?(?:\s?\d{1,2}\s?층)?)"
)
# A building number ends the number run and is not an amount or a count ("카드로 3만원").
_BUILDING_NO = (
    r"\d{1,4}(?:-\d{1,4})?(?![\d\-])"
    r"(?!\s?(?:원|만|천|개|번|일|시|분|%|명|살|년|월|주|회|차|배|km|kg))"
)
_ROAD = re.compile(
    r"(?:"
    + _REGION
    + r"\s?){0,4}[가-힣0-9]{1,12}(?:로|길)\s?"
    + _BUILDING_NO
    + r"(?:번길\s?\d{1,4})?"
    + _UNIT
)
_JIBUN = re.compile(
    r"(?:"
    + _REGION
    + r"\s?){0,4}[가-힣0-9]{1,10}(?:동|리|가)\s?\d{1,5}(?:-\d{1,5})?\s?번지?"
    + _UNIT
)
_APT = re.compile(
    r"[가-힣A-Za-z0-9]{0,12}(?:아파트|빌라|오피스텔)?\s?" + _NB + r"\d{1,4}\s?동\s?\d{1,5}\s?호"
)


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    kind: str
    rank: int  # lower wins when two candidates overlap


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _label_before(text: str, start: int, pattern: re.Pattern[str], window: int = 24) -> bool:
    return pattern.search(text[max(0, start - window) : start]) is not None


def _context_has(
    text: str, start: int, end: int, pattern: re.Pattern[str], window: int = 30
) -> bool:
    return pattern.search(text[max(0, start - window) : min(len(text), end + window)]) is not None


def _not_pii_labelled(text: str, start: int) -> bool:
    return _NOT_PII_LABEL.search(text[max(0, start - 16) : start]) is not None


def rrn_valid(digits: str) -> bool:
    """True when 13 digits form a resident number with a real birth date and check digit.

    Numbers issued since October 2020 have no check digit, so a good date with a bad check digit
    is reported as 'not valid' and callers decide with context.
    """
    if len(digits) != 13 or not digits.isdigit():
        return False
    month, day = int(digits[2:4]), int(digits[4:6])
    if not (1 <= month <= 12 and 1 <= day <= 31) or digits[6] not in "12345678":
        return False
    weights = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
    total = sum(int(d) * w for d, w in zip(digits[:12], weights, strict=True))
    return (11 - total % 11) % 10 == int(digits[12])


def _rrn_date_ok(front: str) -> bool:
    month, day = int(front[2:4]), int(front[4:6])
    return 1 <= month <= 12 and 1 <= day <= 31


def luhn_valid(digits: str) -> bool:
    """True when the digits pass the Luhn check used by payment cards."""
    if not digits.isdigit() or len(digits) < 12:
        return False
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def _rrn_candidates(text: str) -> list[_Candidate]:
    found = []
    for match in _RRN.finditer(text):
        front, back = match.group(1), match.group(2)
        labelled = _label_before(text, match.start(), _RRN_LABEL, 20)
        has_separator = match.end(1) != match.start(2)
        if "*" in back:
            # A partly hidden resident number still leaks birth date and sex.
            if has_separator and _rrn_date_ok(front):
                found.append(_Candidate(match.start(), match.end(), "rrn", 0))
            continue
        digits = front + back
        if (
            rrn_valid(digits)
            or labelled
            or (
                has_separator and _rrn_date_ok(front) and not _not_pii_labelled(text, match.start())
            )
        ):
            found.append(_Candidate(match.start(), match.end(), "rrn", 0))
    return found


def _phone_candidates(text: str) -> list[_Candidate]:
    found = []
    for pattern in (_MOBILE_INTL, _MOBILE, _LANDLINE):
        for match in pattern.finditer(text):
            digits = _digits(match.group())
            if len(digits) < 9:
                continue
            found.append(_Candidate(match.start(), match.end(), "phone", 2))
    return found


def _card_candidates(text: str) -> list[_Candidate]:
    found = []
    for match in _CARD.finditer(text):
        digits = _digits(match.group())
        if not 13 <= len(digits) <= 19:
            continue
        labelled = _context_has(text, match.start(), match.end(), _CARD_LABEL, 20)
        order_like = _not_pii_labelled(text, match.start())
        # A Luhn-valid number is a card unless labelled as an order number; a labelled
        # 15/16-digit number is masked even with a typo in it.
        if (luhn_valid(digits) and (labelled or not order_like)) or (
            labelled and len(digits) in (15, 16) and not order_like
        ):
            found.append(_Candidate(match.start(), match.end(), "card", 1))
    return found


def _account_candidates(text: str) -> list[_Candidate]:
    found = []
    for match in _ACCOUNT_GROUPED.finditer(text):
        value = match.group()
        digits = _digits(value)
        if not 10 <= len(digits) <= 16 or _DATE_LIKE.match(value):
            continue
        if _not_pii_labelled(text, match.start()):
            continue
        groups = re.split(r"[ \-]", value)
        labelled = _context_has(text, match.start(), match.end(), _ACCOUNT_LABEL, 30)
        # Spaces between groups are common in prose; only trust them with account context.
        if " " in value and "-" not in value and not labelled:
            continue
        if labelled or "-" in value or len(groups) >= 3:
            found.append(_Candidate(match.start(), match.end(), "account", 3))
    for match in _ACCOUNT_BARE.finditer(text):
        if _not_pii_labelled(text, match.start()):
            continue
        if _context_has(text, match.start(), match.end(), _ACCOUNT_LABEL, 30):
            found.append(_Candidate(match.start(), match.end(), "account", 3))
    return found


def _address_candidates(text: str) -> list[_Candidate]:
    found = []
    for pattern, rank in ((_ROAD, 4), (_JIBUN, 4), (_APT, 5)):
        for match in pattern.finditer(text):
            start, end = match.start(), match.end()
            # Trim separators the optional groups swallowed at the edges.
            while end > start and text[end - 1] in " ,":
                end -= 1
            while start < end and text[start] in " ,":
                start += 1
            span = text[start:end]
            if not any(ch.isdigit() for ch in span):
                continue
            found.append(_Candidate(start, end, "address", rank))
    return found


def find_pii(text: str) -> list[PiiSpan]:
    """Return `[start, end, kind]` spans of personal information in `text`, sorted by start."""
    if not text or (not any(ch.isdigit() for ch in text) and "@" not in text):
        return []
    candidates: list[_Candidate] = []
    if "@" in text:
        candidates += [_Candidate(m.start(), m.end(), "email", 0) for m in _EMAIL.finditer(text)]
    if any(ch.isdigit() for ch in text):
        candidates += _rrn_candidates(text)
        candidates += _card_candidates(text)
        candidates += _phone_candidates(text)
        candidates += _account_candidates(text)
        candidates += _address_candidates(text)
    return _resolve(candidates)


def _resolve(candidates: list[_Candidate]) -> list[PiiSpan]:
    """Pick non-overlapping spans: strong kinds first, then addresses around them, then accounts.

    An address may contain digits that look like an account ("123 45"), so accounts come last;
    a phone number inside an address stays a phone and the address keeps the pieces around it.
    """
    chosen: list[_Candidate] = []

    def free(start: int, end: int) -> bool:
        return all(c.end <= start or end <= c.start for c in chosen)

    def by_strength(c: _Candidate) -> tuple[int, int, int]:
        return (c.rank, -(c.end - c.start), c.start)

    strong = [c for c in candidates if c.kind not in ("address", "account")]
    for cand in sorted(strong, key=by_strength):
        if free(cand.start, cand.end):
            chosen.append(cand)
    for cand in sorted((c for c in candidates if c.kind == "address"), key=by_strength):
        for start, end in _gaps(cand.start, cand.end, chosen):
            chosen.append(_Candidate(start, end, "address", cand.rank))
    for cand in sorted((c for c in candidates if c.kind == "account"), key=by_strength):
        if free(cand.start, cand.end):
            chosen.append(cand)
    chosen.sort(key=lambda c: c.start)
    return [(c.start, c.end, c.kind) for c in chosen]


def _gaps(start: int, end: int, taken: list[_Candidate]) -> list[tuple[int, int]]:
    """Parts of [start, end) not covered by `taken`, with at least one visible character."""
    pieces = []
    cursor = start
    for cand in sorted(taken, key=lambda c: c.start):
        if cand.end <= cursor or cand.start >= end:
            continue
        if cand.start > cursor:
            pieces.append((cursor, cand.start))
        cursor = max(cursor, cand.end)
    if cursor < end:
        pieces.append((cursor, end))
    return [(a, b) for a, b in pieces if b - a >= 2]


def mask_spans(text: str, spans: list[PiiSpan]) -> str:
    """Replace every character of the spans by `*`, keeping spaces and separators, same length."""
    if not spans:
        return text
    chars = list(text)
    for start, end, _kind in spans:
        for index in range(start, end):
            if chars[index] not in _KEEP:
                chars[index] = _MASK
    return "".join(chars)


def mask_pii(text: str) -> str:
    """Return `text` with all detected personal information masked (same length)."""
    return mask_spans(text, find_pii(text))
