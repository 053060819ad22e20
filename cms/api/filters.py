"""Filters of /api/v2/pages/ that page types contribute (``PageApi.filters``, cms/platform.py).

Each filter is one query parameter: its name, its JSON schema and description for the OpenAPI
document, and ``apply``, which narrows the page type's queryset or answers a bad value with a 400.
Page types that share a parameter share the filter object, so the document describes it once.
"""

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass

import pycountry
from django.db.models import Q
from wagtail.api.v2.utils import BadRequestError

from cms.localization import public_pages

from .params import parse_bool, parse_choice, parse_moment
from .schema import BOOLEAN, MOMENT, STRING


@dataclass(frozen=True)
class ApiFilter(ABC):
    name: str
    description: str

    @property
    def schema(self) -> dict:
        return STRING

    @abstractmethod
    def apply(self, queryset, value: str, params, model):
        """``queryset`` of ``model`` narrowed by ``value`` (``params`` for filters read together)."""


@dataclass(frozen=True)
class RelatedPageFilter(ApiFilter):
    """Pages related to a page given by id or by slug in any language (all its translations match)."""

    field: str = ""
    target: type | None = None

    def apply(self, queryset, value, params, model):
        lookup = Q(pk=int(value)) if value.isdigit() and len(value) < 10 else Q(slug=value)
        keys = list(public_pages(self.target.objects.live()).filter(lookup).values_list("translation_key", flat=True))
        if not keys:
            raise BadRequestError(f"unknown {self.name} “{value}” (give its id or its slug in any language)")
        matching = model.objects.filter(**{f"{self.field}__translation_key__in": keys}).values("pk")
        return queryset.filter(pk__in=matching)


@dataclass(frozen=True)
class CountryFilter(ApiFilter):
    """Pages related to a country by its ISO 3166-1 alpha-2 code (any case)."""

    field: str = "countries"

    @property
    def schema(self):
        return {"type": "string", "pattern": "^[A-Za-z]{2}$"}

    def apply(self, queryset, value, params, model):
        code = value.strip().upper()
        if len(code) != 2 or not pycountry.countries.get(alpha_2=code):
            raise BadRequestError(f"country must be an ISO 3166-1 alpha-2 code such as DZ, MA, TN or DE, not “{value}”")
        return queryset.filter(pk__in=model.objects.filter(**{f"{self.field}__code": code}).values("pk"))


@dataclass(frozen=True)
class ChoiceFilter(ApiFilter):
    """One of fixed values: a field lookup, or a queryset method that takes the value."""

    choices: tuple[str, ...] = ()
    lookup: str | None = None
    method: str | None = None

    @property
    def schema(self):
        return {"type": "string", "enum": list(self.choices)}

    def apply(self, queryset, value, params, model):
        choice = parse_choice(self.name, value, list(self.choices))
        if self.method:
            return getattr(queryset, self.method)(choice)
        return queryset.filter(**{self.lookup: choice})


@dataclass(frozen=True)
class CodeFilter(ApiFilter):
    """Pages related to a reference object by its code, the same in every language."""

    field: str = ""
    target: type | None = None
    label: str = ""  # in the message for an unknown code

    def apply(self, queryset, value, params, model):
        if not self.target.objects.filter(code=value).exists():
            codes = sorted(set(self.target.objects.values_list("code", flat=True)))
            raise BadRequestError(f"unknown {self.label} “{value}”; known: {', '.join(codes)}")
        return queryset.filter(pk__in=model.objects.filter(**{f"{self.field}__code": value}).values("pk"))


@dataclass(frozen=True)
class BooleanFilter(ApiFilter):
    """A condition applied when the value is true; false leaves the pages as they are."""

    condition: Callable[[], Q] | None = None

    @property
    def schema(self):
        return BOOLEAN

    def apply(self, queryset, value, params, model):
        return queryset.filter(self.condition()) if parse_bool(self.name, value) else queryset


@dataclass(frozen=True)
class MomentFilter(ApiFilter):
    """A bound by an ISO 8601 date or date-time; ``not_before`` names the filter it must not precede."""

    lookup: str = ""
    end_of_day: bool = False
    not_before: str | None = None

    @property
    def schema(self):
        return MOMENT

    def apply(self, queryset, value, params, model):
        moment = parse_moment(self.name, value, end_of_day=self.end_of_day)
        if self.not_before in params and moment < parse_moment(self.not_before, params[self.not_before]):
            raise BadRequestError(f"{self.name} must not be before {self.not_before}")
        return queryset.filter(**{self.lookup: moment})
