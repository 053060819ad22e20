from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls
from .views import UNLOCK_PERMISSION


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("", include((urls.urlpatterns, "security")))]


class LockedLoginsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(UNLOCK_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_locked_logins_menu_item():
    return LockedLoginsMenuItem(
        _("Locked logins"), reverse("security:locked_logins"), icon_name="lock", order=9000, name="locked-logins"
    )


@hooks.register("register_account_menu_item")
def register_second_factor_menu_item(request):
    return {
        "url": reverse("security:otp_manage"),
        "label": _("Two-factor authentication"),
        "help_text": _("Set up an authenticator app, or get new recovery codes."),
    }
