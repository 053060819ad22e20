"""A first install: on a database that has only been migrated, ``setup_site`` leaves a working site with
the roles in place; and the roles follow the site root when an administrator replaces it."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Page, Site, Workflow, WorkflowPage

from cms.platform import registry
from editorial.roles import APPROVER_GROUP, EDITOR_GROUP, TRANSLATOR_GROUPS
from editorial.workflow import WORKFLOW_NAME
from home.models import HomePage
from programmes.models import CallIndexPage, EventIndexPage, ProgrammePage

from .conftest import make_user
from .test_roles import grants

pytestmark = pytest.mark.django_db


def default_root():
    return Site.objects.get(is_default_site=True).root_page


def test_a_migrated_database_has_only_wagtails_placeholder():
    # The starting point of every test here: what `migrate` alone leaves.
    assert default_root().specific_class is Page and default_root().depth == 2
    assert list(Locale.objects.values_list("language_code", flat=True)) == ["de"]
    assert not Group.objects.filter(name=EDITOR_GROUP).exists()


def test_setup_site_on_a_migrated_database(client, django_user_model):
    out = io.StringIO()
    call_command("setup_site", stdout=out)

    home = default_root().specific
    assert isinstance(home, HomePage) and home.live and home.locale.language_code == "de"
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()  # the placeholder is gone
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"de", "fr", "ar-dz", "en"}
    call_index = CallIndexPage.objects.child_of(home).get()
    event_index = EventIndexPage.objects.child_of(home).get()
    assert call_index.live and event_index.live

    # Roles on the real home pages: German for Redaktion and Freigabe, each translation for its group.
    assert grants(EDITOR_GROUP) == {("de", "add_page"), ("de", "change_page")}
    assert ("de", "publish_page") in grants(APPROVER_GROUP)
    for code, group in TRANSLATOR_GROUPS.items():
        assert grants(group) == {(code, "change_page"), (code, "publish_page")}, code
        assert home.get_translation(Locale.objects.get(language_code=code)).get_workflow() is None
    assert {page.pk for page in (home, call_index, event_index)} <= set(
        WorkflowPage.objects.filter(workflow__name=WORKFLOW_NAME).values_list("page_id", flat=True)
    )
    assert not Workflow.objects.get(name="Moderators approval").active

    # An editor can start a call right away; a French translator edits the French home.
    editor = make_user(django_user_model, "redaktion", EDITOR_GROUP)
    client.force_login(editor)
    add_call = reverse("wagtailadmin_pages:add", args=["programmes", "callforparticipationpage", call_index.pk])
    assert client.get(add_call).status_code == 200
    french = make_user(django_user_model, "fr", TRANSLATOR_GROUPS["fr"])
    client.force_login(french)
    french_home = home.get_translation(Locale.objects.get(language_code="fr"))
    assert client.get(reverse("wagtailadmin_pages:edit", args=[french_home.pk])).status_code == 200

    # Running it again changes nothing.
    before = (Page.objects.count(), GroupPagePermission.objects.count(), WorkflowPage.objects.count())
    again = io.StringIO()
    call_command("setup_site", stdout=again)
    assert (Page.objects.count(), GroupPagePermission.objects.count(), WorkflowPage.objects.count()) == before
    assert "Home page: exists" in again.getvalue() and "created" not in again.getvalue()


def test_sections_and_setup_steps_come_from_the_registry():
    report = io.StringIO()
    call_command("setup_site", stdout=report)

    home = default_root().specific
    created = [section for section in registry.sections() if section.created_by_setup]
    assert [(page.title, page.slug, page.show_in_menus) for page in home.get_children()] == [
        (section.title, section.slug, section.in_menu) for section in created
    ]
    # programmes' sections (other installed apps, such as news, add theirs).
    assert {"Themen", "Aufrufe", "Veranstaltungen", "Partnerschaften"} <= {section.title for section in created}
    # Editors create programme pages with their content; the workflow still covers them by type.
    assert not ProgrammePage.objects.exists()
    assert any(section.approval and not section.created_by_setup for section in registry.sections())
    assert "Applicant types:" in report.getvalue()  # programmes' reference data, a registered setup step


def test_roles_follow_the_site_root_when_the_placeholder_is_replaced(client):
    out = io.StringIO()
    call_command("setup_roles", stdout=out)  # run too early, on the placeholder
    assert "placeholder" in out.getvalue()

    # An administrator adds a home page and points the site at it (Settings › Sites).
    home = HomePage(title="Kommunale Zusammenarbeit", slug="start", intro="Willkommen.")
    Page.get_first_root_node().add_child(instance=home)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()

    assert ("de", "change_page") in grants(EDITOR_GROUP)
    assert set(
        GroupPagePermission.objects.filter(group__name=EDITOR_GROUP, page=home).values_list(
            "permission__codename", flat=True
        )
    ) == {"add_page", "change_page"}
    assert Page.objects.get(pk=home.pk).get_workflow().name == WORKFLOW_NAME


def test_refuses_to_replace_a_root_page_with_content():
    placeholder = default_root()
    placeholder.add_child(instance=Page(title="Alte Inhalte", slug="alt"))
    with pytest.raises(CommandError, match="not a home page"):
        call_command("setup_site", stdout=io.StringIO())
    assert default_root().pk == placeholder.pk  # nothing was changed
