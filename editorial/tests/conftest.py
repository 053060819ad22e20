"""Fixtures for the editors' and translators' side: a German site whose other locales are synchronised
as aliases (the project's strategy), the editorial roles, and one user per role."""

import io
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization

from editorial.roles import ADMIN_GROUP, APPROVER_GROUP, EDITOR_GROUP, PROGRAMME_TEAM_GROUP, TRANSLATOR_GROUPS
from home.factories import StandardPageFactory


def synchronise_locales(site):
    """Every non-German locale mirrors the German tree as aliases, as in production."""
    de = site.locales["de"]
    for code in ("fr", "ar-dz", "en"):
        LocaleSynchronization.objects.get_or_create(locale=site.locales[code], defaults={"sync_from": de})


def rich_body(text):
    return [("heading", {"text": "Worum es geht", "level": "h2"}), ("rich_text", f"<p>{text}</p>")]


@pytest.fixture
def german_page(site):
    page = StandardPageFactory(title="Kontakt", slug="kontakt", summary="So erreichen Sie uns.")
    page.body = rich_body("Schreiben Sie uns eine E-Mail.")
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def synced_site(site, german_page):
    synchronise_locales(site)
    call_command("setup_roles", stdout=io.StringIO())
    return site


def make_user(django_user_model, username, group_name=None):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "password")
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def users(synced_site, django_user_model):
    return SimpleNamespace(
        editor=make_user(django_user_model, "redaktion", EDITOR_GROUP),
        fr=make_user(django_user_model, "uebersetzung-fr", TRANSLATOR_GROUPS["fr"]),
        ar=make_user(django_user_model, "uebersetzung-ar", TRANSLATOR_GROUPS["ar-dz"]),
        en=make_user(django_user_model, "uebersetzung-en", TRANSLATOR_GROUPS["en"]),
        approver=make_user(django_user_model, "freigabe", APPROVER_GROUP),
        team=make_user(django_user_model, "programmteam", PROGRAMME_TEAM_GROUP),
        # A member of Administratoren, not a superuser: the group must carry everything by itself.
        admin=make_user(django_user_model, "administration", ADMIN_GROUP),
        superuser=django_user_model.objects.create_superuser("superuser", "superuser@example.org", "password"),
    )


def locale(code):
    return Locale.objects.get(language_code=code)
