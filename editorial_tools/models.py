import secrets

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_token():
    return secrets.token_urlsafe(32)


class PreviewLinkQuerySet(models.QuerySet):
    def active(self, now=None):
        return self.filter(revoked_at__isnull=True, expires_at__gt=now or timezone.now())


class PreviewLink(models.Model):
    """A secret address that shows a page's latest draft to people without an account, until it
    expires or is revoked (editorial_tools/preview_links.py)."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page"))
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("created by")
    )
    expires_at = models.DateTimeField(_("expires at"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.page_id}: {self.token[:6]}…"

    def is_active(self, now=None):
        return self.revoked_at is None and self.expires_at > (now or timezone.now())


class LinkProblem(models.Model):
    """One link on a live page that leads nowhere, as found by the last check of that page
    (editorial_tools/link_check.py). A page's rows are replaced each time it is checked."""

    class Kind(models.TextChoices):
        DELETED = "deleted", _("Linked page was deleted")
        UNPUBLISHED = "unpublished", _("Linked page is not published")
        HTTP_ERROR = "http_error", _("Server answered with an error")
        UNREACHABLE = "unreachable", _("Server not reachable")
        TIMEOUT = "timeout", _("No answer in time")

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page"))
    field = models.CharField(_("field"), max_length=255)  # the field's name
    url = models.TextField(_("link"), blank=True)  # external links
    target_page_id = models.PositiveIntegerField(_("linked page"), null=True, blank=True)  # internal links
    kind = models.CharField(_("problem"), max_length=20, choices=Kind.choices)
    detail = models.CharField(_("detail"), max_length=255, blank=True)
    checked_at = models.DateTimeField(_("last checked"))

    class Meta:
        verbose_name = _("broken link")
        verbose_name_plural = _("broken links")
        ordering = ["page__path", "field", "url"]

    def __str__(self):
        return self.url

    @property
    def field_label(self):
        try:
            return self.page.specific_class._meta.get_field(self.field).verbose_name
        except (AttributeError, FieldDoesNotExist):  # the page type or the field is gone
            return self.field
