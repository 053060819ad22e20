"""Admin requests that need the second factor first, and admin form posts that are missing fields."""

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils.datastructures import MultiValueDictKeyError

from .otp import has_second_factor, second_factor_required

# Reachable before the second step: signing in and out, the second step itself, and what their
# pages load (translations for the admin's JavaScript, the icon sprite).
OPEN_VIEWS = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "security:otp_verify",
    "security:otp_setup",
}


def _admin_prefix():
    """The admin's URL prefix; None in a URLconf without the admin."""
    try:
        return reverse("wagtailadmin_home")
    except NoReverseMatch:
        return None


def _is_admin_path(request):
    prefix = _admin_prefix()
    return prefix is not None and request.path_info.startswith(prefix)


class AdminSecondFactorMiddleware:
    """After the password, the admin asks for a token (or, where it is required, enrolment) once per session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.second_step(request) or self.get_response(request)

    def second_step(self, request):
        # The path first: reading request.user touches the session, which makes every public answer
        # (pages, API) vary by Cookie and so uncacheable for shared caches.
        if not _is_admin_path(request):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        try:
            if resolve(request.path_info).view_name in OPEN_VIEWS:
                return None
        except Resolver404:
            return None
        if has_second_factor(user):
            return redirect_to_login(request.get_full_path(), reverse("security:otp_verify"))
        if second_factor_required(user):
            return redirect_to_login(request.get_full_path(), reverse("security:otp_setup"))
        return None


class MalformedAdminPostMiddleware:
    """An admin form post that lacks a field the form's widgets read directly answers 400, not 500.

    Wagtail's StreamField and InlinePanel widgets read their management fields (``body-count``,
    ``…-TOTAL_FORMS``) with ``data[name]``; a post without them (a truncated request, a script)
    raises MultiValueDictKeyError deep in form handling. Only that case is turned into 400: the key
    must be missing from the posted data, so a programming error elsewhere still surfaces as a 500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, MultiValueDictKeyError) or request.method != "POST":
            return None
        if not _is_admin_path(request):
            return None
        missing = exception.args[0] if exception.args else None
        if missing is None or missing in request.POST or missing in request.FILES:
            return None
        return render(request, "security/admin_bad_request.html", {"field": missing}, status=400)
