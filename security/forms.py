from django import forms
from django.utils.translation import gettext_lazy as _

from .otp import normalise_token


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("The six-digit code from your authenticator app, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "inputmode": "text"}),
    )

    def clean_token(self):
        return normalise_token(self.cleaned_data["token"])


class EnrolmentForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=6,
        min_length=6,
        help_text=_("The six-digit code your authenticator app shows after adding the account."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def clean_token(self):
        return normalise_token(self.cleaned_data["token"])
