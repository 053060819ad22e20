"""The widget partners embed (docs/api.md): a frame listing calls or events from the pages API, and a
demo page with the snippet to copy. The script itself is a static file (static/widget/)."""

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.urls import path
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from cms.content_security.policies import embeddable_by_partners
from cms.languages import bcp47, direction
from cms.public_url import root_url

from .models import CallIndexPage, EventIndexPage

WIDGET_KINDS = ("calls", "events")


@require_safe
@xframe_options_exempt
@embeddable_by_partners
def widget_frame(request):
    """The page the widget's <iframe> shows: it reads the API (same origin, so no CORS needed)."""
    languages = dict(settings.LANGUAGES)
    language = request.GET.get("lang", settings.LANGUAGE_CODE)
    kind = request.GET.get("kind", "calls")
    limit = request.GET.get("limit", "5")
    if language not in languages or kind not in WIDGET_KINDS or not limit.isdigit() or not 1 <= int(limit) <= 20:
        return HttpResponseBadRequest(
            "lang must be one of {}, kind calls or events, limit 1 to 20.".format(", ".join(languages)),
            content_type="text/plain; charset=utf-8",
        )
    query = {"kind": kind, "limit": limit}
    for name in ("topic", "country"):
        if request.GET.get(name):
            query[name] = request.GET[name]
    with translation.override(language):
        response = render(
            request,
            "programmes/widget.html",
            {
                "language": language,
                "lang_tag": bcp47(language),
                "dir": direction(language),
                "kind": kind,
                "query": query,
                "more_url": _more_url(language, kind),
                "config": {
                    "api": "/api/v2/pages/",
                    "kind": kind,
                    "lang": language,
                    "langTag": bcp47(language),
                    "query": query,
                    "labels": {
                        # The phrase as a whole, for each language's punctuation ("Date limite : …").
                        "deadline": str(_("Deadline: %(date)s")),
                        "empty": str(_("There are no open calls at the moment."))
                        if kind == "calls"
                        else str(_("No upcoming events at the moment.")),
                        "error": str(_("The list could not be loaded.")),
                        "online": str(_("Online")),
                        "untranslated": str(_("(in German)")),
                    },
                },
            },
        )
    response["Cache-Control"] = "public, max-age=300"
    return response


def _more_url(language, kind):
    # Public pages only: a partner page must not link to (and so reveal) a restricted list.
    page = (CallIndexPage if kind == "calls" else EventIndexPage).for_language(language)
    return page.full_url if page else ""


@require_safe
def widget_demo(request):
    """A page showing the snippet to copy, and the widget it makes."""
    with translation.override("en"):
        return render(request, "programmes/widget_demo.html", {"origin": root_url(request)})


urlpatterns = [
    path("", widget_frame, name="widget_frame"),
    path("demo/", widget_demo, name="widget_demo"),
]
