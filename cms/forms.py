from django import forms
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import TranslatableMixin

from cms.timezones import ZonedDateTimeFormMixin


class PlatformPageForm(ZonedDateTimeFormMixin, WagtailAdminPageForm):
    """The base form of every page type.

    Choices of translatable pages and snippets (topics, phases, organisations …) offer only the
    items in the page's own language, so that an editor never links a German page to a French topic.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = getattr(self.instance, "locale_id", None) or getattr(self.parent_page, "locale_id", None)
        if not locale_id:
            return
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField) and issubclass(field.queryset.model, TranslatableMixin):
                field.queryset = field.queryset.filter(locale_id=locale_id)
