"""The translator groups: each works only in its own locale, for pages, snippets and wagtail-localize's
translation editor; the German editor works on the German tree and hands pages out for translation."""

import io
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupApprovalTask, GroupCollectionPermission, GroupPagePermission
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import translate_object

from editorial.roles import ADMIN_GROUP, APPROVER_GROUP, EDITOR_GROUP, TRANSLATOR_GROUPS
from editorial.workflow import TASK_NAME
from programmes.factories import OrganisationFactory

from .conftest import locale, synchronise_locales


def denied(response):
    """Wagtail's admin turns PermissionDenied into a redirect to the dashboard with a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def can_open(client, url):
    return client.get(url).status_code == 200


def edit_page_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def grants(group_name):
    return set(
        GroupPagePermission.objects.filter(group__name=group_name).values_list(
            "page__locale__language_code", "permission__codename"
        )
    )


@pytest.mark.django_db
class TestSetupRoles:
    def test_creates_groups_with_permissions_on_their_own_tree_only(self, synced_site):
        assert grants(EDITOR_GROUP) == {("de", "add_page"), ("de", "change_page")}  # publishing needs approval
        assert grants(TRANSLATOR_GROUPS["fr"]) == {("fr", "change_page"), ("fr", "publish_page")}
        assert grants(TRANSLATOR_GROUPS["ar-dz"]) == {("ar-dz", "change_page"), ("ar-dz", "publish_page")}
        assert grants(TRANSLATOR_GROUPS["en"]) == {("en", "change_page"), ("en", "publish_page")}
        fr = Group.objects.get(name=TRANSLATOR_GROUPS["fr"])
        codenames = set(fr.permissions.values_list("codename", flat=True))
        assert {"access_admin", "submit_translation", "change_organisation", "change_partnership"} <= codenames
        assert "add_organisation" not in codenames and "delete_organisation" not in codenames
        # Alternative texts of images: translators and administrators; Redaktion writes them in the image form.
        with_alt_texts = Group.objects.filter(permissions__codename="change_imagealttext")
        assert set(with_alt_texts.values_list("name", flat=True)) == {*TRANSLATOR_GROUPS.values(), ADMIN_GROUP}

    def test_administratoren_are_granted_on_the_tree_root_and_approve(self, synced_site):
        pages = GroupPagePermission.objects.filter(group__name=ADMIN_GROUP).select_related("page", "permission")
        assert {grant.page.depth for grant in pages} == {1}  # the root spans every locale
        assert {grant.permission.codename for grant in pages} == {
            f"{action}_page" for action in ("add", "change", "publish", "bulk_delete", "lock", "unlock")
        }
        collections = set(
            GroupCollectionPermission.objects.filter(group__name=ADMIN_GROUP).values_list(
                "collection__depth", "permission__codename"
            )
        )
        assert {(1, "delete_image"), (1, "delete_document"), (1, "add_collection"), (1, "delete_collection")} <= (
            collections
        )
        task = GroupApprovalTask.objects.get(name=TASK_NAME)
        assert set(task.groups.values_list("name", flat=True)) == {APPROVER_GROUP, ADMIN_GROUP}

    def test_is_idempotent(self, synced_site):
        before = GroupPagePermission.objects.count(), Group.objects.count()
        out = io.StringIO()
        call_command("setup_roles", stdout=out)
        assert (GroupPagePermission.objects.count(), Group.objects.count()) == before
        assert "0 added" in out.getvalue()

    def test_locale_home_created_later_gets_its_permissions(self, site):
        call_command("setup_roles", stdout=io.StringIO())
        assert grants(TRANSLATOR_GROUPS["fr"]) == set()  # no French home yet
        synchronise_locales(site)  # creates the French, Arabic and English homes as aliases
        assert grants(TRANSLATOR_GROUPS["fr"]) == {("fr", "change_page"), ("fr", "publish_page")}
        assert grants(TRANSLATOR_GROUPS["en"]) == {("en", "change_page"), ("en", "publish_page")}


@pytest.mark.django_db
class TestPagePermissions:
    def test_french_translator_edits_only_french_pages(self, client, users, german_page):
        client.force_login(users.fr)
        assert can_open(client, edit_page_url(german_page.get_translation(locale("fr"))))
        assert not can_open(client, edit_page_url(german_page))
        assert not can_open(client, edit_page_url(german_page.get_translation(locale("ar-dz"))))
        assert not can_open(client, edit_page_url(german_page.get_translation(locale("en"))))

    def test_german_editor_edits_german_pages_only(self, client, users, german_page):
        client.force_login(users.editor)
        assert can_open(client, edit_page_url(german_page))
        assert not can_open(client, edit_page_url(german_page.get_translation(locale("fr"))))

    def test_translator_is_offered_only_own_locale_when_starting_a_translation(self, client, users, german_page):
        url = reverse("wagtail_localize:submit_page_translation", args=[german_page.pk])
        client.force_login(users.fr)
        form = client.get(url).context["form"]
        assert [loc.language_code for loc in form.fields["locales"].queryset] == ["fr"]
        response = client.post(url, {"locales": [locale("ar-dz").pk]})
        assert response.status_code == 200  # form error, nothing created
        assert not Translation.objects.filter(target_locale=locale("ar-dz")).exists()
        # The German editor may send the page into every language.
        client.force_login(users.editor)
        form = client.get(url).context["form"]
        assert {loc.language_code for loc in form.fields["locales"].queryset} == {"fr", "ar-dz", "en"}

    def test_translator_cannot_write_strings_into_another_locale(self, client, users, german_page):
        translate_object(german_page, [locale("fr"), locale("ar-dz")], user=users.editor)
        arabic = Translation.objects.get(target_locale=locale("ar-dz"))
        segment = StringSegment.objects.filter(source=arabic.source).first()
        url = reverse("wagtail_localize:edit_string_translation", args=[arabic.pk, segment.pk])
        client.force_login(users.fr)
        response = client.put(url, urlencode({"value": "x"}), content_type="application/x-www-form-urlencoded")
        assert denied(response)
        assert not StringTranslation.objects.filter(locale=locale("ar-dz")).exists()
        download = reverse("wagtail_localize:download_pofile", args=[arabic.pk])
        assert denied(client.get(download))
        client.force_login(users.ar)
        response = client.put(url, urlencode({"value": "نص"}), content_type="application/x-www-form-urlencoded")
        assert response.status_code == 201

    def test_translator_may_not_publish_other_locales_when_syncing(self, client, users, german_page):
        translate_object(german_page, [locale("fr"), locale("ar-dz")], user=users.editor)
        source = Translation.objects.get(target_locale=locale("fr")).source
        url = reverse("wagtail_localize:update_translations", args=[source.pk])
        client.force_login(users.fr)
        assert denied(client.post(url, {"publish_translations": "on"}))
        response = client.post(url, {})
        assert response.status_code == 302 and not denied(response)  # refreshing the shared source is fine


@pytest.mark.django_db
class TestSnippetPermissions:
    @pytest.fixture
    def organisations(self, synced_site):
        german = OrganisationFactory(name="Engagement Global")
        translate_object(german, [locale("fr"), locale("ar-dz")])
        return {code: german.get_translation(locale(code)) for code in ("de", "fr", "ar-dz")}

    def url(self, action, organisation):
        return reverse(f"wagtailsnippets_programmes_organisation:{action}", args=[organisation.pk])

    def test_translator_edits_only_own_locale(self, client, users, organisations):
        client.force_login(users.fr)
        assert can_open(client, self.url("edit", organisations["fr"]))
        assert denied(client.get(self.url("edit", organisations["ar-dz"])))
        assert denied(client.get(self.url("edit", organisations["de"])))
        assert denied(client.post(self.url("edit", organisations["de"]), {"name": "x"}))
        organisations["de"].refresh_from_db()
        assert organisations["de"].name == "Engagement Global"

    def test_delete_refused_outside_own_locale(self, client, users, organisations):
        client.force_login(users.editor)  # may delete organisations, but only German ones
        assert denied(client.post(self.url("delete", organisations["fr"])))
        assert organisations["fr"].__class__.objects.filter(pk=organisations["fr"].pk).exists()
        assert can_open(client, self.url("delete", organisations["de"]))

    def test_superuser_is_not_restricted(self, admin_client, organisations):
        assert can_open(admin_client, self.url("edit", organisations["ar-dz"]))
