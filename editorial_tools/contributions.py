"""What the editorial tools contribute to the platform (cms/platform.py)."""

from django.urls import path

from cms.platform import Urls, register

from . import preview_links

register(
    # A page's draft for people without an account, by secret link (editorial_tools/preview_links.py).
    Urls([path("_preview/<str:token>/", preview_links.shared_preview, name="shared_preview")]),
)
