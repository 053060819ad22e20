"""What the participation app contributes to the platform (cms/platform.py)."""

from django.urls import include, path

from cms.platform import DemoContent, Urls, register

from . import demo, urls

register(Urls([path("participation/", include(urls))]))
register(DemoContent(reset_guard=demo.refuse_reset_with_submissions))
