"""The translators' alternative-text screen in Chromium: the Arabic translator corrects an image's text
in a right-to-left field and saves that one row (editorial/alt_texts.py)."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect
from wagtail.images.models import Image

from cms.models import ImageAltText
from editorial.roles import TRANSLATOR_GROUPS

from .test_editorial_flow import login  # noqa: F401 (fixture)

pytestmark = pytest.mark.browser


def test_arabic_translator_corrects_one_text_right_to_left(login, django_user_model):  # noqa: F811
    user = django_user_model.objects.create_user("mutarjim", "mutarjim@example.org", "geheim-123")
    user.groups.add(Group.objects.get(name=TRANSLATOR_GROUPS["ar-dz"]))
    park = Image.objects.get(title="Illustration Park")
    other = ImageAltText.objects.exclude(image=park).filter(locale__language_code="ar-dz").first()

    page = login("mutarjim", "/admin/alt-texts/?language=ar-dz&show=all")

    # The demo's images all have an Arabic text: the list asks for none by default, "all" shows them.
    field = page.get_by_label("Alternativtext (العربية) für „Illustration Park“")
    expect(field).to_have_attribute("dir", "rtl")
    assert field.evaluate("element => getComputedStyle(element).direction") == "rtl"
    field.fill("رسم لحديقة فيها أشجار ومقعد")
    page.locator(f"tr[data-image='{other.image_id}'] textarea").fill("لا يُحفظ")
    page.locator(f"tr[data-image='{park.pk}'] button[name=save]").click()

    expect(page.get_by_text("1 Alternativtext in العربية gespeichert.")).to_be_visible()
    assert page.url.endswith("/admin/alt-texts/?language=ar-dz&show=all")
    assert ImageAltText.objects.get(image=park, locale__language_code="ar-dz").text == "رسم لحديقة فيها أشجار ومقعد"
    other.refresh_from_db()
    assert other.text != "لا يُحفظ"  # only the row whose button was pressed
    assert re.search(r"0 Bilder ohne Alternativtext in العربية", page.content())
