"""The demo Datenschutzerklärung says what the platform really stores and for how long (issue 6).

The page text is demo content (home/demo/content_de.py and its PO files), the facts are code and settings:
these tests tie them together, so that a changed retention period, rate limit, form field or cookie makes
a test fail until the page says so too, in all four languages.
"""

import html
import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.utils import translation
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from cms.management.commands.load_demo_content import demo_key
from participation import services
from participation.forms import InterestForm, RegistrationForm
from participation.models import ExpressionOfInterest, OutgoingMail, Registration
from programmes.models import CallForParticipationPage, EventPage

pytestmark = pytest.mark.django_db

LANGUAGES = ("de", "fr", "ar-dz", "en")
# Form fields that hold no personal data: the consent itself is stored as its time (consent_at).
NOT_DATA = {"website", "submission_token", "consent"}
# Stored fields that are not typed into the form, and where the page accounts for them.
NOT_FROM_FORM = {
    Registration: {
        "id": "technical key",
        "event": "the event registered for",
        "consent_at": "“den Zeitpunkt Ihrer Anmeldung und Ihrer Einwilligung”",
        "created_at": "“den Zeitpunkt Ihrer Anmeldung und Ihrer Einwilligung”",
        "updated_at": "technical; the retention period counts from the event's end",
        "status": "“den Stand der Anmeldung (bestätigt, Warteliste oder storniert)”",
        "internal_note": "“gegebenenfalls eine interne Notiz des Programmteams”",
        "token": "“einen persönlichen Link”",
        "submission_token": "technical: a double-clicked submit creates one record",
        "reminder_sent_at": "technical: the reminder to a repeated address goes “höchstens einmal am Tag”",
    },
    ExpressionOfInterest: {
        "id": "technical key",
        "call": "the call the interest is for",
        "language": "“die Sprache, in der Sie das Formular ausgefüllt haben”",
        "consent_at": "“den Zeitpunkt des Eingangs und Ihrer Einwilligung”",
        "created_at": "“den Zeitpunkt des Eingangs und Ihrer Einwilligung”",
        "updated_at": "“nach der letzten Bearbeitung durch das Programmteam, je nachdem, was später ist”",
        "status": "“den Bearbeitungsstand (neu, in Prüfung, kontaktiert, abgeschlossen)”",
        "internal_note": "“gegebenenfalls eine interne Notiz des Programmteams”",
        "token": "the link to the confirmation page",
        "submission_token": "technical: a double-clicked submit creates one record",
    },
}
# The outbox, as the page lists it: “mit Empfängeradresse, Betreff, Text und Anhang”.
# Besides those, only the delivery's bookkeeping (when sent, attempts, errors, the sender's claim, backoff).
OUTBOX_FIELDS = {
    "id",
    "to",
    "subject",
    "body",
    "attachments",
    "created_at",
    "sent_at",
    "attempts",
    "last_error",
    "claimed_until",
    "next_attempt_at",
}


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """The demo, strictly translated (a segment missing from a PO file fails), loaded once and rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", verbosity=0, skip_index=True, strict=True)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(loaded, db):
    return Page.objects.get(locale__language_code="de", translation_key=demo_key("page", "privacy"))


def privacy_page(demo, language):
    return Page.objects.get(translation_key=demo.translation_key, locale__language_code=language).specific


def main_text(client, url):
    """The visible text of the page's <main>, one line per block element."""
    response = client.get(url)
    assert response.status_code == 200, url
    main = re.search(r"<main\b.*?</main>", response.content.decode(), re.S).group(0)
    text = re.sub(r"<(?:h[1-6]|p|li)\b[^>]*>", "\n", main)
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def stored_fields(model):
    return {field.name for field in model._meta.fields} | {field.name for field in model._meta.many_to_many}


def personal_form_fields(form_class):
    return {name: field for name, field in form_class.base_fields.items() if name not in NOT_DATA}


def whole_number(number):
    return re.compile(rf"(?<!\d){number}(?!\d)")


