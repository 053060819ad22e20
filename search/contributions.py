"""What the search app contributes to the platform (cms/platform.py)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from cms.platform import NavigationEntry, Service, SiteSearch, Urls, register

from . import query, views

register(
    Urls(
        [
            path("search/", views.search, name="search"),
            path("search/suggest/", views.suggest, name="search_suggest"),
        ]
    ),
    NavigationEntry("search", "search", _("Search")),
    # The API's ?search= finds what the site search finds (cms/api/endpoints.py).
    Service(
        "site_search",
        SiteSearch(
            pages=query.search_pages, every_language=query.search_every_language, snippets=query.search_snippets
        ),
    ),
)
