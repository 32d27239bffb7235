"""How the customer feels (neutral, anxious, frustrated, angry, satisfied) and how strongly."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gonggam.triage.features import Features, closing_courtesy, compile_phrases, cue_score
from gonggam.triage.lexicon.emotions import EMOTION_CUES

EMOTIONS: tuple[str, ...] = ("neutral", "anxious", "frustrated", "angry", "satisfied")
_NEGATIVE = ("angry", "frustrated", "anxious")
_COMPILED = {
    name: (morphs, compile_phrases(phrases)) for name, (morphs, phrases) in EMOTION_CUES.items()
}
# Below this score an emotion is not evident and the message reads as neutral.
_EVIDENT = 1.5
_BASE_INTENSITY = {
    "neutral": 0.1,
    "satisfied": 0.4,
    "anxious": 0.45,
    "frustrated": 0.5,
    "angry": 0.65,
}
_INTENSIFIERS = re.compile(
    r"(진짜|정말|너무|완전|대체|도대체|아주|엄청|겁나|개\s?빡|really|so\s|extremely|absolutely|totally|seriously)"
)
_ANGRY_MARKS = re.compile(r"(ㅡㅡ|-_-|😡|🤬|💢|😤|ㅗ)")
_REPEAT = re.compile(
    r"(몇\s?번(째|이나)|세\s?번째|[2-9]\s?번째|again|third time|second time|keeps? happening)"
)


@dataclass(frozen=True)
class EmotionResult:
    """Emotion label, intensity 0..1 and the raw score of each emotion."""

    emotion: str
    intensity: float
    scores: dict[str, float]


def classify_emotion(features: Features, abuse_kinds: set[str]) -> EmotionResult:
    """Pick the dominant emotion of a message; abuse counts as anger."""
    scores = {
        name: cue_score(features, morphs, phrases) for name, (morphs, phrases) in _COMPILED.items()
    }
    if closing_courtesy(features):
        scores["satisfied"] = max(0.0, scores["satisfied"] - 1.5)
    if abuse_kinds & {"insult", "threat"}:
        scores["angry"] += 3.0
    elif "profanity" in abuse_kinds and scores["satisfied"] < 2.0:
        # Swearing at a problem is anger; "존나 빠르네 최고" is rough praise.
        scores["angry"] += 3.0
    caps = _caps_ratio(features.text)
    if caps > 0.6:
        scores["angry"] += 1.5
    if features.text.count("!") >= 2:
        loudest = max(_NEGATIVE, key=lambda name: scores[name])
        if scores[loudest] > 0:
            scores[loudest] += 0.8

    negative = max(_NEGATIVE, key=lambda name: scores[name])
    best_negative = scores[negative]
    if scores["satisfied"] >= _EVIDENT and scores["satisfied"] > 1.2 * best_negative:
        emotion = "satisfied"
    elif best_negative >= _EVIDENT:
        emotion = negative
    else:
        emotion = "neutral"
    return EmotionResult(emotion, _intensity(features, emotion, scores, abuse_kinds, caps), scores)


def _caps_ratio(text: str) -> float:
    """Share of upper-case letters among Latin letters (shouting), 0 for short or Korean text."""
    letters = [ch for ch in text if ch.isascii() and ch.isalpha()]
    if len(letters) < 8:
        return 0.0
    return sum(ch.isupper() for ch in letters) / len(letters)


def _intensity(
    features: Features, emotion: str, scores: dict[str, float], abuse_kinds: set[str], caps: float
) -> float:
    """Intensity from the emotion's strength and markers: !!!, ㅡㅡ, 진짜, caps, 😡, repeats."""
    value = _BASE_INTENSITY[emotion]
    if emotion != "neutral":
        value += min(0.15, 0.03 * scores[emotion])
    lower = features.lower
    value += min(0.15, 0.04 * features.text.count("!"))
    value += min(0.12, 0.04 * len(_INTENSIFIERS.findall(lower)))
    value += min(0.12, 0.06 * len(_ANGRY_MARKS.findall(lower)))
    value += 0.08 if _REPEAT.search(lower) else 0.0
    value += 0.15 if caps > 0.6 else 0.0
    value += 0.1 * len(abuse_kinds)
    if emotion == "neutral":
        value = min(value, 0.3)
    return round(max(0.0, min(1.0, value)), 2)
