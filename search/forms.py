"""The search form: the query and its filters. Unknown filter values are reported, never a 500.

The type filter's choices are the page types' PageSearch keys and the SearchSources; the other
filters are the Facets (cms/platform.py), each looked up where every type says.
"""

from functools import reduce
from operator import or_

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cms.localization import active_locale
from cms.platform import registry

from .query import clean_query, lookup_from_page


class SearchForm(forms.Form):
    type = forms.ChoiceField(
        label=_("Content type"),
        required=False,
        error_messages={"invalid_choice": _("There is no content type “%(value)s”.")},
    )

    def __init__(self, data=None, *, locale=None, **kwargs):
        super().__init__(data, **kwargs)
        self.locale = locale or active_locale()
        self.types = registry.search_types()
        self.fields["type"].choices = [("", _("All content types"))] + [(k, t.label) for k, t in self.types.items()]
        self.facets = registry.facets()
        # facet name -> {value in the address: the value its lookups compare with}
        self.lookup_values = {}
        for facet in self.facets:
            choices = list(facet.choices(self.locale))
            self.lookup_values[facet.name] = {value: lookup_value for value, _label, lookup_value in choices}
            self.fields[facet.name] = forms.ChoiceField(
                label=facet.label,
                required=False,
                choices=[("", facet.all_label)] + [(value, label) for value, label, _lookup in choices],
                error_messages={"invalid_choice": facet.invalid_message},
            )

    @property
    def query(self):
        """The query, cleaned by search.query (not a form field: no query is ever invalid)."""
        return clean_query((self.data or {}).get("q", ""))

    def valid(self, name):
        if not self.is_bound:
            return None
        self.is_valid()
        return None if name in self.errors else self.cleaned_data.get(name) or None

    @property
    def messages(self):
        if not self.is_bound or self.is_valid():
            return []
        return [str(error) for errors in self.errors.values() for error in errors]

    def includes_pages(self):
        kind = self.valid("type")
        return kind is None or bool(self.types[kind].page_models)

    def sources(self):
        """The SearchSources the type filter includes."""
        kind = self.valid("type")
        return [t.source for key, t in self.types.items() if t.source and kind in (None, key)]

    def chosen_facets(self):
        """(facet name, lookup value) of each valid facet filter."""
        return [
            (facet.name, self.lookup_values[facet.name][value])
            for facet in self.facets
            if (value := self.valid(facet.name))
        ]

    def filter_source(self, source, queryset):
        """Narrow ``queryset`` (``source``'s rows) by the facets, as ``filter`` does pages; a facet the
        source has no lookup for leaves none."""
        related = Q()
        for name, lookup_value in self.chosen_facets():
            if name not in source.facets:
                return queryset.none()
            related &= Q(**{source.facets[name]: lookup_value})
        if related:
            # As for pages: the search backend filters on indexed fields only, so through the ids.
            queryset = queryset.filter(id__in=queryset.model.objects.filter(related).values("id"))
        return queryset

    def filter(self, queryset):
        """Narrow ``queryset`` (pages) with the valid filters; invalid ones are left out (and reported)."""
        if (kind := self.valid("type")) and (models := self.types[kind].page_models):
            queryset = queryset.filter(content_type__in=ContentType.objects.get_for_models(*models).values())
        related = Q()
        for name, lookup_value in self.chosen_facets():
            # A page matches when any of the page types that offer the facet matches.
            matches = [
                Q(**{lookup_from_page(page_type.model, page_type.search.facets[name]): lookup_value})
                for page_type in registry.page_types()
                if page_type.search and name in page_type.search.facets
            ]
            related &= reduce(or_, matches) if matches else Q(pk__in=[])
        if related:
            # The search backend filters on indexed fields only: go through the page ids.
            queryset = queryset.filter(id__in=queryset.model.objects.filter(related).values("id"))
        return queryset

    def active_filters(self):
        names = ["type", *(facet.name for facet in self.facets)]
        return {name: self.valid(name) for name in names if self.valid(name)}
