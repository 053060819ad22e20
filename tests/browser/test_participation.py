"""Register for a demo event in the browser, see the confirmation, find it in the admin."""

import re

import pytest
from django.contrib.auth import get_user_model

from participation.models import Registration

from .fixtures import assert_no_wcag_violations

pytestmark = pytest.mark.browser


def test_register_confirm_and_see_it_in_the_admin(demo_site, page, axe):
    page.goto(f"{demo_site.url}/de/veranstaltungen/beispiel-hybride-veranstaltung/")
    form = page.locator("form.participation-form")
    assert form.count() == 1
    assert_no_wcag_violations(axe, page, "event-registration-form-de")

    # Sending it empty shows the errors next to the fields, accessibly.
    form.get_by_role("button", name=re.compile("Anmelden|Register")).click()
    page.wait_for_load_state()
    assert page.locator("#registration-errors").count() == 1
    assert_no_wcag_violations(axe, page, "event-registration-errors-de")

    form = page.locator("form.participation-form")
    form.get_by_label(re.compile("^Name")).fill("Erika Mustermann")
    form.get_by_label(re.compile("^Organisation")).fill("Stadt Musterstadt")
    form.get_by_label(re.compile("E-Mail")).fill("erika@example.org")
    form.locator("#id_consent").check()
    form.get_by_role("button", name=re.compile("Anmelden|Register")).click()
    page.wait_for_url(re.compile(r"/de/participation/registrations/.+/$"))
    assert page.get_by_role("heading", level=1).inner_text().strip() != ""
    assert "Beispiel: Hybrides Netzwerktreffen" in page.content()
    assert_no_wcag_violations(axe, page, "event-registration-confirmation-de")
    assert Registration.objects.filter(email="erika@example.org", status="confirmed").count() == 1

    # An editor with the permission sees the registration in the admin.
    get_user_model().objects.create_superuser("team", "team@example.org", "secret-pass-123")
    page.goto(f"{demo_site.url}/admin/login/")
    page.fill("#id_username", "team")
    page.fill("#id_password", "secret-pass-123")
    page.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    page.goto(f"{demo_site.url}/admin/participation/registrations/")
    assert page.get_by_text("Erika Mustermann").count() >= 1
    page.goto(f"{demo_site.url}/admin/participation/reports/registrations-by-event/")
    assert page.get_by_text("Beispiel: Hybrides Netzwerktreffen").count() >= 1
