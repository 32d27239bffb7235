"""Kinds of failure: what the customer reported, named back in the business's words.

`context` (SPEC 2.2, labelling standard) passes a reply that names the customer's failure in
the business's words when it is the failure this customer reported: "배송이 지연되고
있습니다" for "일주일째 배송 준비중이에요", "duplicate charge" for "BOTH charges are on my
card", "단수 중입니다" for "아침부터 물이 안 나와요". Such a reply shares no word with the
message, yet tells back *this* failure. A kind pairs how customers report a failure with how
replies name it; the reply must state it as fact ("지연될 수 있습니다" names nothing).
"""

# ruff: noqa: E501 — one alternation group per line reads best.

from __future__ import annotations

import re

from gonggam.coach.failure import stated_as_fact
from gonggam.coach.patterns import rx
from gonggam.coach.text import AnalyzedText

# kind: (how a customer reports it, how a reply names it)
KINDS: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "late": (
        rx(
            r"지연|늦|안 (들어)?(와|오|왔)|아직(도)? .{0,12}(안|없|준비|중)|째|안 움직|언제 (와|오|받|도착)|"
            r"\b(late|delay\w*|still (says|not|hasn'?t|haven'?t|waiting|no)|hasn'?t (arrived|come|shown)|"
            r"never (arrived|came|showed)|supposed to (be|arrive)|where is)\b"
        ),
        rx(
            r"지연(되|돼|이|가|은|을|도|으로|되어|돼서|된)|늦어(지|졌|져)|늦게|밀려|밀리고|도착하지 않|"
            r"\b(delay(ed)?|late|running behind|held up|behind schedule)\b"
        ),
    ),
    "outage": (
        rx(
            r"안 ?(돼|되|나와|나오|열|켜|떠)|오류|에러|장애|먹통|끊|튕|멈|접속이 안|"
            r"\b(down|error|not working|won'?t (load|open|work|start)|can'?t (log|get|access|connect)|crash\w*|offline|outage|fail\w*)\b"
        ),
        rx(
            r"장애|오류|에러|중단|단수|정전|끊(기|겨|긴|어)|멈(춰|추|췄)|먹통|접속 불|"
            r"\b(outage|error|fault|down|not working|failing|failed|crash\w*|offline)\b"
        ),
    ),
    "double": (
        rx(
            r"두 ?번|2 ?번|중복|이중|또 (결제|청구|빠져)|\b(twice|double\w*|both charges|charged again|two charges)\b"
        ),
        rx(
            r"중복|두 ?번|이중|2 ?번|\b(duplicate|twice|double\w*|second (payment|charge|collection))\b"
        ),
    ),
}


def named_kind(customer: str, reply: AnalyzedText) -> re.Match[str] | None:
    """Where the reply names, as fact, a kind of failure the customer reported."""
    for theirs, ours in KINDS.values():
        if theirs.search(customer) is None:
            continue
        for match in ours.finditer(reply.text):
            if stated_as_fact(reply, match.start(), match.end()):
                return match
    return None
