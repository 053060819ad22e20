"""Routing in one query (cms/routing.py) answers exactly as Wagtail's own ``Page.route`` does.

Each case routes a path both ways, through the site root's one-query ``route()`` and through
Wagtail's segment-by-segment ``Page.route``, and compares the result; the HTTP tests pin what a
visitor gets (drafts 404, private pages ask for a login or password, aliases, Arabic slugs).
"""

import pytest
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from home.factories import StandardPageFactory, build_minimal_site
from programmes.factories import PartnershipFactory, TopicPageFactory, translate_page


def route(root, components, *, wagtails_own=False):
    request = RequestFactory().get("/")
    try:
        result = (Page.route if wagtails_own else type(root).route)(root, request, components)
    except Http404:
        return "404"
    page, args, kwargs = result
    # RoutablePageMixin answers with (view, args, kwargs), the view bound to its own page object.
    args = tuple(getattr(arg, "__name__", arg) for arg in args)
    return (page.pk, type(page), args, kwargs)


@pytest.fixture
def site(db):
    site = build_minimal_site()
    site.parent = StandardPageFactory(parent=site.home, title="Eltern", slug="eltern")
    site.child = StandardPageFactory(parent=site.parent, title="Kind", slug="kind")
    site.arabic = StandardPageFactory(parent=site.home, title="صفحة", slug="صفحة")
    site.partnership = PartnershipFactory()
    return site


def test_routes_like_wagtail(site):
    site.parent.unpublish()  # a live child under a draft parent: Wagtail still serves the child
    hidden = StandardPageFactory(parent=site.home, slug="entwurf", live=False)
    alias = site.child.create_alias(parent=site.home, update_slug="alias")
    root = site.home.specific
    partnership_path = f"{site.partnership.pk}-x"
    paths = [
        ["eltern"],
        ["eltern", "kind"],
        ["eltern", "kind", "zu-tief"],
        ["fehlt"],
        ["fehlt", "kind"],
        ["kind"],
        [hidden.slug],
        [alias.slug],
        ["صفحة"],
        ["partnerschaften"],
        ["partnerschaften", partnership_path],
        ["partnerschaften", "gibt-es-nicht"],
        ["partnerschaften", partnership_path, "zu-tief"],
        ["themen"],
    ]
    for components in paths:
        assert route(root, components) == route(root, components, wagtails_own=True), components


def test_one_query_whatever_the_depth(site):
    root = site.home.specific
    with CaptureQueriesContext(connection) as deep:
        route(root, ["eltern", "kind"])
    with CaptureQueriesContext(connection) as shallow:
        route(root, ["eltern"])
    # the chain, then the target's specific row
    assert len(deep) == len(shallow) == 2


def test_view_restrictions_of_a_routed_page_are_wagtails(site):
    PageViewRestriction.objects.create(page=site.parent, restriction_type=PageViewRestriction.LOGIN)
    page, _args, _kwargs = site.home.specific.route(RequestFactory().get("/"), ["eltern", "kind"])
    assert hasattr(page, "_routed_chain")
    assert set(page.get_view_restrictions()) == set(Page.get_view_restrictions(page))
    assert page.get_view_restrictions().count() == 1


def test_visitors_get_what_wagtail_gives(site, client):
    StandardPageFactory(parent=site.home, slug="entwurf", live=False)
    assert client.get("/de/eltern/kind/").status_code == 200
    assert client.get("/de/eltern/kind").status_code in (301, 302)  # APPEND_SLASH
    assert client.get("/de/entwurf/").status_code == 404
    assert client.get("/de/eltern/fehlt/").status_code == 404
    assert client.get("/de/%D8%B5%D9%81%D8%AD%D8%A9/").status_code == 200  # صفحة, percent-encoded
    assert client.get(f"/de/partnerschaften/{site.partnership.pk}-x/").status_code in (200, 301, 302)


def test_private_pages_still_ask_for_a_login_or_password(site, client):
    PageViewRestriction.objects.create(page=site.parent, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/de/eltern/kind/")
    assert response.status_code == 302 and "login" in response["Location"]
    PageViewRestriction.objects.all().delete()
    PageViewRestriction.objects.create(
        page=site.parent, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    response = client.get("/de/eltern/kind/")
    assert response.status_code == 200
    assert b"password" in response.content.lower() or b"passwort" in response.content.lower()
    assert b"Kind" not in response.content


def test_translations_route_under_their_own_home(site, client):
    topic = TopicPageFactory(title="Thema", slug="thema")
    translate_page(topic, "fr", title="Thème")
    assert b"Th\xc3\xa8me" in client.get("/fr/themen/thema/").content
