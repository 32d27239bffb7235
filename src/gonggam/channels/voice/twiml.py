"""Building TwiML answers (Twilio's XML call instructions) with the standard library."""

from __future__ import annotations

import xml.etree.ElementTree as ET

KOREAN = "ko-KR"


class TwiML:
    """One `<Response>`; each method appends a verb and returns self for chaining."""

    def __init__(self) -> None:
        self.root = ET.Element("Response")

    def say(self, text: str, parent: ET.Element | None = None) -> TwiML:
        element = ET.SubElement(self.root if parent is None else parent, "Say", language=KOREAN)
        element.text = text
        return self

    def gather(self, *, action: str, prompt: str, num_digits: int = 1) -> TwiML:
        """Listen for speech or one key press; the answer is posted to `action`."""
        gather = ET.SubElement(
            self.root,
            "Gather",
            input="speech dtmf",
            language=KOREAN,
            action=action,
            method="POST",
            numDigits=str(num_digits),
            timeout="5",
            speechTimeout="auto",
        )
        self.say(prompt, parent=gather)
        return self

    def redirect(self, url: str) -> TwiML:
        element = ET.SubElement(self.root, "Redirect", method="POST")
        element.text = url
        return self

    def enqueue(self, queue: str) -> TwiML:
        element = ET.SubElement(self.root, "Enqueue")
        element.text = queue
        return self

    def dial(self, number: str) -> TwiML:
        element = ET.SubElement(self.root, "Dial")
        element.text = number
        return self

    def hangup(self) -> TwiML:
        ET.SubElement(self.root, "Hangup")
        return self

    def render(self) -> str:
        return '<?xml version="1.0" encoding="UTF-8"?>' + ET.tostring(self.root, encoding="unicode")
