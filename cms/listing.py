"""Listing filters and pagination for ``cms.pages.ListingPage``. Every value a visitor can put in the
address is validated here: an unknown value is reported in words and ignored, never a server error."""

from django import forms
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.translation import gettext_lazy as _


def choice_field(label, choices, unknown_message, all_label):
    """An optional choice whose empty value means "all"; an unknown value is named by ``unknown_message``."""
    return forms.ChoiceField(
        label=label,
        required=False,
        choices=[("", all_label), *choices],
        error_messages={"invalid_choice": unknown_message},
    )


class ListingFilterForm(forms.Form):
    """Validates the query string; ``apply`` narrows a queryset with the valid values only."""

    def apply(self, queryset):
        """``queryset`` narrowed by the valid values; each form says how."""
        raise NotImplementedError

    def valid_value(self, name):
        """The cleaned value of a field, or None where it was empty or invalid."""
        if not self.is_bound:
            return None
        self.is_valid()
        if name in self.errors:
            return None
        return self.cleaned_data.get(name) or None

    @property
    def messages(self):
        if not self.is_bound or self.is_valid():
            return []
        return [str(error) for errors in self.errors.values() for error in errors]


class PageNumberError(Exception):
    def __init__(self, message, status):
        super().__init__(message)
        self.status = status


def paginate(queryset, page_number, per_page):
    """Return a page of results; raise PageNumberError with a message a person understands."""
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(page_number or 1)
    except PageNotAnInteger as error:
        raise PageNumberError(_("The page number must be a whole number."), 400) from error
    except EmptyPage as error:
        raise PageNumberError(
            _("There is no page %(number)s; the results have %(count)s page(s).")
            % {"number": page_number, "count": paginator.num_pages},
            404,
        ) from error
