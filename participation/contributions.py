"""What the participation app contributes to the platform (cms/platform.py)."""

from django.urls import include, path

from cms.platform import DemoContent, PermissionGrant, Service, Urls, register
from programmes.panels import REGISTRATIONS_SERVICE

from . import demo, urls
from .panels import EVENT_REGISTRATIONS

register(Urls([path("participation/", include(urls))]))
register(DemoContent(reset_guard=demo.refuse_reset_with_submissions))
register(
    # Submissions: read, work on (status, note), delete on request (GDPR); Administratoren as the programme
    # team. The outbox stays read-only (the site writes it, not people), but failed e-mails may be sent
    # again once the mail server works.
    PermissionGrant(
        ("programme_team", "admin"),
        tuple(
            ("participation", f"{action}_{model}")
            for model in ("registration", "expressionofinterest")
            for action in ("view", "change", "delete")
        )
        + (("participation", "view_outgoingmail"), ("participation", "resend_outgoingmail")),
    ),
)
register(Service(REGISTRATIONS_SERVICE, EVENT_REGISTRATIONS))