@pytest.mark.parametrize("language", LANGUAGES)
def test_privacy_page_is_a_live_translation(demo, language):
    page = privacy_page(demo, language)
    assert page.live and page.alias_of_id is None, f"the privacy page is only an alias in {language}"
    assert page.url == f"/{language}/{page.slug}/"
    if language != "de":
        source = TranslationSource.objects.get(object_id=demo.translation_key, locale=demo.locale)
        assert Translation.objects.filter(source=source, target_locale=page.locale).exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_privacy_page_states_the_retention_period_and_rate_limit_in_settings(demo, client, language):
    text = main_text(client, privacy_page(demo, language).url)
    # Registrations, expressions of interest and outbox e-mails each have the retention period.
    assert len(whole_number(settings.PARTICIPATION_RETENTION_DAYS).findall(text)) >= 3, language
    window_minutes, seconds = divmod(settings.PARTICIPATION_RATE_LIMIT_WINDOW, 60)
    assert seconds == 0, "the page states the rate-limit window in whole minutes"
    limit = whole_number(settings.PARTICIPATION_RATE_LIMIT)
    paragraphs = [line for line in text.splitlines() if "IP" in line and limit.search(line)]
    assert len(paragraphs) == 1, f"[{language}] one paragraph states the rate limit per IP address"
    assert len(whole_number(window_minutes).findall(paragraphs[0])) >= 2, language  # the window and the deletion


@pytest.mark.parametrize("language", LANGUAGES)
def test_privacy_page_names_every_form_field_as_the_form_labels_it(demo, client, language):
    text = main_text(client, privacy_page(demo, language).url).casefold()
    missing = []
    with translation.override(language):
        for form_class in (RegistrationForm, InterestForm):
            for name, field in personal_form_fields(form_class).items():
                if str(field.label).casefold() not in text:
                    missing.append(f"{form_class.__name__}.{name}: {field.label}")
    assert missing == [], f"[{language}] the privacy page does not name these form fields"


@pytest.mark.parametrize(
    ("model", "form_class"), [(Registration, RegistrationForm), (ExpressionOfInterest, InterestForm)]
)
def test_every_stored_submission_field_is_accounted_for(model, form_class):
    """A new field on a submission model must be described on the privacy page (then listed above)."""
    from_form = set(personal_form_fields(form_class))
    assert from_form <= stored_fields(model)
    assert stored_fields(model) == from_form | set(NOT_FROM_FORM[model])


def test_outbox_fields_are_the_ones_the_page_lists():
    assert stored_fields(OutgoingMail) == OUTBOX_FIELDS


def test_cookie_lifetimes_are_the_ones_the_page_states():
    # “läuft nach einem Jahr ab” and “spätestens nach zwei Wochen”.
    assert timedelta(days=364) <= timedelta(seconds=settings.CSRF_COOKIE_AGE) <= timedelta(days=365)
    assert timedelta(seconds=settings.SESSION_COOKIE_AGE) == timedelta(weeks=2)
    assert settings.CSRF_COOKIE_NAME == "csrftoken" and settings.SESSION_COOKIE_NAME == "sessionid"


def test_visitors_get_a_cookie_only_on_pages_with_a_form(demo, client):
    """“Diese Website setzt nur technisch notwendige Cookies”: none without a form, the CSRF cookie with one."""
    for url in ("/", "/de/", privacy_page(demo, "fr").url, "/de/search/?q=Abfall", "/en/search/?q=waste"):
        response = client.get(url)
        assert response.status_code in (200, 302), url
        assert dict(response.cookies) == {}, url
    events = EventPage.objects.live().filter(locale__language_code="de")
    calls = CallForParticipationPage.objects.live().filter(locale__language_code="de")
    with_form = [event for event in events if services.on_site_registration_open(event)]
    with_form += [call for call in calls if services.call_open(call)]
    assert with_form, "the demo has an open registration and an open call"
    for page in with_form:
        cookies = client.get(page.url).cookies
        assert set(cookies) == {"csrftoken"}, page.url
        client.cookies.clear()
