from django import forms
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.models import TranslatableMixin

from cms.timezones import ZonedDateTimeFormMixin


def limit_choices_to_locale(form, locale_id):
    """Choices of translatable pages and snippets (topics, phases, organisations …) offer only the items
    in ``locale_id``, so that an editor never links a German page or snippet to a French topic."""
    if not locale_id:
        return
    for field in form.fields.values():
        if isinstance(field, forms.ModelChoiceField) and issubclass(field.queryset.model, TranslatableMixin):
            field.queryset = field.queryset.filter(locale_id=locale_id)


class PlatformPageForm(ZonedDateTimeFormMixin, WagtailAdminPageForm):
    """The base form of every page type: choices in the page's own language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_choices_to_locale(
            self, getattr(self.instance, "locale_id", None) or getattr(self.parent_page, "locale_id", None)
        )


class TranslatableSnippetForm(WagtailAdminModelForm):
    """The base form of translatable snippets that choose other translatable items: choices in the
    row's language (Wagtail sets a new row's locale from the list's ``?locale=`` before the form)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_choices_to_locale(self, getattr(self.instance, "locale_id", None))
