"""The permission matrix of the editorial roles (docs/editors.md), pinned page by page and role by role.

E = may edit, P = may publish, A = may add pages below, - = none of them.
"admin" is a member of Administratoren (not a superuser); "superuser" is the reference it must match.
"""

import re
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, Site, TaskState
from wagtail_localize.models import StringSegment, Translation
from wagtail_localize.operations import translate_object

from editorial.roles import ADMIN_GROUP, APPROVER_GROUP, EDITOR_GROUP, PROGRAMME_TEAM_GROUP, TRANSLATOR_GROUPS
from programmes.factories import (
    ApplicantTypeFactory,
    CallForParticipationPageFactory,
    EventPageFactory,
    ProgrammePageFactory,
)

from .conftest import locale
from .forms import call_form_data, event_form_data

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
    "superuser": ("EPA", "EPA", "EPA", "EPA", "EPA", "EPA"),
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
    assert {EDITOR_GROUP, APPROVER_GROUP, PROGRAMME_TEAM_GROUP, ADMIN_GROUP, *TRANSLATOR_GROUPS.values()} <= names


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


def denied(response):
    """Wagtail's admin turns PermissionDenied into a redirect to the dashboard; our guards redirect to a list."""
    return response.status_code in (302, 403)


# Admin areas Administratoren run: (URL name, args). Redaktion reaches none of these.
ADMIN_ONLY_AREAS = [
    ("wagtailusers_users:index", ()),
    ("wagtailusers_users:add", ()),
    ("wagtailusers_groups:index", ()),
    ("wagtailusers_groups:add", ()),
    ("wagtailadmin_workflows:index", ()),
    ("wagtailadmin_workflows:add", ()),
    ("wagtailadmin_workflows:task_index", ()),
    ("wagtailsites:index", ()),
    ("wagtailsites:add", ()),
    ("site_settings", ()),
    ("wagtaillocales:index", ()),
    ("wagtaillocales:add", ()),
    ("wagtailredirects:index", ()),
    ("wagtailredirects:add", ()),
    ("wagtailadmin_collections:index", ()),
    ("wagtailadmin_collections:add", ()),
    ("participation_registrations:index", ()),
    ("participation_interest:index", ()),
    ("participation_admin:personal_data", ()),
]
# Shared with Redaktion (search promotions and popular search terms too), pinned for both groups.
EDITOR_AREAS = [
    ("wagtailimages:add_multiple", ()),
    ("wagtaildocs:add_multiple", ()),
    ("wagtailsnippets_programmes_organisation:add", ()),
    ("wagtailsnippets_programmes_country:add", ()),
    ("wagtailsnippets_programmes_partnership:add", ()),
    ("wagtailsearchpromotions:index", ()),
    ("wagtailsearchpromotions:add", ()),
    ("search_admin:popular_queries", ()),
]


def area_url(name, args):
    if name == "site_settings":
        return reverse("wagtailsettings:edit", args=["home", "sitesettings", Site.objects.get(is_default_site=True).pk])
    return reverse(name, args=args)


MANAGEMENT_FORM_INPUT = re.compile(r'name="([\w-]+-(?:TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS)"[^>]*value="(\d*)"')


def user_form(username, **extra):
    return {
        "username": username,
        "email": f"{username}@example.org",
        "first_name": "Vorname",
        "last_name": "Nachname",
        "password1": "ein-langes-passwort-42",
        "password2": "ein-langes-passwort-42",
        **extra,
    }


