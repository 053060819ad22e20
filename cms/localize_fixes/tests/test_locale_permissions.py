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


def sync_page(client, user, source):
    client.force_login(user)
    return client.get(reverse("wagtail_localize:update_translations", args=[source.pk]))


def test_publish_immediately_offered_only_to_who_may_publish_every_target(client, site, django_user_model):
    translate_object(site.home, [locale("fr"), locale("ar-dz")])
    call_command("setup_roles", stdout=io.StringIO())
    source = Translation.objects.get(target_locale=locale("fr")).source
    editor = django_user_model.objects.create_user("redaktion", "r@example.org", "password")
    editor.groups.add(Group.objects.get(name="Redaktion"))
    french = django_user_model.objects.create_user("fr", "fr@example.org", "password")
    french.groups.add(Group.objects.get(name="Übersetzung FR"))
    admin = django_user_model.objects.create_user("admin", "a@example.org", "password")
    admin.groups.add(Group.objects.get(name="Administratoren"))

    for user, offered in ((editor, False), (french, False), (admin, True)):
        response = sync_page(client, user, source)
        assert response.status_code == 200
        assert ("publish_translations" in response.context["form"].fields) is offered, user
        assert ('name="publish_translations"' in response.content.decode()) is offered, user

    # Without the field the sync itself still works (no KeyError on the missing field).
    client.force_login(editor)
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert response.status_code == 302 and response["Location"] != reverse("wagtailadmin_home")
