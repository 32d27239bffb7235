"""Admin pages for channels: the outbox of replies on their way out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request, status
from fastapi.responses import HTMLResponse

from gonggam.accounts.models import Role
from gonggam.channels import service
from gonggam.channels.models import DeliveryStatus
from gonggam.deps import PagePrincipal, SessionDep
from gonggam.web.templating import render

router = APIRouter(include_in_schema=False)

OUTBOX_PAGE = 200


@router.get("/admin/outbox")
def outbox_page(
    request: Request,
    session: SessionDep,
    principal: PagePrincipal,
    status_filter: Annotated[str | None, Query(alias="status")] = None,
) -> HTMLResponse:
    """Queued, sent and failed deliveries with their attempts and last error (admins)."""
    if not principal.has_role(Role.admin):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "this page is for admins")
    chosen = status_filter if status_filter in DeliveryStatus.__members__ else None
    deliveries = service.list_deliveries(session, status_filter=chosen, limit=OUTBOX_PAGE)
    return render(
        request,
        "channels/outbox.html",
        {
            "deliveries": deliveries,
            "chosen": chosen,
            "statuses": [s.value for s in DeliveryStatus],
        },
        principal=principal,
    )
