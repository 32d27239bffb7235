"""`/widget-demo`: a small shop page that embeds the widget with one script tag."""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from gonggam.channels.chat.token import sign
from gonggam.config import Settings
from gonggam.kit.clock import utcnow
from gonggam.web.templating import render

router = APIRouter(include_in_schema=False)

# The demo shop's signed-in customer (a host site would sign its own logged-in customer).
DEMO_SHOPPER = {
    "external_id": "shop-1001",
    "name": "이하은",
    "email": "haeun.lee@example.kr",
    "phone": "010-3030-4040",
}


@router.get("/widget-demo")
def widget_demo(request: Request, signed: bool = False) -> HTMLResponse:
    """A host page; `?signed=true` embeds a token for the demo shopper (needs the secret)."""
    settings: Settings = request.app.state.settings
    token = None
    if signed and settings.widget_secret:
        expires = int((utcnow() + timedelta(hours=1)).timestamp())
        token = sign(settings.widget_secret, expires_at=expires, **DEMO_SHOPPER)
    return render(
        request,
        "chat/demo.html",
        {
            "token": token,
            "signed": token is not None,
            "secret_set": bool(settings.widget_secret),
            "shopper": DEMO_SHOPPER,
        },
        principal=None,
    )
