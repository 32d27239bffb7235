"""`gonggam coach` and `gonggam coach eval` through the real console script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

DEV_SET = Path(__file__).parent.parent / "data" / "coach_dev.jsonl"
GONGGAM = Path(sys.executable).parent / "gonggam"


def _run(args: list[str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(GONGGAM), *args], input=stdin, capture_output=True, text=True, timeout=120, check=False
    )


def test_coach_reads_json_lines() -> None:
    done = _run(["coach"], '{"reply":"불편을 드려 죄송합니다."}\n')
    assert done.returncode == 0, done.stderr
    output = json.loads(done.stdout)
    assert set(output) == {"score", "rules", "cliches"}
    assert output["cliches"] == [[0, 12, "불편을 드려 죄송합니다"]]
    assert "불편을" in done.stdout  # ensure_ascii=False


def test_invalid_line_reported_others_processed() -> None:
    lines = '{"reply":"ok"}\nnot json\n{"reply": 3}\n{"reply":"네","situation":"question"}\n'
    done = _run(["coach"], lines)
    assert done.returncode == 1
    assert len(done.stdout.strip().splitlines()) == 2
    assert "line 2" in done.stderr and "line 3" in done.stderr


def test_eval_prints_agreement_per_split() -> None:
    done = _run(["coach", "eval", str(DEV_SET)])
    assert done.returncode == 0, done.stderr
    for word in ("tune", "holdout", "overall", "calm_tone"):
        assert word in done.stdout


def test_invalid_utf8_and_unknown_situation_are_line_errors() -> None:
    stdin = b'{"reply":"\xff\xfe"}\n{"reply":"x","situation":"weather"}\n{"reply":"ok"}\n'
    done = subprocess.run(
        [str(GONGGAM), "coach"], input=stdin, capture_output=True, timeout=120, check=False
    )
    assert done.returncode == 1
    assert len(done.stdout.decode().strip().splitlines()) == 1
    errors = done.stderr.decode()
    assert "line 1: invalid UTF-8" in errors and "line 2: unknown situation" in errors
