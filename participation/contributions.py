"""What the participation app contributes to the platform (cms/platform.py)."""

from django.urls import include, path

from cms.platform import Urls, register

from . import urls

register(Urls([path("participation/", include(urls))]))
