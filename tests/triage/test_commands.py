"""`gonggam analyze` and `gonggam triage eval` through the real console script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from gonggam.triage import CONTRACT_KEYS

DEV_SET = Path(__file__).parent.parent / "data" / "triage_dev.jsonl"
GONGGAM = Path(sys.executable).parent / "gonggam"


def _run(args: list[str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(GONGGAM), *args], input=stdin, capture_output=True, text=True, timeout=180, check=False
    )


def test_analyze_reads_json_lines() -> None:
    lines = [
        {"text": "배송이 아직도 안 왔어요 ㅡㅡ", "customer_id": "c-1"},
        {"text": "감사합니다 😊", "channel": "chat"},
    ]
    done = _run(["analyze"], "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))
    assert done.returncode == 0, done.stderr
    outputs = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(outputs) == 2
    assert all(tuple(output) == CONTRACT_KEYS for output in outputs)
    assert outputs[0]["intent"] == "delivery"
    assert outputs[1]["emotion"] == "satisfied"
    assert "배송이" in done.stdout  # ensure_ascii=False


def test_invalid_lines_are_reported_and_others_still_processed() -> None:
    stdin = (
        '{"text": "택배가 안 와요"}\n'
        "not json at all\n"
        '{"text": 42}\n'
        "\n"
        '{"text": "시1발 010-1234-5678", "channel": "social"}\n'
    )
    done = _run(["analyze"], stdin)
    assert done.returncode == 1
    outputs = [json.loads(line) for line in done.stdout.splitlines()]
    assert outputs[0]["intent"] == "delivery"
    assert len(outputs) == 2
    assert outputs[1]["masked_text"] == "시1발 ***-****-****"
    assert "line 2" in done.stderr and "invalid JSON" in done.stderr
    assert "line 3" in done.stderr and '"text" must be a string' in done.stderr


def test_invalid_utf8_line_is_reported() -> None:
    stdin = (
        '{"text": "택배"}\n'.encode() + b'{"text": "\xff\xfe"}\n' + '{"text": "환불"}\n'.encode()
    )
    done = subprocess.run(
        [str(GONGGAM), "analyze"], input=stdin, capture_output=True, timeout=120, check=False
    )
    assert done.returncode == 1
    assert len(done.stdout.decode().splitlines()) == 2
    assert "line 2: invalid UTF-8" in done.stderr.decode()


def test_lone_surrogate_does_not_break_the_stream() -> None:
    stdin = '{"text": "배송 \\ud800 언제 와요"}\n{"text": "택배가 안 와요"}\n'
    done = _run(["analyze"], stdin)
    assert done.returncode == 0, done.stderr
    outputs = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(outputs) == 2
    assert outputs[0]["masked_text"] == "배송 \ufffd 언제 와요"


def test_many_lines_keep_their_order() -> None:
    texts = [
        f"주문 {n}번 배송 언제 와요?" if n % 2 else f"환불 {n}번 부탁드려요" for n in range(600)
    ]
    stdin = "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts)
    done = _run(["analyze"], stdin)
    assert done.returncode == 0, done.stderr
    intents = [json.loads(line)["intent"] for line in done.stdout.splitlines()]
    assert intents == ["delivery" if n % 2 else "refund_exchange" for n in range(600)]


def test_eval_prints_figures_per_split_and_peers() -> None:
    done = _run(["triage", "eval", str(DEV_SET)])
    assert done.returncode == 0, done.stderr
    for word in ("tune", "holdout", "PII recall", "korcen", "nerv-filter", "confusion", "urgency"):
        assert word in done.stdout, word


def test_train_writes_a_model(tmp_path: Path) -> None:
    out = tmp_path / "model.json"
    done = _run(["triage", "train", str(DEV_SET), "--out", str(out), "--split", "tune"])
    assert done.returncode == 0, done.stderr
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format"] == "gonggam-triage-corrections/1"
    assert set(document["fields"]) == {"intent", "emotion", "customer_type", "urgency"}
