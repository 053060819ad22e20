"""cms.localize_fixes.locale_permissions: translators stay in their locale in wagtail-localize's views.

Without the fix, wagtail-localize checks snippet translations at model level only: a French translator
who may change organisations can write strings into the Arabic organisation's translation.
"""

import io
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import translate_object

from cms.localize_fixes.locale_permissions import editable_locale_ids
from programmes.factories import OrganisationFactory

from .helpers import locale

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_translator(site, django_user_model):
    translate_object(site.home, [locale("fr")])  # the French home, where the French group gets its rights
    call_command("setup_roles", stdout=io.StringIO())
    user = django_user_model.objects.create_user("fr", "fr@example.org", "password")
    user.groups.add(Group.objects.get(name="Übersetzung FR"))
    return user


def test_editable_locales_follow_page_permissions(french_translator, admin_user):
    assert editable_locale_ids(french_translator) == {locale("fr").pk}
    assert editable_locale_ids(admin_user) is None


def test_snippet_strings_only_in_own_locale(client, french_translator):
    organisation = OrganisationFactory(name="Engagement Global")
    translate_object(organisation, [locale("fr"), locale("ar-dz")])
    client.force_login(french_translator)
    for code, expected_ok in (("fr", True), ("ar-dz", False)):
        translation = Translation.objects.get(
            target_locale=locale(code), source__object_id=organisation.translation_key
        )
        segment = StringSegment.objects.filter(source=translation.source).first()
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        response = client.put(url, urlencode({"value": "x"}), content_type="application/x-www-form-urlencoded")
        assert (response.status_code in (200, 201)) is expected_ok
        assert StringTranslation.objects.filter(locale=locale(code)).exists() is expected_ok
