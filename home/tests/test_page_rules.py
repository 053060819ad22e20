"""Where each page type may be created: the page tree stays the shape the site expects."""

import pytest
from wagtail.models import Page

from cms.platform import PageType, registry
from home.factories import StandardPageFactory
from home.models import HomePage, StandardPage
from programmes.factories import ProgrammePageFactory, ProgrammePhasePageFactory, TopicPageFactory
from programmes.models import (
    CallForParticipationPage,
    CallIndexPage,
    EventIndexPage,
    EventPage,
    PartnershipIndexPage,
    ProgrammePage,
    ProgrammePhasePage,
    TopicIndexPage,
    TopicPage,
)

ALL_TYPES = [
    HomePage,
    StandardPage,
    ProgrammePage,
    ProgrammePhasePage,
    TopicIndexPage,
    TopicPage,
    CallIndexPage,
    CallForParticipationPage,
    EventIndexPage,
    EventPage,
    PartnershipIndexPage,
]


@pytest.fixture
def tree(site):
    programme = ProgrammePageFactory(parent=site.home)
    return {
        "root": Page.get_first_root_node(),
        "home": site.home,
        "programme": programme,
        "phase": ProgrammePhasePageFactory(parent=programme),
        "topic_index": site.topic_index,
        "topic": TopicPageFactory(parent=site.topic_index),
        "call_index": site.call_index,
        "event_index": site.event_index,
        "partnership_index": site.partnership_index,
        "standard": StandardPageFactory(parent=site.home),
    }


# Which parent each type may be created under (by the keys of ``tree``); all others are refused.
ALLOWED_PARENTS = {
    HomePage: {"root"},
    StandardPage: {"home", "standard"},
    ProgrammePage: {"home"},
    ProgrammePhasePage: {"programme"},
    TopicPage: {"topic_index"},
    CallForParticipationPage: {"call_index"},
    EventPage: {"event_index"},
}


@pytest.mark.parametrize("page_type", list(ALLOWED_PARENTS), ids=lambda t: t.__name__)
def test_can_exist_only_under_allowed_parents(tree, page_type):
    allowed = {name for name, parent in tree.items() if page_type.can_exist_under(parent.specific)}
    assert allowed == ALLOWED_PARENTS[page_type]


def test_call_only_under_call_index(tree):
    assert CallForParticipationPage.can_create_at(tree["call_index"])
    for name in ("home", "event_index", "topic_index", "programme", "root"):
        assert not CallForParticipationPage.can_create_at(tree[name].specific), name


def test_home_page_only_under_root_and_once(tree):
    # The site already has its home page; the single-instance rule refuses a second one under root.
    assert HomePage.can_exist_under(tree["root"])
    assert not HomePage.can_exist_under(tree["home"])
    assert not HomePage.can_create_at(tree["root"])


@pytest.mark.parametrize("index_type", [TopicIndexPage, CallIndexPage, EventIndexPage, PartnershipIndexPage])
def test_one_index_of_each_kind_per_home(tree, index_type):
    assert index_type.can_exist_under(tree["home"])
    assert not index_type.can_create_at(tree["home"])  # already there


@pytest.mark.parametrize("leaf", ["phase", "topic", "partnership_index"])
def test_leaf_pages_take_no_children(tree, leaf):
    parent = tree[leaf].specific
    assert not [page_type for page_type in ALL_TYPES if page_type.can_create_at(parent)]


def test_the_home_page_takes_the_registered_page_types_that_name_it_as_parent():
    # A listing page's parent is the registry's site root; the home page takes whatever names it.
    registered = (PageType(HomePage, site_root=True), PageType(StandardPage), PageType(CallIndexPage))
    with registry.override(*registered, app_label="home"):
        assert HomePage.allowed_subpage_models() == [StandardPage, CallIndexPage]
        assert CallIndexPage.allowed_parent_page_models() == [HomePage]
    with registry.override(PageType(StandardPage), app_label="home"):
        assert CallIndexPage.clean_parent_page_models() == []
