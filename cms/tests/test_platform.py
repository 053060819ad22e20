"""The contribution registry (cms/platform.py): discovery, app labels, idempotence, installed apps."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from wagtail.images.models import Image
from wagtail.models import Page

from cms import platform
from cms.platform import (
    DemoContent,
    Facet,
    Feed,
    NavigationEntry,
    PageSearch,
    PageType,
    Registry,
    SearchSource,
    Section,
    Service,
    register,
    registry,
)


class Parent(Page):
    class Meta:
        abstract = True


class Child(Parent):
    class Meta:
        abstract = True


def feed(name):
    return Feed(url_name=name, path=f"feeds/{name}.atom", view=print, title=name)


def test_register_takes_the_app_label_from_the_calling_module():
    with registry.override():
        register(feed("a"))
        assert registry.contributions_by_app(Feed) == [("cms", feed("a"))]


def test_register_outside_an_app_needs_an_explicit_label():
    code = "from cms.platform import register, Feed\nregister(Feed('x', 'x', print, 'x'))"
    with registry.override(), pytest.raises(ImproperlyConfigured, match="not part of an installed app"):
        exec(code, {"__name__": "somewhere_else"})


def test_registering_the_same_contribution_twice_adds_it_once():
    with registry.override():
        register(feed("a"), feed("a"))
        register(feed("a"))
        assert registry.feeds() == [feed("a")]


def test_contributions_of_apps_not_installed_are_left_out():
    with registry.override():
        register(feed("gone"), app_label="not_installed")
        register(feed("here"), app_label="programmes")
        assert registry.feeds() == [feed("here")]


def test_contributions_follow_installed_apps_order():
    with registry.override():
        register(feed("search"), app_label="site_search")
        register(feed("home"), app_label="home")
        register(feed("cms"))
        assert [f.url_name for f in registry.feeds()] == ["cms", "home", "search"]


def test_override_replaces_and_restores_every_contribution():
    before = registry.contributions()
    with registry.override(feed("only")):
        assert registry.contributions() == [feed("only")]
    assert registry.contributions() == before


def test_discovery_is_lazy_and_runs_once(monkeypatch):
    calls = []
    monkeypatch.setattr(platform, "autodiscover_modules", calls.append)
    fresh = Registry()
    assert calls == []
    fresh.feeds()
    fresh.page_types()
    assert calls == ["contributions"]


def test_page_type_is_found_through_subclasses():
    with registry.override(PageType(Parent)):
        assert registry.page_type(Child).model is Parent
        assert registry.page_type(Page) is None


def test_sections_navigation_and_services_are_sorted_and_looked_up():
    late, early = Section("B", "b", order=20), Section("A", "a", order=10)
    with registry.override(
        PageType(Parent, section=late),
        PageType(Child, section=early),
        PageType(Page),
        NavigationEntry("z", "search", "Z", order=5),
        NavigationEntry("a", "search", "A", order=1),
        Service("site_search", len),
        app_label="wagtailcore",
    ):
        assert registry.sections() == [early, late]
        assert [entry.key for entry in registry.navigation()] == ["a", "z"]
        assert registry.service("site_search") is len
        assert registry.service("missing", default=max) is max


def test_search_types_merge_page_types_sharing_a_key_and_the_sources_by_order():
    source = SearchSource("thing", "Things", Image, queryset=list, visible=max, describe=print, order=20)
    late, early = (
        Facet("b", "B", "All", "No %(value)s", list, order=2),
        Facet("a", "A", "All", "No %(value)s", list, order=1),
    )
    with registry.override(
        PageType(Parent, search=PageSearch("parent", "Parents", order=30, facets={"a": "title"})),
        PageType(Child, search=PageSearch("parent", "Parents", order=30)),
        PageType(Page, search=PageSearch("page", "Pages", order=10)),
        source,
        late,
        early,
        app_label="wagtailcore",
    ):
        types = registry.search_types()
        assert list(types) == ["page", "thing", "parent"]
        assert types["parent"].page_models == (Parent, Child) and types["parent"].label == "Parents"
        assert types["thing"].source is source and types["thing"].page_models == ()
        assert registry.search_sources() == [source]
        assert registry.facets() == [early, late]


def test_the_site_search_is_contributed_by_home_and_programmes():
    counts = {key: len(t.page_models) for key, t in registry.search_types().items()}
    # Other installed apps (news) add their own keys.
    assert {"call": 1, "event": 1, "topic": 1, "programme": 2, "partnership": 0, "page": 1}.items() <= counts.items()
    assert [facet.name for facet in registry.facets()] == ["topic", "country"]


def test_the_apps_contributions_modules_are_discovered():
    labels = [page_type.model._meta.label for page_type in registry.page_types()]
    # INSTALLED_APPS order: home before programmes; each app in the order it registers.
    assert labels[:3] == ["home.HomePage", "home.StandardPage", "programmes.ProgrammePage"]
    assert "programmes.EventPage" in labels
    assert [endpoint.name for endpoint in registry.api_endpoints()] == [
        "organisations",
        "places",
        "countries",
        "regions",
        "partnerships",
    ]


def test_demo_contents_are_loaded_in_their_order_whatever_the_app_order():
    later, earlier = DemoContent(pages=[{"key": "later"}], order=300), DemoContent(order=0)
    with registry.override():
        register(later, app_label="home")
        register(earlier, app_label="programmes")
        assert registry.demo_contents() == [earlier, later]


def test_home_and_programmes_contribute_the_demo_site():
    # The site root first, every app's section after it, the site's own pages last.
    orders = {(label, content.order) for label, content in registry.contributions_by_app(DemoContent)}
    assert {("home", 0), ("programmes", 200), ("home", 1000)} <= orders
    assert sum(1 for content in registry.demo_contents() if content.site) == 1
