"""The command line contracts: `gonggam demo`, `gonggam db upgrade`."""

from __future__ import annotations

import json
import os
import signal
import smtplib
import subprocess
import sys
import time
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, inspect

from gonggam.channels.signing import SIGNATURE_HEADER, sign
from tests.conftest import free_port

GONGGAM = str(Path(sys.executable).with_name("gonggam"))


@pytest.fixture
def demo_smtp_port() -> int:
    return free_port()


@pytest.fixture
def demo_process(
    tmp_path: Path, demo_smtp_port: int
) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GONGGAM_")}
    env |= {
        "GONGGAM_DEMO_PASSWORD": "데모-password-1",
        "GONGGAM_API_TOKEN": "cli-test-token",
        "GONGGAM_DEMO_WEBHOOK_SECRET": "demo-webhook-secret-for-tests",
        "TMPDIR": str(tmp_path),
        "COLUMNS": "200",
    }
    process = subprocess.Popen(
        [GONGGAM, "demo", "--port", str(port), "--smtp-port", str(demo_smtp_port)],
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail(f"demo did not start: {process.communicate()[0]}")
    yield url, process
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()


def test_demo_serves_realistic_data_in_every_status(
    demo_process: tuple[str, subprocess.Popen[str]],
) -> None:
    url, _ = demo_process
    headers = {"Authorization": "Bearer cli-test-token"}
    page = httpx.get(f"{url}/api/v1/conversations", params={"limit": 200}, headers=headers).json()
    statuses = {item["status"] for item in page["items"]}
    assert statuses == {"open", "pending", "resolved", "closed"}
    channels = {item["channel"] for item in page["items"]}
    assert len(channels) >= 4
    # The demo's SMS webhook channel takes messages signed with the configured secret.
    body = json.dumps(
        {"message_id": "demo-1", "from": {"id": "u1", "phone": "010-2222-3333"}, "text": "문의요"}
    ).encode()
    sms = httpx.post(
        f"{url}/api/v1/channels/demo-sms/webhook",
        content=body,
        headers={
            "Content-Type": "application/json",
            SIGNATURE_HEADER: sign("demo-webhook-secret-for-tests", body),
        },
        timeout=60,
    )
    assert sms.status_code == 201, sms.text
    # The demo people can sign in through the plain HTML login form.
    with httpx.Client(base_url=url, follow_redirects=False) as browser:
        login = browser.get("/login")
        assert 'name="email"' in login.text and 'name="password"' in login.text


def test_demo_prints_the_logins_takes_email_by_smtp_and_stops_cleanly(
    demo_process: tuple[str, subprocess.Popen[str]], demo_smtp_port: int
) -> None:
    url, process = demo_process
    mail = EmailMessage()
    mail["From"] = "오세린 <serin@mail.example>"
    mail["To"] = "help@demo.gonggam"
    mail["Subject"] = "회원 탈퇴 문의"
    mail["Message-ID"] = "<cli-smtp-1@mail.example>"
    mail.set_content("탈퇴하려는데 버튼이 안 보여요. 어디서 하나요?")
    with smtplib.SMTP("127.0.0.1", demo_smtp_port, timeout=10) as client:
        assert client.send_message(mail) == {}
    headers = {"Authorization": "Bearer cli-test-token"}
    found = httpx.get(
        f"{url}/api/v1/conversations",
        params={"customer_email": "serin@mail.example"},
        headers=headers,
    ).json()["items"]
    assert [item["channel"] for item in found] == ["email"]
    process.send_signal(signal.SIGINT)
    output = process.communicate(timeout=15)[0]
    assert process.returncode == 0, output
    assert f"SMTP receiver on 127.0.0.1:{demo_smtp_port}" in output
    for email in ("admin@demo.gonggam", "supervisor@demo.gonggam", "agent@demo.gonggam"):
        assert email in output
    assert "데모-password-1" in output
    assert "demo-sms" in output and "demo-webhook-secret-for-tests" in output


def test_db_upgrade_creates_the_schema(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    env = os.environ | {"GONGGAM_DATABASE_URL": url}
    done = subprocess.run(
        [GONGGAM, "db", "upgrade"], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    tables = set(inspect(create_engine(url)).get_table_names())
    assert {"customers", "conversations", "messages", "events", "users", "teams"} <= tables


def test_worker_runs_one_pass(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'worker.sqlite3'}"
    env = os.environ | {"GONGGAM_DATABASE_URL": url}
    subprocess.run([GONGGAM, "db", "upgrade"], env=env, check=True, capture_output=True, timeout=60)
    done = subprocess.run(
        [GONGGAM, "worker", "--once"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
