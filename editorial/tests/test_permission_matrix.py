"""The permission matrix of the editorial roles (docs/editors.md), pinned page by page and role by role.

E = may edit, P = may publish, A = may add pages below, - = none of them.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail_localize.operations import translate_object

from editorial.roles import APPROVER_GROUP, EDITOR_GROUP, PROGRAMME_TEAM_GROUP, TRANSLATOR_GROUPS
from programmes.factories import CallForParticipationPageFactory, EventPageFactory, ProgrammePageFactory

from .conftest import locale

# Pages: German call, event, programme page, standard page; French and Arabic translations of the call.
PAGES = ("de_call", "de_event", "de_programme", "de_standard", "fr_call", "ar_call")

MATRIX = {
    #             de_call de_event de_prog de_std  fr_call  ar_call
    "editor": ("EA", "EA", "EA", "EA", "-", "-"),
    "approver": ("EPA", "EPA", "EPA", "EPA", "-", "-"),
    "fr": ("-", "-", "-", "-", "EP", "-"),
    "ar": ("-", "-", "-", "-", "-", "EP"),
    "en": ("-", "-", "-", "-", "-", "-"),
    "team": ("-", "-", "-", "-", "-", "-"),
    "admin": ("EPA", "EPA", "EPA", "EPA", "EPA", "EPA"),
}


@pytest.fixture
def pages(users, german_page):
    call = CallForParticipationPageFactory(title="Aufruf")
    call.save_revision().publish()
    translate_object(call, [locale("fr"), locale("ar-dz")])
    event = EventPageFactory(title="Veranstaltung")
    programme = ProgrammePageFactory()
    return {
        "de_call": call,
        "de_event": event,
        "de_programme": programme,
        "de_standard": german_page,
        "fr_call": call.get_translation(locale("fr")),
        "ar_call": call.get_translation(locale("ar-dz")),
    }


def rights(page, user):
    tester = page.permissions_for_user(user)
    letters = ("E" if tester.can_edit() else "") + ("P" if tester.can_publish() else "")
    # Adding below a leaf page is refused by its type anyway; ask about the parent's children instead.
    letters += "A" if tester.can_add_subpage() or page.get_parent().permissions_for_user(user).can_add_subpage() else ""
    return letters or "-"


@pytest.mark.django_db
@pytest.mark.parametrize("role", MATRIX)
def test_permission_matrix(users, pages, role):
    user = getattr(users, role)
    actual = tuple(rights(pages[name].specific, user) for name in PAGES)
    assert dict(zip(PAGES, actual, strict=True)) == dict(zip(PAGES, MATRIX[role], strict=True))


@pytest.mark.django_db
def test_groups_exist(users):
    names = set(Group.objects.values_list("name", flat=True))
    assert {EDITOR_GROUP, APPROVER_GROUP, PROGRAMME_TEAM_GROUP, *TRANSLATOR_GROUPS.values()} <= names


@pytest.mark.django_db
class TestThroughTheAdmin:
    """The same rules where editors meet them: the edit views."""

    def edit(self, client, page):
        return client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    def test_french_translator_cannot_edit_german_or_arabic(self, client, users, pages):
        client.force_login(users.fr)
        assert self.edit(client, pages["fr_call"]).status_code == 200
        for name in ("de_call", "ar_call"):
            response = self.edit(client, pages[name])
            assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home"), name

    def test_programme_team_opens_the_admin_but_edits_no_page(self, client, users, pages):
        client.force_login(users.team)
        assert client.get(reverse("wagtailadmin_home")).status_code == 200
        for page in pages.values():
            assert self.edit(client, page).status_code == 302
        add = reverse("wagtailadmin_pages:add", args=["programmes", "eventpage", pages["de_event"].get_parent().pk])
        assert client.get(add).status_code == 302

    def test_redaktion_is_offered_submit_not_publish(self, client, users, pages):
        client.force_login(users.editor)
        html = self.edit(client, pages["de_call"]).content.decode()
        assert 'name="action-submit"' in html
        assert 'name="action-publish"' not in html
        client.force_login(users.approver)
        assert 'name="action-publish"' in self.edit(client, pages["de_call"]).content.decode()


@pytest.mark.django_db
def test_setup_roles_withdraws_publish_from_redaktion_granted_earlier(synced_site):
    import io

    from django.contrib.auth.models import Permission
    from django.core.management import call_command
    from wagtail.models import GroupPagePermission

    publish = Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page")
    GroupPagePermission.objects.create(
        group=Group.objects.get(name=EDITOR_GROUP), page=synced_site.home, permission=publish
    )
    out = io.StringIO()
    call_command("setup_roles", stdout=out)
    assert "publish withdrawn" in out.getvalue()
    assert not GroupPagePermission.objects.filter(group__name=EDITOR_GROUP, permission=publish).exists()
