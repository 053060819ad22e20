"""Reading query parameters strictly: every bad value is a 400 with a message, never a 500."""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from wagtail.api.v2.utils import BadRequestError

# Names the core reserves (cms/checks.py keeps contributions off them): its endpoints under /api/v2/
# and the pages endpoint's own query parameters; page types add filters beside these.
CORE_ENDPOINTS = frozenset(["pages", "images", "documents", "page_preview"])
PAGE_PARAMETERS = frozenset(
    ["limit", "offset", "fields", "order", "search", "type", "locale", "fallback", "updated_since"]
    + ["child_of", "descendant_of"]
)

TRUE = {"true", "1", "yes"}
FALSE = {"false", "0", "no"}


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def parse_bool(name, value):
    lowered = value.strip().lower()
    if lowered in TRUE:
        return True
    if lowered in FALSE:
        return False
    raise BadRequestError(f"{name} must be true or false, not “{value}”")


def parse_choice(name, value, choices):
    if value not in choices:
        raise BadRequestError(f"unknown {name} “{value}”; expected one of: {', '.join(choices)}")
    return value


def parse_locale(value):
    return parse_choice("locale", value, language_codes())


def parse_moment(name, value, end_of_day=False):
    """An ISO 8601 date or date-time. A date means its start (or its end for ``end_of_day``)
    in the site's time zone; a date-time without offset is read in the site's time zone too."""
    text = (value or "").strip().replace(" ", "+")  # "+" in a query string arrives as a space
    try:
        # The date first: parse_datetime also accepts a bare date (as midnight), which would lose end_of_day.
        day = parse_date(text)
        moment = None if day else parse_datetime(text)
    except ValueError:
        moment = day = None
    if moment is None and day is None:
        raise BadRequestError(
            f"{name} must be an ISO 8601 date (2026-03-01) or date-time (2026-03-01T09:00:00+01:00), not “{value}”"
        )
    if moment is None:
        moment = datetime.datetime.combine(day, datetime.time.max if end_of_day else datetime.time.min)
    if timezone.is_naive(moment):
        try:
            moment = timezone.make_aware(moment)
        except Exception as error:  # a wall-clock time that does not exist (DST gap)
            raise BadRequestError(f"{name}: {error}") from error
    try:
        # The database compares in UTC: a moment near year 1 or 9999 may not exist there.
        moment.astimezone(datetime.UTC)
    except OverflowError as error:
        raise BadRequestError(f"{name} is out of range (years 1 to 9999 in UTC)") from error
    return moment


def parse_int(name, value):
    try:
        number = int(value)
    except (TypeError, ValueError) as error:
        raise BadRequestError(f"{name} must be a whole number, not “{value}”") from error
    if number < 0:
        raise BadRequestError(f"{name} must be a whole number, not negative")
    if number > 2**31 - 1:  # PostgreSQL integer
        raise BadRequestError(f"{name} is out of range")
    return number
