"""The public forms. Every field has a size limit; messages are translated (English msgids)."""

import re
import secrets

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, Site

from cms import content_cache
from cms.localization import active_locale, public_pages
from cms.request_cache import memo
from home.models import SiteSettings
from programmes.models import ApplicantType, Country, Region, TopicPage

from .models import EMAIL_MAX, MESSAGE_MAX, NAME_MAX, TEXT_MAX

TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
HONEYPOT_FIELD = "website"


def is_bot(data):
    """True when the form data fill in the honeypot field, which people neither see nor reach."""
    return bool(data.get(HONEYPOT_FIELD))


def active_language():
    codes = [code for code, _name in settings.LANGUAGES]
    language = (get_language() or settings.LANGUAGE_CODE).lower()
    return language if language in codes else settings.LANGUAGE_CODE


def privacy_policy_url(request):
    """The URL of the Datenschutzerklärung chosen in the site settings, in the visitor's language
    where that version is live (else the chosen page itself), or None if there is none."""
    if request is None:
        return None
    # Site settings and published pages only: kept until content changes (cms/content_cache.py).
    return memo(
        ("participation_privacy_url", get_language()),
        lambda: content_cache.cached(
            "privacy-policy-url", (request.get_host(),), lambda: _privacy_policy_url(request), request=request
        ),
    )


def _privacy_policy_url(request):
    if Site.find_for_request(request) is None:
        return None
    chosen = SiteSettings.for_request(request).privacy_page_id
    if not chosen:
        return None
    locale = active_locale()
    keys = Page.objects.filter(pk=chosen).values("translation_key")
    # One query: the chosen page and its version in the visitor's language, live and public only.
    pages = list(public_pages(Page.objects.live().filter(Q(pk=chosen) | Q(translation_key__in=keys, locale=locale))))
    page = next((p for p in pages if p.locale_id == locale.pk), None) or next(iter(pages), None)
    return page.get_url(request) if page else None


class SubmissionForm(forms.Form):
    """Fields every public form has: the honeypot and the idempotency token."""

    # Hidden from people (see the template); bots that fill every field reveal themselves.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)
    submission_token = forms.CharField(widget=forms.HiddenInput, max_length=64)
    # The consent label with "privacy policy" linked, e.g. "… described in the <a href="{url}">privacy policy</a>."
    consent_label_with_link = None

    def __init__(self, *args, privacy_url=None, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("submission_token", secrets.token_urlsafe(24))
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        if privacy_url and self.consent_label_with_link and "consent" in self.fields:
            self.fields["consent"].label = format_html(str(self.consent_label_with_link), url=privacy_url)

    def full_clean(self):
        super().full_clean()
        # Tie each field's error messages to its input for screen readers.
        for name, errors in (self._errors or {}).items():
            if name not in self.fields:
                continue
            field = self.fields[name]
            described = [f"id_{name}_error_{number}" for number in range(1, len(errors) + 1)]
            if field.help_text:
                described.insert(0, f"id_{name}_helptext")
            field.widget.attrs.update({"aria-invalid": "true", "aria-describedby": " ".join(described)})

    def clean_submission_token(self):
        token = self.cleaned_data["submission_token"]
        if not TOKEN_PATTERN.match(token):
            raise forms.ValidationError(_("The form has expired. Please reload the page and send it again."))
        return token


def text(label, max_length, required=True, **kwargs):
    return forms.CharField(label=label, max_length=max_length, required=required, strip=True, **kwargs)


def textarea(label, max_length, required=False):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": max_length}),
    )


class RegistrationForm(SubmissionForm):
    name = text(_("Name"), NAME_MAX, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    organisation = text(
        _("Organisation or municipality"), NAME_MAX, widget=forms.TextInput(attrs={"autocomplete": "organization"})
    )
    role = text(
        _("Role"), NAME_MAX, required=False, widget=forms.TextInput(attrs={"autocomplete": "organization-title"})
    )
    email = forms.EmailField(
        label=_("E-mail"), max_length=EMAIL_MAX, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=settings.LANGUAGES,
        help_text=_("We write to you in this language."),
    )
    needs = textarea(_("Accessibility or interpretation needs"), TEXT_MAX)
    consent = forms.BooleanField(
        label=_(
            "I agree that my details are stored and used to organise this event, as described in the privacy policy."
        ),
        error_messages={"required": _("Please agree to the processing of your details, or we cannot register you.")},
    )
    consent_label_with_link = _(
        "I agree that my details are stored and used to organise this event, as described in the "
        '<a href="{url}">privacy policy</a>.'
    )

    field_order = ["name", "organisation", "role", "email", "language", "needs", "consent", "website"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = active_language()


class InterestForm(SubmissionForm):
    """Choices come from what the call page already shows in the visitor's language. Their values
    are stable across languages (translation keys, country codes); ``resolve`` turns them into
    the source-language rows to store."""

    organisation_name = text(
        _("Municipality or company"), NAME_MAX, widget=forms.TextInput(attrs={"autocomplete": "organization"})
    )
    applicant_type = forms.ChoiceField(label=_("Type"))
    german_state = forms.ChoiceField(label=_("German Land"))
    contact_person = text(_("Contact person"), NAME_MAX, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(
        label=_("E-mail"), max_length=EMAIL_MAX, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    topics = forms.MultipleChoiceField(
        label=_("Topics of interest"), required=False, widget=forms.CheckboxSelectMultiple
    )
    partner_country = forms.ChoiceField(label=_("Preferred partner country"), required=False)
    message = textarea(_("Message"), MESSAGE_MAX)
    consent = forms.BooleanField(
        label=_(
            "I agree that my details are stored and used to handle my expression of interest, as described in the "
            "privacy policy."
        ),
        error_messages={"required": _("Please agree to the processing of your details, or we cannot handle it.")},
    )
    consent_label_with_link = _(
        "I agree that my details are stored and used to handle my expression of interest, as described in the "
        '<a href="{url}">privacy policy</a>.'
    )

    field_order = [
        "organisation_name",
        "applicant_type",
        "german_state",
        "contact_person",
        "email",
        "topics",
        "partner_country",
        "message",
        "consent",
        "website",
    ]

    def __init__(self, *args, eligible_types, topics, countries, german_states, **kwargs):
        super().__init__(*args, **kwargs)
        please_choose = [("", _("Please choose"))]
        self.fields["applicant_type"].choices = please_choose + [
            (str(t.translation_key), t.name) for t in eligible_types
        ]
        self.fields["german_state"].choices = please_choose + [(r.code, r.display_name) for r in german_states]
        self.fields["topics"].choices = [(str(t.translation_key), t.title) for t in topics]
        self.fields["partner_country"].choices = [("", _("No preference"))] + [(c.code, c.name) for c in countries]

    def resolve(self):
        """The cleaned data with the stored rows in place of the submitted keys."""
        data = dict(self.cleaned_data)
        default = Locale.get_default()
        data["applicant_type"] = (
            ApplicantType.objects.filter(translation_key=data["applicant_type"]).order_by(
                # The source-language row first.
                models.Case(models.When(locale=default, then=0), default=1)
            )
        ).first()
        data["german_state"] = Region.objects.filter(code=data["german_state"]).first()
        data["partner_country"] = (
            Country.objects.filter(code=data["partner_country"]).first() if data.get("partner_country") else None
        )
        data["topics"] = list(TopicPage.objects.filter(translation_key__in=data.get("topics") or [], locale=default))
        return data
