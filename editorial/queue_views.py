"""Admin report: the translation queue (what is new, outdated or in progress per language), exportable."""

from urllib.parse import urlencode

import django_filters
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.paginator import WagtailPaginator
from wagtail_localize.models import Translation

from .translation_queue import STATES, add_change_details, queue_locales, translation_queue
from .views import LOCALE_AS_NAME, LocalTimeReportView


class TranslationQueueFilterSet(WagtailFilterSet):
    # "language", not "locale": Wagtail's admin reads ``locale`` itself (the listings' locale switcher).
    language = django_filters.ChoiceFilter(label=_("Language"), empty_label=_("All languages"))
    state = django_filters.ChoiceFilter(label=_("State"), choices=list(STATES.items()), empty_label=_("All states"))

    class Meta:
        model = Translation  # the filters are applied to the queue's items by the view, not to this model
        fields = []

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        self.filters["language"].extra["choices"] = [
            (locale.language_code, locale.get_display_name()) for locale in queue_locales(request.user)
        ]


class TranslationQueuePaginator(WagtailPaginator):
    @cached_property
    def items_count_label(self):
        return ngettext("%(count)s item", "%(count)s items", self.count) % {"count": self.count}


class TranslationQueueReportView(LocalTimeReportView):
    page_title = _("Translation queue")
    header_icon = "globe"
    index_url_name = "editorial:translation_queue"
    index_results_url_name = "editorial:translation_queue_results"
    results_template_name = "editorial/translation_queue_results.html"
    filterset_class = TranslationQueueFilterSet
    no_results_message = _("Nothing waits for translation.")
    paginate_by = 50
    paginator_class = TranslationQueuePaginator
    list_export = [
        "title",
        "kind",
        "locale",
        "state_label",
        "source_changed_at",
        "changed_by",
        "changed_fields_text",
        "absolute_url",
    ]
    export_headings = {
        "title": _("Title"),
        "kind": _("Type"),
        "locale": _("Language"),
        "state_label": _("State"),
        "source_changed_at": _("Source changed"),
        "changed_by": _("Changed by"),
        "changed_fields_text": _("Changed fields"),
        "absolute_url": _("Link"),
    }
    custom_field_preprocess = {"locale": LOCALE_AS_NAME}

    def get_queryset(self):
        return translation_queue(self.request.user)

    def filter_queryset(self, items):
        if not (self.filters and self.filters.is_valid()):
            return items
        language = self.filters.form.cleaned_data.get("language")
        state = self.filters.form.cleaned_data.get("state")
        return [
            item
            for item in items
            if (not language or item.locale.language_code == language) and (not state or item.state == state)
        ]

    def get_filename(self):
        return "translation-queue"

    def decorate_paginated_queryset(self, object_list):
        items = add_change_details(list(object_list))
        here = urlencode({"next": self.request.get_full_path()})
        for item in items:
            item.absolute_url = self.request.build_absolute_uri(item.url) if item.url else ""
            if item.translation is not None:  # outdated: sync first, then translate what changed
                sync = reverse("wagtail_localize:update_translations", args=[item.translation.source_id])
                item.sync_url = f"{sync}?{here}"
        return items
