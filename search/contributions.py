"""What the search app contributes to the platform (cms/platform.py)."""

from django.urls import path

from cms.platform import Urls, register

from . import views

register(
    Urls(
        [
            path("search/", views.search, name="search"),
            path("search/suggest/", views.suggest, name="search_suggest"),
        ]
    ),
)
