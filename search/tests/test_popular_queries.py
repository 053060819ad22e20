"""Editors (not only superusers) see the popular search terms and manage the promoted results."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from editorial.roles import ADMIN_GROUP, APPROVER_GROUP, EDITOR_GROUP, PROGRAMME_TEAM_GROUP, TRANSLATOR_GROUPS
from programmes.factories import TopicPageFactory

pytestmark = pytest.mark.django_db

REPORT = "search_admin:popular_queries"


@pytest.fixture
def roles(site):
    call_command("setup_roles", stdout=io.StringIO())


def member(django_user_model, group_name):
    user = django_user_model.objects.create_user(group_name.replace(" ", "-"), "x@example.org", "password")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def searched(client, site):
    for query, times in (("Abfall", 3), ("Wasser", 1), ("النفايات", 2)):
        for _ in range(times):
            client.get("/de/search/", {"q": query})


def test_redaktion_sees_the_popular_search_terms_in_german(client, roles, searched, django_user_model):
    editor = member(django_user_model, EDITOR_GROUP)
    assert not editor.is_superuser
    client.force_login(editor)
    response = client.get(reverse(REPORT))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Beliebte Suchanfragen" in html
    terms = [(query.query_string, query.searches) for query in response.context["object_list"]]
    assert terms == [("abfall", 3), ("النفايات", 2), ("wasser", 1)]
    # Each term leads to its promoted results.
    assert reverse("wagtailsearchpromotions:edit", args=[Query.get("abfall").pk]) in html
    # The report is in the admin menu (the sidebar's data) for them.
    assert reverse(REPORT) in client.get(reverse("wagtailadmin_home")).content.decode()


def test_redaktion_manages_promoted_results(client, roles, django_user_model):
    client.force_login(member(django_user_model, EDITOR_GROUP))
    assert client.get(reverse("wagtailsearchpromotions:index")).status_code == 200
    assert client.get(reverse("wagtailsearchpromotions:add")).status_code == 200
    page = TopicPageFactory(title="Wasser")
    response = client.post(
        reverse("wagtailsearchpromotions:add"),
        {
            "query_string": "brunnen",
            "editors_picks-TOTAL_FORMS": "1",
            "editors_picks-INITIAL_FORMS": "0",
            "editors_picks-MIN_NUM_FORMS": "0",
            "editors_picks-MAX_NUM_FORMS": "1000",
            "editors_picks-0-page": str(page.pk),
            "editors_picks-0-description": "",
            "editors_picks-0-ORDER": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert SearchPromotion.objects.filter(query__query_string="brunnen", page=page).exists()


@pytest.mark.parametrize("group_name", [EDITOR_GROUP, APPROVER_GROUP, ADMIN_GROUP])
def test_editorial_groups_hold_the_search_permissions(roles, django_user_model, group_name):
    user = member(django_user_model, group_name)
    assert user.has_perm("wagtailsearchpromotions.view_query")
    for action in ("add", "change", "delete"):
        assert user.has_perm(f"wagtailsearchpromotions.{action}_searchpromotion")


@pytest.mark.parametrize("group_name", [PROGRAMME_TEAM_GROUP, TRANSLATOR_GROUPS["fr"]])
def test_other_groups_neither_see_nor_open_the_report(client, roles, searched, django_user_model, group_name):
    client.force_login(member(django_user_model, group_name))
    assert client.get(reverse(REPORT)).status_code in (302, 403)
    assert reverse(REPORT) not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_one_menu_entry_for_superusers_too(admin_client, searched):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(REPORT) in html
    assert reverse("wagtailsearchpromotions:search_terms") not in html
