"""StreamField rules editors meet: alt text on informative images, exactly one link target."""

import pytest
import wagtail_factories
from django.apps import apps
from django.conf import settings
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.models import Page

from cms.blocks import BodyBlock, ContactCardBlock, ImageBlock, LinkTargetBlock

pytestmark = pytest.mark.django_db


@pytest.fixture
def image():
    return wagtail_factories.ImageFactory(title="Rathaus Annaba")


class TestImageBlock:
    def clean(self, **raw):
        block = ImageBlock()
        return block.clean(block.to_python(raw))

    def test_informative_image_needs_alt_text(self, image):
        with pytest.raises(StructBlockValidationError) as caught:
            self.clean(image=image.pk, alt_text="", decorative=False)
        assert list(caught.value.block_errors) == ["alt_text"]

    def test_whitespace_is_not_alt_text(self, image):
        with pytest.raises(StructBlockValidationError):
            self.clean(image=image.pk, alt_text="   ", decorative=False)

    def test_alt_text_is_enough(self, image):
        value = self.clean(image=image.pk, alt_text="Das Rathaus von Annaba", decorative=False)
        assert value["alt_text"] == "Das Rathaus von Annaba"

    def test_decorative_image_needs_no_alt_text(self, image):
        assert self.clean(image=image.pk, alt_text="", decorative=True)["decorative"] is True

    def test_the_images_own_alt_text_is_the_default(self, image):
        image.description = "Das Rathaus von Annaba"
        image.save()
        value = self.clean(image=image.pk, alt_text="", decorative=False)
        assert value.alt == "Das Rathaus von Annaba"

    def test_the_override_wins_over_the_images_alt_text(self, image):
        image.description = "Das Rathaus von Annaba"
        image.save()
        value = self.clean(image=image.pk, alt_text="Der Marktplatz vor dem Rathaus", decorative=False)
        assert value.alt == "Der Marktplatz vor dem Rathaus"

    def test_rule_applies_inside_the_body_stream(self, image):
        body = BodyBlock()
        value = body.to_python([{"type": "image", "value": {"image": image.pk, "alt_text": ""}}])
        with pytest.raises(StreamBlockValidationError) as caught:
            body.clean(value)
        assert list(caught.value.block_errors[0].block_errors) == ["alt_text"]


class TestLinkTargetBlock:
    def clean(self, **raw):
        block = LinkTargetBlock()
        return block.clean(block.to_python(raw))

    def test_neither_page_nor_url_is_rejected(self):
        with pytest.raises(StructBlockValidationError) as caught:
            self.clean(page=None, url="")
        assert list(caught.value.block_errors) == ["url"]

    def test_both_page_and_url_is_rejected(self):
        page = Page.get_first_root_node()
        with pytest.raises(StructBlockValidationError):
            self.clean(page=page.pk, url="https://example.org/")

    def test_page_alone(self):
        page = Page.get_first_root_node()
        assert self.clean(page=page.pk, url="")["page"].pk == page.pk

    def test_url_alone(self):
        assert self.clean(page=None, url="https://example.org/")["url"] == "https://example.org/"


def test_contact_card_chooses_the_snippet_the_settings_name():
    # The block library names no content app: the snippet comes from PLATFORM_CONTACT_SNIPPET.
    chooser = ContactCardBlock().child_blocks["contact"]
    assert chooser.target_model is apps.get_model(settings.PLATFORM_CONTACT_SNIPPET)
