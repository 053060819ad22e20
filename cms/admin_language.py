"""The admin speaks the site's source language (German) to users who have not chosen a language.

Wagtail uses the user's *preferred language* if set, otherwise the language Django's LocaleMiddleware
took from the browser's Accept-Language (wagtail.users.models.UserProfile.get_preferred_language):
an editor with an English browser got an English admin. Wagtail has no setting for this default, so
for admin addresses this middleware replaces the browser's choice with LANGUAGE_CODE; a preferred
language chosen under *Konto* still wins, as Wagtail applies it afterwards in each admin view.
"""

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation


class AdminDefaultLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        prefix = admin_prefix()
        if prefix and request.path_info.startswith(prefix):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)


def admin_prefix():
    """The admin's address in the URLconf in use (reverse() caches it); None where there is no admin."""
    try:
        return reverse("wagtailadmin_home")
    except NoReverseMatch:
        return None
