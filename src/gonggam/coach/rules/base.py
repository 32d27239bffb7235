"""What every rule sees (`CoachContext`) and how a rule reports (`passed` / `failed`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from gonggam.coach.case import Case, impact_sentence, read_case
from gonggam.coach.failure import failure_statements
from gonggam.coach.patterns import for_text, matches_outside, sentence_around
from gonggam.coach.result import FAIL, PASS, RuleResult
from gonggam.coach.situation import FAILURE_CUES, Situation
from gonggam.coach.text import DOMAIN_NOUNS, AnalyzedText, customer_specifics
from gonggam.coach.timeframe import TimeFrame, find_done, find_time_frames
from gonggam.coach.topic import not_topic_phrase, topic_candidates


@dataclass
class CoachContext:
    """A reply, what it answers, and derived facts shared by the rules."""

    reply: AnalyzedText
    customer: AnalyzedText | None
    situation: Situation
    refusing: bool
    cliches: list[tuple[int, int, str]]
    previous_replies: Sequence[str] = ()
    impact_patterns: Sequence[re.Pattern[str]] = field(default_factory=tuple)
    # Several rules look for the same cue (an admission backs context, acknowledge and
    # ownership): each pattern is searched once per reply.
    _found: dict[re.Pattern[str], re.Match[str] | None] = field(
        default_factory=dict, repr=False, compare=False
    )
    # Rules that lean on another rule's verdict (no_template on context and acknowledge) get
    # the verdict already reached instead of running the rule again.
    _verdicts: dict[str, RuleResult] = field(default_factory=dict, repr=False, compare=False)

    def verdict(self, rule_id: str, check: Callable[[CoachContext], RuleResult]) -> RuleResult:
        """`check(self)`, computed once per reply."""
        if rule_id not in self._verdicts:
            self._verdicts[rule_id] = check(self)
        return self._verdicts[rule_id]

    @cached_property
    def failures(self) -> list[tuple[int, int]]:
        """Sentences outside boilerplate that state a failure as fact (`coach.failure`)."""
        return list(failure_statements(self.reply, outside=self.cliche_spans))

    @property
    def text(self) -> str:
        """The reply text."""
        return self.reply.text

    @property
    def ko(self) -> bool:
        """Whether evidence and suggestions are written in Korean (the reply's language)."""
        return self.reply.language == "ko"

    def say(self, ko: str, en: str) -> str:
        """Pick the Korean or English wording for this reply."""
        return ko if self.ko else en

    @property
    def cliche_spans(self) -> list[tuple[int, int]]:
        """Offsets of the clichés found in the reply."""
        return [(start, end) for start, end, _ in self.cliches]

    def cues(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """Matches of a cue in the reply outside cliché spans (boilerplate proves nothing)."""
        return matches_outside(for_text(pattern, self.text), self.text, self.cliche_spans)

    def find(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """The first of `cues(pattern)`, searched once per reply."""
        if pattern not in self._found:
            self._found[pattern] = next(self.cues(pattern), None)
        return self._found[pattern]

    @cached_property
    def specifics(self) -> list[str]:
        """The customer's own noun phrases (product, order, payment…), most telling first."""
        if self.customer is None:
            return []
        # Greetings, time words and counts are the customer's words but not their case.
        # Filter before the cut, so weekdays and times do not take the slots of real specifics.
        phrases = customer_specifics(self.customer, limit=12)
        return [p for p in phrases if not not_topic_phrase(p)][:6]

    @cached_property
    def case(self) -> Case | None:
        """The customer's case (topic, stated impact) in the reply's language."""
        if self.customer is None:
            return None
        return read_case(self.customer.text, korean=self.ko, analyzed=self.customer)

    @cached_property
    def topic(self) -> str:
        """A short name for the customer's case, for suggestions ("이중 결제", not "안녕")."""
        if self.case is not None and self.case.topic.name not in ("말씀하신 건", "your request"):
            return self.case.topic.name
        candidates = topic_candidates(self.customer) if self.customer is not None else []
        if candidates:
            return candidates[0]
        domain = sorted(n for n in self.reply.nouns if n.lower() in DOMAIN_NOUNS)
        if domain:
            return domain[0]
        return self.say("이번 건", "this issue")

    @cached_property
    def time_frames(self) -> list[TimeFrame]:
        """The reply's concrete time frames (`eta` and `urgency` both read them)."""
        return find_time_frames(self.text)

    @cached_property
    def done(self) -> TimeFrame | None:
        """The reply's statement that the fix is already done (`eta`, `workaround`, `urgency`)."""
        return find_done(self.text)

    @cached_property
    def time_need(self) -> str | None:
        """The time frame the customer said they need ("내일까지"), if any."""
        if self.customer is None:
            return None
        frames = find_time_frames(self.customer.text)
        return frames[0].text if frames else None

    @cached_property
    def customer_issue(self) -> str | None:
        """The customer's sentence that says what went wrong, if any."""
        if self.customer is None:
            return None
        match = FAILURE_CUES.search(self.customer.text)
        return sentence_around(self.customer.text, match.start(), 60) if match else None

    @cached_property
    def impact_suggestion(self) -> str | None:
        """A sentence telling back the impact the customer stated, or None if they stated none."""
        if self.case is None or self.case.impact is None:
            return None
        return impact_sentence(self.case, korean=self.ko)

    @cached_property
    def customer_impact(self) -> str | None:
        """The customer's sentence that says what the problem costs them, if any."""
        if self.customer is None:
            return None
        for pattern in self.impact_patterns:
            match = pattern.search(self.customer.text)
            if match:
                return sentence_around(self.customer.text, match.start(), 60)
        return None


def passed(rule_id: str, evidence: str, span: tuple[int, int] | None = None) -> RuleResult:
    """A passing result; `evidence` is the span that satisfied the rule."""
    return RuleResult(rule_id, PASS, evidence, "", span)


def passed_by(rule_id: str, match: re.Match[str]) -> RuleResult:
    """A passing result whose evidence is a regex match in the reply."""
    return RuleResult(rule_id, PASS, match.group().strip(), "", (match.start(), match.end()))


def failed(
    rule_id: str, evidence: str, suggestion: str, span: tuple[int, int] | None = None
) -> RuleResult:
    """A failing result with what is wrong or missing and a suggestion for this case."""
    return RuleResult(rule_id, FAIL, evidence, suggestion, span)
