"""Shareable preview links: created by whoever may edit the page, showing its latest draft to people
without an account, until expired or revoked; logged; never cached or indexed."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry
from wagtail.users.models import UserProfile

from editorial_tools import preview_links
from editorial_tools.models import PreviewLink
from home.factories import StandardPageFactory


def manage_url(page):
    return reverse("editorial_tools:preview_links", args=[page.pk])


def shared_path(link, language="de"):
    return f"/{language}/_preview/{link.token}/"


def save_draft(page, title):
    page = page.specific
    page.title = title
    page.save_revision()
    return page


@pytest.fixture
def draft_page(german_page):
    return save_draft(german_page, "Kontakt – Entwurf")


def logged_actions(page):
    return list(PageLogEntry.objects.filter(page=page).values_list("action", flat=True).order_by("id"))


@pytest.mark.django_db
class TestCreatingAndRevoking:
    def test_an_editor_creates_a_link_that_expires_after_the_chosen_days(self, client, users, draft_page):
        client.force_login(users.editor)
        response = client.post(manage_url(draft_page), {"days": "3"})
        assert response.status_code == 302
        link = PreviewLink.objects.get(page=draft_page)
        assert link.created_by == users.editor
        assert timedelta(days=3) - timedelta(minutes=1) < link.expires_at - timezone.now() <= timedelta(days=3)
        assert logged_actions(draft_page)[-1] == preview_links.CREATE_ACTION

    def test_seven_days_is_the_default(self, client, users, draft_page):
        client.force_login(users.editor)
        html = client.get(manage_url(draft_page)).content.decode()
        assert '<option value="7" selected>' in html

    def test_the_list_shows_active_links_with_their_address_and_a_revoke_button(self, client, users, draft_page):
        active = preview_links.create_link(draft_page, users.editor)
        revoked = preview_links.create_link(draft_page, users.editor)
        preview_links.revoke_link(revoked, users.editor)
        expired = preview_links.create_link(draft_page, users.editor, days=1)
        PreviewLink.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
        client.force_login(users.editor)
        html = client.get(manage_url(draft_page)).content.decode()
        assert f"http://testserver/de/_preview/{active.token}/" in html
        assert f'name="revoke" value="{active.pk}"' in html
        assert revoked.token not in html and expired.token not in html

    def test_revoking_ends_the_link_and_is_logged(self, client, users, draft_page):
        link = preview_links.create_link(draft_page, users.editor)
        client.force_login(users.approver)
        client.post(manage_url(draft_page), {"revoke": link.pk})
        link.refresh_from_db()
        assert link.revoked_at is not None
        assert logged_actions(draft_page)[-1] == preview_links.REVOKE_ACTION

    def test_a_malformed_revoke_request_changes_nothing_and_is_no_server_error(self, client, users, draft_page):
        link = preview_links.create_link(draft_page, users.editor)
        client.force_login(users.editor)
        assert client.post(manage_url(draft_page), {"revoke": "x"}).status_code == 302
        link.refresh_from_db()
        assert link.revoked_at is None

    def test_who_cannot_edit_the_page_can_neither_list_nor_create(self, client, users, draft_page):
        client.force_login(users.fr)  # a translator: the German page is not theirs
        assert client.get(manage_url(draft_page)).status_code in (302, 403)
        client.post(manage_url(draft_page), {"days": "7"})
        assert not PreviewLink.objects.exists()

    def test_the_editor_offers_the_button_in_the_german_admin(self, client, users, draft_page):
        profile = UserProfile.get_for_user(users.editor)
        profile.preferred_language = "de"
        profile.save()
        client.force_login(users.editor)
        html = client.get(reverse("wagtailadmin_pages:edit", args=[draft_page.pk])).content.decode()
        assert manage_url(draft_page) in html
        assert "Vorschau teilen" in html

    def test_the_list_has_a_fixed_number_of_queries(self, client, users, draft_page, django_assert_max_num_queries):
        client.force_login(users.editor)
        preview_links.create_link(draft_page, users.editor)
        client.get(manage_url(draft_page))  # warms the per-process caches (content types, site root)
        with django_assert_max_num_queries(14):
            assert client.get(manage_url(draft_page)).status_code == 200
        for _ in range(5):
            preview_links.create_link(draft_page, users.editor)
        with django_assert_max_num_queries(14):
            assert client.get(manage_url(draft_page)).status_code == 200


@pytest.mark.django_db
class TestSharedPreview:
    def test_shows_the_latest_draft_to_a_visitor_without_an_account(self, client, users, draft_page):
        link = preview_links.create_link(draft_page, users.editor)
        response = client.get(shared_path(link))
        assert response.status_code == 200
        assert "Kontakt – Entwurf" in response.content.decode()
        assert logged_actions(draft_page)[-1] == preview_links.VIEW_ACTION

    def test_the_site_renders_it_also_when_a_headless_front_end_is_configured(
        self, client, users, draft_page, settings
    ):
        settings.WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {"default": "https://front.example.org"}}
        response = client.get(shared_path(preview_links.create_link(draft_page, users.editor)))
        assert response.status_code == 200
        assert "Kontakt – Entwurf" in response.content.decode()
        assert "front.example.org" not in response.content.decode()

    def test_is_never_cached_or_indexed(self, client, users, draft_page):
        response = client.get(shared_path(preview_links.create_link(draft_page, users.editor)))
        assert "noindex" in response["X-Robots-Tag"]
        cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= cache_control
        assert response["Referrer-Policy"] == "no-referrer"

    def test_shows_no_other_page_s_draft(self, client, users, draft_page, site):
        other = StandardPageFactory(title="Impressum", slug="impressum")
        other.save_revision().publish()
        save_draft(other, "Impressum – geheimer Entwurf")
        response = client.get(shared_path(preview_links.create_link(draft_page, users.editor)))
        assert "geheimer Entwurf" not in response.content.decode()

    def test_a_revoked_link_answers_410_with_a_german_message(self, client, users, draft_page):
        link = preview_links.create_link(draft_page, users.editor)
        preview_links.revoke_link(link, users.editor)
        response = client.get(shared_path(link))
        assert response.status_code == 410
        assert "Dieser Vorschau-Link wurde zurückgezogen." in response.content.decode()
        assert "Kontakt – Entwurf" not in response.content.decode()
        assert "noindex" in response["X-Robots-Tag"]

    def test_an_expired_link_answers_410_in_the_visitor_s_language(self, client, users, draft_page):
        link = preview_links.create_link(draft_page, users.editor)
        PreviewLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
        response = client.get(shared_path(link, "fr"))
        assert response.status_code == 410
        assert "Ce lien d’aperçu a expiré." in response.content.decode()

    def test_an_unknown_token_answers_404(self, client, site):
        response = client.get("/de/_preview/nicht-vorhanden/")
        assert response.status_code == 404
        assert "Dieser Vorschau-Link existiert nicht." in response.content.decode()

    def test_the_link_names_the_page_s_language(self, rf, users, draft_page):
        link = preview_links.create_link(draft_page, users.editor)
        assert preview_links.shared_url(rf.get("/"), link) == f"http://testserver/de/_preview/{link.token}/"
