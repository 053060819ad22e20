from django import forms
from django.utils.translation import gettext_lazy as _

from .preview_links import DEFAULT_LIFETIME_DAYS, LIFETIME_CHOICES


class PreviewLinkForm(forms.Form):
    days = forms.TypedChoiceField(
        label=_("Valid for"), choices=LIFETIME_CHOICES, coerce=int, initial=DEFAULT_LIFETIME_DAYS
    )
