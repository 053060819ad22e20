"""Loaded by Wagtail through WAGTAILIMAGES_IMAGE_FORM_BASE; kept apart because it imports admin forms."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from PIL.Image import DecompressionBombError, DecompressionBombWarning
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm
from wagtail.models import Locale

from .image_alt import default_language
from .models import ImageAltText
from .upload_forms import StoreFileOnValidationMixin


class BoundedImageField(WagtailImageField):
    """Wagtail's image field, with a form error instead of a server error for "decompression bombs".

    Wagtail checks WAGTAILIMAGES_MAX_IMAGE_PIXELS only after Pillow has read the image's header, and
    Pillow raises for images beyond twice its own limit (Image.MAX_IMAGE_PIXELS, about 89 megapixels):
    an image of 20000 × 20000 pixels in a small file never reached Wagtail's check and was a 500.
    Between Pillow's limit and twice that, Pillow only warns (DecompressionBombWarning, logged) and
    Wagtail's check decides; the warning is caught too should a deployment turn warnings into errors.
    """

    def to_python(self, data):
        try:
            return super().to_python(data)
        except (DecompressionBombError, DecompressionBombWarning) as error:
            raise self.too_many_pixels() from error
        except ValidationError as error:
            # Wagtail wraps any failure to open the file as "not a valid image"; a bomb is not that.
            if isinstance(error.__cause__, (DecompressionBombError, DecompressionBombWarning)):
                raise self.too_many_pixels() from error
            if error.code == "file_too_many_pixels":
                raise self.too_many_pixels() from error
            raise

    def too_many_pixels(self):
        megapixels = (self.max_image_pixels or 0) / 1_000_000
        return ValidationError(
            _(
                "This image has too many pixels to be processed safely. Please upload a smaller version "
                "(at most %(megapixels)s megapixels, for example %(example)s pixels)."
            )
            % {"megapixels": f"{megapixels:g}", "example": example_size(self.max_image_pixels)},
            code="file_too_many_pixels",
        )


def example_size(max_pixels):
    """A 3:2 size within ``max_pixels``, for the error message."""
    width = int(((max_pixels or 0) * 1.5) ** 0.5) // 100 * 100
    return f"{width} × {width * 2 // 3}"


class AccessibleImageForm(StoreFileOnValidationMixin, BaseImageForm):
    """Image form in which the description, used as alternative text, is required; a storage failure
    is a form error (cms/upload_forms.py). Each other language gets an optional alternative text of its
    own (cms.models.ImageAltText), saved with the image."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Replaced here rather than declared on the class: a declared field would also appear in the
        # multiple uploader's edit form, which leaves the file out.
        if isinstance(self.fields.get("file"), WagtailImageField):
            file = self.fields["file"]
            self.fields["file"] = BoundedImageField(label=file.label, required=file.required, widget=file.widget)
        self.alt_text_locales = {}
        if "description" in self.fields:
            field = self.fields["description"]
            field.required = True
            field.label = _("Alternative text (%(language)s)") % {"language": language_name(default_language())}
            field.help_text = _(
                "Describe what the image shows for people who cannot see it. Used wherever the image appears; "
                "in other languages where they have no alternative text of their own."
            )
            self.add_alt_text_fields()

    def add_alt_text_fields(self):
        """One optional field per other language, right after the description."""
        order = [code for code, _name in settings.LANGUAGES]
        locales = sorted(
            Locale.objects.exclude(language_code=default_language()),
            key=lambda locale: order.index(locale.language_code) if locale.language_code in order else len(order),
        )
        existing = {}
        if self.instance.pk:
            existing = {alt.locale_id: alt.text for alt in self.instance.alt_texts.all()}
        fields = {}
        for name, field in self.fields.items():
            fields[name] = field
            if name != "description":
                continue
            for locale in locales:
                alt_name = f"alt_text_{locale.language_code.replace('-', '_')}"
                fields[alt_name] = forms.CharField(
                    label=_("Alternative text (%(language)s)") % {"language": language_name(locale.language_code)},
                    required=False,
                    max_length=255,
                    initial=existing.get(locale.pk, ""),
                    help_text=_(
                        "Optional. Where this is empty, pages in this language use the German alternative text, "
                        "marked as German so that screen readers pronounce it correctly."
                    ),
                    widget=forms.TextInput(attrs={"lang": locale.language_code, "dir": text_direction(locale)}),
                )
                self.alt_text_locales[alt_name] = locale
        self.fields = fields

    def _save_m2m(self):
        # Called by save() and by save_m2m() after save(commit=False), once the image has its key.
        super()._save_m2m()
        self.save_alt_texts()

    def save_alt_texts(self):
        with transaction.atomic():
            for name, locale in self.alt_text_locales.items():
                if name not in self.cleaned_data:
                    continue
                text = self.cleaned_data[name].strip()
                if text:
                    ImageAltText.objects.update_or_create(image=self.instance, locale=locale, defaults={"text": text})
                else:
                    ImageAltText.objects.filter(image=self.instance, locale=locale).delete()


def language_name(code):
    return dict(settings.LANGUAGES).get(code) or get_language_info(code)["name_local"]


def text_direction(locale):
    return "rtl" if locale.language_code in settings.LANGUAGES_BIDI else "ltr"
