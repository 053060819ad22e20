"""Admin report: translations that are out of date because their German source changed."""

import datetime
from collections import defaultdict
from urllib.parse import urlencode

from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from .outdated import outdated_translations


class OutdatedTranslationsPaginator(WagtailPaginator):
    # Wagtail counts with the model's name, wagtail-localize's untranslated "translation(s)".
    @cached_property
    def items_count_label(self):
        return ngettext("%(count)s outdated translation", "%(count)s outdated translations", self.count) % {
            "count": self.count
        }


def local_timestamp(value):
    """A spreadsheet cell for a moment: the admin's local time to the second (no microseconds, no offset)."""
    return timezone.localtime(value).replace(microsecond=0, tzinfo=None)


def local_timestamp_text(value):
    return local_timestamp(value).strftime("%Y-%m-%d %H:%M:%S")


# For the translation reports' spreadsheets: a language by its name, times local (German Excel).
LOCALE_AS_NAME = {
    SpreadsheetExportMixin.FORMAT_CSV: lambda locale: locale.get_display_name(),
    SpreadsheetExportMixin.FORMAT_XLSX: lambda locale: locale.get_display_name(),
}


class LocalTimeReportView(ReportView):
    """A report whose spreadsheet export gives times in the site's zone, to the second."""

    custom_value_preprocess = {
        **ReportView.custom_value_preprocess,
        datetime.datetime: {
            SpreadsheetExportMixin.FORMAT_CSV: local_timestamp_text,
            SpreadsheetExportMixin.FORMAT_XLSX: local_timestamp,
        },
    }


class OutdatedTranslationsReportView(LocalTimeReportView):
    page_title = _("Outdated translations")
    header_icon = "warning"
    index_url_name = "editorial:outdated_translations"
    index_results_url_name = "editorial:outdated_translations_results"
    results_template_name = "editorial/outdated_translations_results.html"
    no_results_message = _("All translations are up to date.")
    paginate_by = 50
    paginator_class = OutdatedTranslationsPaginator
    list_export = ["source.object_repr", "target_locale", "source_published_at", "source.last_updated_at"]
    export_headings = {
        "source.object_repr": _("Source"),
        "target_locale": _("Language"),
        "source_published_at": _("Source published"),
        "source.last_updated_at": _("Last synced"),
    }
    custom_field_preprocess = {"target_locale": LOCALE_AS_NAME}

    def get_queryset(self):
        return outdated_translations(self.request.user)

    def get_filename(self):
        return "outdated-translations"

    def decorate_paginated_queryset(self, object_list):
        """Attach edit and sync links, looking the target objects up in one query per model."""
        translations = list(object_list)
        targets = target_objects(translations)
        here = self.request.get_full_path()
        for translation in translations:
            source = translation.source
            target = targets.get((source.object_id, translation.target_locale_id))
            translation.edit_url = edit_url(target) if target is not None else None
            translation.sync_url = (
                reverse("wagtail_localize:update_translations", args=[source.pk]) + "?" + urlencode({"next": here})
            )
            translation.model_name = source.specific_content_type.name
        return translations


def target_objects(translations):
    """{(translation_key, locale id): target object}, one query per content type."""
    by_model = defaultdict(list)
    for translation in translations:
        model = translation.source.specific_content_type.model_class()
        base = Page if issubclass(model, Page) else model
        by_model[base].append(translation)
    found = {}
    for model, items in by_model.items():
        keys = {t.source.object_id for t in items}
        locales = {t.target_locale_id for t in items}
        queryset = model._default_manager.filter(translation_key__in=keys, locale_id__in=locales)
        if model is Page:
            queryset = queryset.only("id", "translation_key", "locale_id")
        for obj in queryset:
            found[(obj.translation_key, obj.locale_id)] = obj
    return found


def edit_url(obj):
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:edit", args=[obj.pk])
    meta = obj._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[quote(obj.pk)])


class EditorGuideView(WagtailAdminTemplateMixin, TemplateView):
    """The editors' guide in the admin, replacing the link to Wagtail's English guide."""

    page_title = _("Editor guide")
    header_icon = "help"
    template_name = "editorial/editor_guide.html"
