"""/.well-known/security.txt (RFC 9116): where to report a vulnerability. 404 until configured."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


def contact_uri(value):
    return value if ":" in value else f"mailto:{value}"


def canonical_url(request):
    base = getattr(settings, "PUBLIC_URL", "")  # branch "url"'s one public address, where set
    path = request.path
    return base.rstrip("/") + path if base else request.build_absolute_uri(path)


@require_GET
@cache_control(max_age=86400, public=True)
def security_txt(request):
    if not settings.SECURITY_CONTACT or not settings.SECURITY_TXT_EXPIRES:
        raise Http404("security.txt is not configured")
    lines = [f"Contact: {contact_uri(contact)}" for contact in settings.SECURITY_CONTACT]
    lines.append(f"Expires: {settings.SECURITY_TXT_EXPIRES}")
    if settings.SECURITY_TXT_LANGUAGES:
        lines.append(f"Preferred-Languages: {', '.join(settings.SECURITY_TXT_LANGUAGES)}")
    lines.append(f"Canonical: {canonical_url(request)}")
    if settings.SECURITY_TXT_POLICY:
        lines.append(f"Policy: {settings.SECURITY_TXT_POLICY}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