@pytest.mark.django_db
class TestAdministratoren:
    """Administratoren run the site without being superusers."""

    def test_members_are_not_superusers_and_get_everything_through_the_group(self, users):
        assert not users.admin.is_superuser
        assert not users.admin.user_permissions.exists()
        assert users.admin.has_perm("wagtailadmin.access_admin")

    @pytest.mark.parametrize(("name", "args"), ADMIN_ONLY_AREAS + EDITOR_AREAS)
    def test_opens_every_admin_area(self, client, users, name, args):
        client.force_login(users.admin)
        response = client.get(area_url(name, args))
        assert response.status_code == 200, (name, response.get("Location"))

    @pytest.mark.parametrize(("name", "args"), EDITOR_AREAS)
    def test_redaktion_opens_the_shared_areas(self, client, users, name, args):
        client.force_login(users.editor)
        response = client.get(area_url(name, args))
        assert response.status_code == 200, (name, response.get("Location"))

    @pytest.mark.parametrize(("name", "args"), ADMIN_ONLY_AREAS)
    def test_redaktion_reaches_none_of_the_admin_only_areas(self, client, users, name, args):
        client.force_login(users.editor)
        assert denied(client.get(area_url(name, args))), name

    def test_publishes_a_call_in_every_locale_without_approval(
        self, client, users, pages, django_capture_on_commit_callbacks
    ):
        client.force_login(users.admin)
        call = pages["de_call"]
        call.eligible_types.add(ApplicantTypeFactory())  # required in the form
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[call.pk]),
            call_form_data(call, action="publish", title="Aufruf, geändert"),
        )
        assert response.status_code == 302, response.context["form"].errors
        call.refresh_from_db()
        assert call.title == "Aufruf, geändert" and call.live and not call.has_unpublished_changes
        assert call.current_workflow_state is None  # published directly, no approval pending
        for name in ("fr_call", "ar_call"):
            assert not Page.objects.get(pk=pages[name].pk).live
            # The translation editor's "Publish in …" button.
            with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
                client.post(reverse("wagtailadmin_pages:edit", args=[pages[name].pk]), {"action": "publish"})
            assert Page.objects.get(pk=pages[name].pk).live, name

    def test_is_not_restricted_by_locale_in_the_translation_tools(self, client, users, german_page):
        client.force_login(users.admin)
        form = client.get(reverse("wagtail_localize:submit_page_translation", args=[german_page.pk])).context["form"]
        assert {loc.language_code for loc in form.fields["locales"].queryset} == {"fr", "ar-dz", "en"}
        translate_object(german_page, [locale("ar-dz")], user=users.editor)
        arabic = Translation.objects.get(target_locale=locale("ar-dz"))
        segment = StringSegment.objects.filter(source=arabic.source).first()
        url = reverse("wagtail_localize:edit_string_translation", args=[arabic.pk, segment.pk])
        response = client.put(url, urlencode({"value": "نص"}), content_type="application/x-www-form-urlencoded")
        assert response.status_code == 201

    def test_approves_in_the_workflow(self, client, users):
        from django.core import mail

        event = EventPageFactory(title="Infoabend", live=False, owner=users.editor)
        event.save_revision(user=users.editor)
        client.force_login(users.editor)
        mail.outbox.clear()
        client.post(reverse("wagtailadmin_pages:edit", args=[event.pk]), event_form_data(event, action="submit"))
        assert users.admin.email in {address for message in mail.outbox for address in message.to}
        task_state = TaskState.objects.get(status="in_progress")
        url = reverse("wagtailadmin_pages:workflow_action", args=[event.pk, "approve", task_state.pk])
        client.force_login(users.admin)
        assert url in client.get(reverse("wagtailadmin_home")).content.decode()  # "Awaiting your review"
        client.post(url, {"comment": ""})
        assert Page.objects.get(pk=event.pk).live

    def test_manages_users_and_groups(self, client, users, django_user_model):
        client.force_login(users.admin)
        editors = Group.objects.get(name=EDITOR_GROUP)
        response = client.post(reverse("wagtailusers_users:add"), user_form("neu", groups=[editors.pk]))
        assert response.status_code == 302, response.context["form"].errors
        new = django_user_model.objects.get(username="neu")
        assert list(new.groups.all()) == [editors] and not new.is_superuser
        response = client.post(
            reverse("wagtailusers_users:edit", args=[users.fr.pk]),
            {**user_form("uebersetzung-fr", first_name="Camille"), "is_active": "on", "groups": [editors.pk]},
        )
        assert response.status_code == 302, response.context["form"].errors
        users.fr.refresh_from_db()
        assert users.fr.first_name == "Camille" and list(users.fr.groups.all()) == [editors]
        add_group = reverse("wagtailusers_groups:add")
        # The group form carries a formset per permission type; post their management forms as rendered.
        management = dict(MANAGEMENT_FORM_INPUT.findall(client.get(add_group).content.decode()))
        assert management
        response = client.post(add_group, {"name": "Gäste", **management})
        assert response.status_code == 302, response.context["form"].errors
        assert Group.objects.filter(name="Gäste").exists()

    def test_cannot_create_or_take_over_superusers(self, client, users, django_user_model):
        client.force_login(users.admin)
        client.post(reverse("wagtailusers_users:add"), user_form("boss", is_superuser="on"))
        assert not django_user_model.objects.filter(username="boss").exists()
        # Promote an ordinary user, or reset a superuser's password: both refused, with a message.
        response = client.post(
            reverse("wagtailusers_users:edit", args=[users.fr.pk]),
            {**user_form("uebersetzung-fr"), "is_active": "on", "is_superuser": "on"},
        )
        assert response.status_code == 302 and response["Location"] == reverse("wagtailusers_users:index")
        users.fr.refresh_from_db()
        assert not users.fr.is_superuser
        assert {message.level_tag for message in response.wsgi_request._messages} == {"error"}
        assert denied(client.get(reverse("wagtailusers_users:edit", args=[users.superuser.pk])))
        client.post(reverse("wagtailusers_users:edit", args=[users.superuser.pk]), user_form("superuser"))
        users.superuser.refresh_from_db()
        assert users.superuser.check_password("password")
        bulk = reverse("wagtail_bulk_action", args=["auth", "user", "set_active_state"])
        client.post(f"{bulk}?id={users.superuser.pk}", {"mark_as_active": "False"})
        users.superuser.refresh_from_db()
        assert users.superuser.is_active
        # A superuser still can.
        client.force_login(users.superuser)
        response = client.post(reverse("wagtailusers_users:add"), user_form("boss", is_superuser="on"))
        assert response.status_code == 302
        assert django_user_model.objects.get(username="boss").is_superuser


@pytest.mark.django_db
class TestSearchTermsReport:
    """docs/search.md sends editors to Berichte › Beliebte Suchanfragen: Redaktion, Freigabe and Administratoren."""

    URL = "search_admin:popular_queries"

    def test_editors_open_it_and_see_it_in_the_menu(self, client, users):
        from wagtail.contrib.search_promotions.models import Query

        Query.get("abfall").add_hit()
        for user in (users.editor, users.approver, users.admin, users.superuser):
            client.force_login(user)
            response = client.get(reverse(self.URL))
            assert response.status_code == 200, user
            assert "abfall" in response.content.decode()
            assert reverse(self.URL) in client.get(reverse("wagtailadmin_home")).content.decode(), user

    def test_translators_and_programme_team_are_refused(self, client, users):
        for user in (users.fr, users.team):
            client.force_login(user)
            assert denied(client.get(reverse(self.URL))), user
            assert reverse(self.URL) not in client.get(reverse("wagtailadmin_home")).content.decode(), user
