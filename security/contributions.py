"""What the security app contributes to the platform (cms/platform.py)."""

from django.urls import path

from cms.platform import Urls, register

from . import page_passwords, well_known

register(
    Urls([path(".well-known/security.txt", well_known.security_txt, name="security_txt")], position="root"),
    # Before Wagtail's own at the same address (the core adds Wagtail's last): page passwords are
    # throttled (security/page_passwords.py).
    Urls(
        [
            path(
                "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
                page_passwords.authenticate_with_password,
                name="wagtailcore_authenticate_with_password",
            )
        ]
    ),
)
