"""Loaded by Wagtail through WAGTAILIMAGES_IMAGE_FORM_BASE; kept apart because it imports admin forms."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL.Image import DecompressionBombError, DecompressionBombWarning
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

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
    is a form error (cms/upload_forms.py)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Replaced here rather than declared on the class: a declared field would also appear in the
        # multiple uploader's edit form, which leaves the file out.
        if isinstance(self.fields.get("file"), WagtailImageField):
            file = self.fields["file"]
            self.fields["file"] = BoundedImageField(label=file.label, required=file.required, widget=file.widget)
        if "description" in self.fields:
            field = self.fields["description"]
            field.required = True
            field.label = _("Alternative text")
            field.help_text = _(
                "Describe what the image shows for people who cannot see it. Used wherever the image appears."
            )
