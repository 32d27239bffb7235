"""Twilio-compatible voice webhooks: greet, hear the reason, announce the wait, queue or call back.

    incoming ─▶ Gather the reason (speech or keys)            level 1
    speech?step=reason ─▶ store the transcript, triage, route, announce the wait,
                          Gather: 1/"콜백" callback · 2 wait · 0/"상담사" agent   level 2
    speech?step=menu   ─▶ callback recorded (hang up) or Enqueue to the team's queue

Pressing 0 or saying "상담사" reaches a person at once from any step; a second answer that is
not understood also goes to a person, so no caller is looped.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request, status
from fastapi.responses import Response
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from gonggam.channels.inbound import factory_of, ingest_from
from gonggam.channels.models import Channel
from gonggam.channels.voice import service
from gonggam.channels.voice.signature import TWILIO_HEADER, twilio_problem
from gonggam.channels.voice.twiml import TwiML
from gonggam.conversations.models import Conversation
from gonggam.conversations.pipeline import InboundMessage
from gonggam.customers.service import CustomerRef

router = APIRouter(prefix="/api/v1/channels/voice", tags=["voice"])

GREETING = "안녕하세요, 고객센터입니다. 전화 주셔서 감사합니다."
ASK_REASON = "문의하실 내용을 짧게 말씀해 주세요. 상담사 연결은 0번을 눌러 주세요."
ASK_AGAIN = "죄송합니다, 잘 듣지 못했습니다. " + ASK_REASON
MENU = (
    "콜백을 원하시면 1번을 누르시거나 콜백이라고 말씀해 주세요. "
    "기다리시려면 2번, 바로 상담사 연결은 0번을 눌러 주세요."
)
TO_HUMAN = "상담사에게 연결해 드리겠습니다. 잠시만 기다려 주세요."
CALLBACK_DONE = (
    "콜백 요청이 접수되었습니다. 지금 거신 번호로 순서대로 다시 연락드리겠습니다. 감사합니다."
)
HUMAN_WORDS = ("상담사", "상담원")
CALLBACK_WORDS = ("콜백", "다시 전화", "전화 주세요")
WAIT_WORDS = ("기다", "대기")
MAX_TRIES = 2


def _twiml(answer: TwiML) -> Response:
    return Response(answer.render(), media_type="text/xml; charset=utf-8")


def _action(step: str, tries: int, channel_name: str | None) -> str:
    url = f"/api/v1/channels/voice/speech?step={step}&tries={tries}"
    return url + (f"&channel={channel_name}" if channel_name else "")


def _signed_url(request: Request, channel: Channel) -> str:
    """The URL Twilio signed: the channel's public base URL when the desk is behind a proxy."""
    base = channel.settings.get("public_url")
    if not base:
        return str(request.url)
    query = f"?{request.url.query}" if request.url.query else ""
    return str(base).rstrip("/") + request.url.path + query


async def _verified(request: Request, channel_name: str | None) -> tuple[Channel, dict[str, str]]:
    """The voice channel and the call's form fields, after the Twilio signature check."""

    def find(factory: sessionmaker[Session]) -> Channel | None:
        with factory() as session:
            channel = service.voice_channel(session, channel_name)
            if channel is not None:
                session.expunge(channel)
            return channel

    channel = await run_in_threadpool(find, factory_of(request))
    if channel is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no active voice channel is configured")
    form = await request.form()
    params = [(k, v) for k, v in form.multi_items() if isinstance(v, str)]
    problem = twilio_problem(
        channel.secret, _signed_url(request, channel), params, request.headers.get(TWILIO_HEADER)
    )
    if problem:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, problem)
    return channel, dict(params)


def _human(channel: Channel, conversation: Conversation | None) -> TwiML:
    answer = TwiML().say(TO_HUMAN)
    number = channel.settings.get("dial")
    return (
        answer.dial(str(number))
        if number
        else answer.enqueue(service.queue_name(channel, conversation))
    )


def _wants(text: str, words: tuple[str, ...]) -> bool:
    return any(word in text for word in words)


@router.post("/incoming", response_class=Response)
async def incoming(request: Request, channel: Annotated[str | None, Query()] = None) -> Response:
    """A call arrives: greet in Korean and ask for the reason (speech or keys)."""
    await _verified(request, channel)
    answer = TwiML().say(GREETING).gather(action=_action("reason", 0, channel), prompt=ASK_REASON)
    # Silence falls through the Gather to the same step with no answer, which counts as one
    # answer not understood (`tries` = answers not understood before this request).
    return _twiml(answer.redirect(_action("reason", 0, channel)))


