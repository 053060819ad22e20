"""Keep the alternative texts translators typed into image blocks before images had one per language.

Until issue 14, an image block without an override gave translators the image's German text to
translate, stored as the translated block's override. Now such a block gives no segment, so the next
sync empties those overrides. Run this once after deploying (it is idempotent): each such override
becomes the image's text in that language, unless the image has one already. Pages are not changed.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.fields import StreamField
from wagtail.models import Locale, get_page_models

from cms.models import ImageAltText

IMAGE_BLOCK_KEYS = {"image", "alt_text", "decorative"}


def image_blocks(data, found=None):
    """{block id: (image id, override)} of the image blocks anywhere in raw StreamField data."""
    found = {} if found is None else found
    if isinstance(data, list):
        for item in data:
            image_blocks(item, found)
    elif isinstance(data, dict):
        value = data.get("value")
        if isinstance(value, dict) and IMAGE_BLOCK_KEYS <= value.keys() and data.get("id"):
            found[data["id"]] = (value.get("image"), (value.get("alt_text") or "").strip())
        for item in data.values():
            if isinstance(item, list | dict):
                image_blocks(item, found)
    return found


class Command(BaseCommand):
    help = "Copy image-block alt texts translated per page (before issue 14) onto the images, per language."

    def handle(self, *args, **options):
        default = Locale.get_default()
        created = 0
        with transaction.atomic():
            for model in get_page_models():
                fields = [field.name for field in model._meta.concrete_fields if isinstance(field, StreamField)]
                if not fields or model._meta.abstract:
                    continue
                translations = model.objects.exact_type(model).exclude(locale=default).filter(alias_of__isnull=True)
                for page in translations.select_related("locale"):
                    source = page.get_translation_or_none(default)
                    if source is None:
                        continue
                    source = source.specific
                    for name in fields:
                        created += self.keep(page, source, name)
        self.stdout.write(f"{created} alternative texts copied onto images.")

    @staticmethod
    def keep(page, source, field_name):
        translated = image_blocks(list(getattr(page, field_name).raw_data))
        original = image_blocks(list(getattr(source, field_name).raw_data))
        created = 0
        for block_id, (image_id, text) in translated.items():
            source_image, source_text = original.get(block_id, (None, None))
            # Only what the translator wrote for the image's own text: the source block had no override.
            if not text or source_text != "" or source_image != image_id or image_id is None:
                continue
            _alt, made = ImageAltText.objects.get_or_create(
                image_id=image_id, locale=page.locale, defaults={"text": text[:255]}
            )
            created += made
        return created
