"""Shareable preview links: a secret address that shows a page's latest draft to someone without an
account, until the link expires or is revoked.

The draft is rendered exactly as the admin's preview renders it (``make_preview_request``), so the
person sees what the editor sees, and only that page: the token names one page and nothing else.
Creating, revoking and every view are written to Wagtail's audit log (the page's history).
"""

from datetime import timedelta

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from .models import PreviewLink

CREATE_ACTION = "editorial_tools.preview_link.create"
REVOKE_ACTION = "editorial_tools.preview_link.revoke"
VIEW_ACTION = "editorial_tools.preview_link.view"

DEFAULT_LIFETIME_DAYS = 7
LIFETIME_CHOICES = [(1, _("1 day")), (3, _("3 days")), (7, _("7 days")), (14, _("14 days")), (30, _("30 days"))]


def create_link(page, user, days=DEFAULT_LIFETIME_DAYS):
    link = PreviewLink.objects.create(page=page, created_by=user, expires_at=timezone.now() + timedelta(days=days))
    log(page, CREATE_ACTION, user=user, data={"link": link.pk, "expires_at": link.expires_at.isoformat()})
    return link


def revoke_link(link, user):
    link.revoked_at = timezone.now()
    link.save(update_fields=["revoked_at"])
    log(link.page, REVOKE_ACTION, user=user, data={"link": link.pk})


def shared_url(request, link):
    """The address to hand out, in the language of the page shared."""
    with translation.override(link.page.locale.language_code):
        return request.build_absolute_uri(reverse("shared_preview", args=[link.token]))


def _private(response):
    # A draft must stay out of search engines and out of every shared cache (proxies, CDNs).
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    # The token is the whole secret: links followed from the draft must not carry it in Referer.
    response["Referrer-Policy"] = "no-referrer"
    return response


def shared_preview(request, token):
    """The public view behind a preview link. A revoked or expired link answers 410, an unknown one 404,
    both with a page that says so in the visitor's language."""
    link = PreviewLink.objects.select_related("page", "page__locale").filter(token=token).first()
    if link is None:
        return _private(render(request, "editorial_tools/preview_link_gone.html", {"reason": "unknown"}, status=404))
    if not link.is_active():
        reason = "revoked" if link.revoked_at else "expired"
        return _private(render(request, "editorial_tools/preview_link_gone.html", {"reason": reason}, status=410))
    draft = link.page.specific.get_latest_revision_as_object()
    if not draft.is_previewable():
        raise Http404
    log(link.page, VIEW_ACTION, user=None, data={"link": link.pk})
    response = draft.make_preview_request(
        request, draft.default_preview_mode, extra_request_attrs={"shared_preview": True}
    )
    return _private(response)