@router.post("/speech", response_class=Response)
async def speech(
    request: Request,
    step: Annotated[str, Query(pattern="^(reason|menu)$")] = "reason",
    tries: Annotated[int, Query(ge=0, le=10)] = 0,
    channel: Annotated[str | None, Query()] = None,
) -> Response:
    """The caller's answer to the reason question (level 1) or the wait menu (level 2)."""
    voice, form = await _verified(request, channel)
    said = (form.get("SpeechResult") or "").strip()
    digits = (form.get("Digits") or "").strip()
    call_sid = form.get("CallSid") or ""
    caller = form.get("From") or ""
    if not call_sid:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "CallSid is required")
    if step == "reason":
        return await _reason(request, voice, channel, said, digits, call_sid, caller, tries)
    return await _menu(request, voice, channel, said, digits, call_sid, caller, tries)


async def _reason(
    request: Request,
    voice: Channel,
    channel_name: str | None,
    said: str,
    digits: str,
    call_sid: str,
    caller: str,
    tries: int,
) -> Response:
    conversation_id = None
    if said:
        # The transcript is the customer's message: stored, triaged and routed like any other.
        result = await ingest_from(
            request,
            InboundMessage(
                channel="voice",
                text=said,
                customer=CustomerRef(phone=caller or None),
                provider_message_id=service.call_provider_id(voice, call_sid, "reason"),
            ),
        )
        conversation_id = result.conversation_id
    if digits == "0" or _wants(said, HUMAN_WORDS):
        return await _to_human(request, voice, conversation_id)
    if not said:
        if tries + 1 >= MAX_TRIES:
            return await _to_human(request, voice, None)
        answer = TwiML().gather(action=_action("reason", tries + 1, channel_name), prompt=ASK_AGAIN)
        return _twiml(answer.redirect(_action("reason", tries + 1, channel_name)))

    def announce(factory: sessionmaker[Session]) -> str:
        with factory() as session:
            conversation = session.get_one(Conversation, conversation_id)
            return service.wait_announcement(session, conversation)

    wait = await run_in_threadpool(announce, factory_of(request))
    answer = TwiML().say(f"말씀하신 내용이 접수되었습니다. {wait}")
    answer.gather(action=_action("menu", 0, channel_name), prompt=MENU)
    # No answer to the menu: keep the caller's place in the queue.
    return _twiml(answer.redirect(_action("menu", MAX_TRIES, channel_name)))


async def _menu(
    request: Request,
    voice: Channel,
    channel_name: str | None,
    said: str,
    digits: str,
    call_sid: str,
    caller: str,
    tries: int,
) -> Response:
    if digits == "1" or _wants(said, CALLBACK_WORDS):
        await _callback(request, voice, call_sid, caller)
        return _twiml(TwiML().say(CALLBACK_DONE).hangup())
    understood = digits in ("0", "2") or _wants(said, HUMAN_WORDS + WAIT_WORDS)
    if understood or tries + 1 >= MAX_TRIES:
        return await _to_human(request, voice, call_sid=call_sid)
    answer = TwiML().gather(action=_action("menu", tries + 1, channel_name), prompt=MENU)
    return _twiml(answer.redirect(_action("menu", MAX_TRIES, channel_name)))


async def _to_human(
    request: Request,
    voice: Channel,
    conversation_id: int | None = None,
    *,
    call_sid: str | None = None,
) -> Response:
    def build(factory: sessionmaker[Session]) -> str:
        with factory() as session:
            conversation = (
                session.get(Conversation, conversation_id)
                if conversation_id
                else service.conversation_of_call(session, voice, call_sid)
                if call_sid
                else None
            )
            return _human(voice, conversation).render()

    rendered = await run_in_threadpool(build, factory_of(request))
    return Response(rendered, media_type="text/xml; charset=utf-8")


async def _callback(request: Request, voice: Channel, call_sid: str, caller: str) -> None:
    def record(factory: sessionmaker[Session]) -> int | None:
        with factory() as session:
            conversation = service.conversation_of_call(session, voice, call_sid)
            if conversation is None:
                return None
            service.request_callback(session, conversation=conversation, phone=caller)
            return conversation.id

    if await run_in_threadpool(record, factory_of(request)) is None:
        # A callback asked for before any reason was heard still reaches an agent.
        result = await ingest_from(
            request,
            InboundMessage(
                channel="voice",
                text="전화 콜백 요청",
                customer=CustomerRef(phone=caller or None),
                provider_message_id=service.call_provider_id(voice, call_sid, "reason"),
            ),
        )
        del result
        await run_in_threadpool(record, factory_of(request))
