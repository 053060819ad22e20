"""Loaded by Wagtail through WAGTAILIMAGES_IMAGE_FORM_BASE; kept apart because it imports admin forms."""

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class AccessibleImageForm(BaseImageForm):
    """Image form in which the description, used as alternative text, is required."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            field = self.fields["description"]
            field.required = True
            field.label = _("Alternative text")
            field.help_text = _(
                "Describe what the image shows for people who cannot see it. Used wherever the image appears."
            )
