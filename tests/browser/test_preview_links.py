"""A shareable preview link, as an editor and a guest use it: Redaktion opens *Vorschau teilen* from the
page editor's menu, creates a link, a person without an account sees the draft, Redaktion revokes the
link and the person gets a German "withdrawn" page instead."""

import re

import pytest
from django.contrib.auth.models import Group

from editorial.roles import EDITOR_GROUP
from editorial_tools.models import PreviewLink
from home.models import StandardPage

from .test_editorial_flow import login  # noqa: F401  (a browser context per person, signed in)

pytestmark = pytest.mark.browser

DRAFT_TITLE = "Kontakt – neuer Entwurf für die Partnerkommunen"


@pytest.fixture
def editor(demo_site, django_user_model):
    user = django_user_model.objects.create_user("redakteurin", "redakteurin@example.org", "geheim-123")
    user.groups.add(Group.objects.get(name=EDITOR_GROUP))
    return user


def test_share_a_draft_then_revoke_it(browser, demo_site, editor, login):  # noqa: F811
    german = StandardPage.objects.live().filter(locale__language_code="de").first()
    german.title = DRAFT_TITLE
    german.save_revision()
    edit_path = f"/admin/pages/{german.pk}/edit/"
    manage_path = f"/admin/editorial-tools/pages/{german.pk}/preview-links/"

    page = login("redakteurin", edit_path)
    page.locator("#w-slim-header-buttons [data-w-dropdown-target='toggle']").click()  # the ⋯ menu
    page.get_by_role("link", name="Vorschau teilen").click()
    page.wait_for_url(re.compile(re.escape(manage_path) + "$"))
    page.get_by_label("Gültig für").select_option("3")
    page.get_by_role("button", name="Vorschau-Link erstellen").click()
    shared = page.get_by_label("Vorschau-Link").input_value()
    assert re.fullmatch(rf"{re.escape(demo_site.url)}/de/_preview/[\w-]{{43}}/", shared)

    guest = browser.new_context(locale="de-DE").new_page()
    response = guest.goto(shared)
    assert response.status == 200 and response.headers["x-robots-tag"].startswith("noindex")
    assert guest.get_by_role("heading", level=1).inner_text() == DRAFT_TITLE

    page.get_by_role("button", name="Zurückziehen").click()
    page.get_by_text("Der Vorschau-Link wurde zurückgezogen").wait_for()
    assert PreviewLink.objects.get().revoked_at is not None
    response = guest.goto(shared)
    assert response.status == 410
    assert guest.get_by_text("Dieser Vorschau-Link wurde zurückgezogen.").is_visible()
    assert DRAFT_TITLE not in guest.content()
    guest.context.close()
