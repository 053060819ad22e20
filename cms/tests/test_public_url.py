"""Absolute URLs under the public address: site-relative ones get the default Site's root URL, URLs that
are already absolute (media on S3, other sites) stay as they are, never ``https://hosthttp://bucket/…``."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from cms.public_url import absolute, root_url
from home.factories import build_minimal_site

pytestmark = pytest.mark.django_db


def test_absolute_keeps_absolute_urls_and_prefixes_relative_ones():
    build_minimal_site()
    request = RequestFactory().get("/", HTTP_HOST="anything.example")  # the Host header is never used
    assert root_url(request) == root_url() == "http://testserver"
    assert absolute("/media/images/a.jpg", request) == "http://testserver/media/images/a.jpg"
    for url in ("https://bucket.s3.example.org/images/a.jpg", "//cdn.example.org/a.jpg", "", None):
        assert absolute(url, request) == url


def test_absolute_url_tag():
    build_minimal_site()
    template = Template("{% load site_tags %}{% absolute_url a %} {% absolute_url b %}")
    html = template.render(Context({"request": RequestFactory().get("/"), "a": "/x.jpg", "b": "http://bucket/y.jpg"}))
    assert html == "http://testserver/x.jpg http://bucket/y.jpg"
