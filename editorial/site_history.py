"""Berichte › Webseitenverlauf (Wagtail's site history) made readable for a four-language site.

Wagtail's report has no language: a French page published by its translator reads like a German page
published without approval. And every new German page brings, per synchronised language, an alias
with two entries ("Erstellt", "Einen Alias von … erstellt") that nobody did by hand. This report adds
a language column and filter, and leaves out the alias entries unless asked for.

It is mounted at Wagtail's own address (``cms/urls.py``, before the admin's URLs), so the menu item,
bookmarks and ``reverse("wagtailadmin_reports:site_history")`` lead here.
"""

from collections import defaultdict

import django_filters
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.models import Locale, ModelLogEntry, Page, PageLogEntry, get_translatable_models

ALIAS_ACTIONS = ("wagtail.create", "wagtail.create_alias")


class CheckboxFilter(django_filters.Filter):
    # forms.BooleanField: unticked is the default and no active filter (NullBooleanField would show "No").
    field_class = forms.BooleanField


def alias_creation_q():
    """Entries made when an alias was created: its "create_alias" entry and the "create" entry of the
    same page. They stay recognisable after the alias became a translation."""
    is_alias = PageLogEntry.objects.filter(page_id=OuterRef("page_id"), action="wagtail.create_alias")
    return Q(action="wagtail.create_alias") | Q(Exists(is_alias), action="wagtail.create")


def snippets_in_locale_q(locale):
    q = Q(pk__in=[])
    for model in get_translatable_models():
        if issubclass(model, Page):
            continue
        ids = model._default_manager.filter(locale=locale).values(text_pk=Cast("pk", CharField()))
        q |= Q(content_type_id=ContentType.objects.get_for_model(model).pk, object_id__in=ids)
    return q


class PlatformSiteHistoryFilterSet(SiteHistoryReportFilterSet):
    locale = django_filters.ModelChoiceFilter(
        label=_("Language"), queryset=Locale.objects.order_by("pk"), method="filter_locale"
    )
    show_aliases = CheckboxFilter(
        label=_("Show automatically created aliases"),
        method="keep",  # applied in filter_queryset: hiding is the default, when the box is not ticked
        help_text=_("Each new German page gets an alias in every other language; its entries are hidden."),
    )

    def filter_locale(self, queryset, name, value):
        # Called once per log model: the report is a union of page and snippet entries.
        if issubclass(queryset.model, PageLogEntry):
            return queryset.filter(page__locale=value)
        if issubclass(queryset.model, ModelLogEntry):
            return queryset.filter(snippets_in_locale_q(value))
        return queryset.none()

    def keep(self, queryset, name, value):
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("show_aliases") and issubclass(queryset.model, PageLogEntry):
            queryset = queryset.exclude(alias_creation_q())
        return queryset


class PlatformSiteHistoryView(LogEntriesView):
    results_template_name = "editorial/site_history_results.html"
    filterset_class = PlatformSiteHistoryFilterSet
    export_headings = {**LogEntriesView.export_headings, "locale_name": _("Language")}
    list_export = [*LogEntriesView.list_export[:3], "locale_name", *LogEntriesView.list_export[3:]]

    def decorate_paginated_queryset(self, queryset):
        """Wagtail 7.4's version, keeping each entry's object to read its language (one query for locales)."""
        pks_by_log_model_index = defaultdict(list)
        for row in queryset:
            pks_by_log_model_index[row["log_model_index"]].append(row["pk"])
        url_finder = AdminURLFinder(self.request.user)
        locales = Locale.objects.in_bulk()
        object_lookup = {}
        for log_model_index, pks in pks_by_log_model_index.items():
            log_entries = (
                self.log_models[log_model_index]
                .objects.prefetch_related("user__wagtail_userprofile", "content_type")
                .filter(pk__in=pks)
                .with_instances()
            )
            for log_entry, instance in log_entries:
                log_entry.edit_url = url_finder.get_edit_url(instance)
                log_entry.locale = locales.get(getattr(instance, "locale_id", None))
                log_entry.locale_name = log_entry.locale.get_display_name() if log_entry.locale else ""
                object_lookup[(log_model_index, log_entry.pk)] = log_entry
        return [object_lookup[(row["log_model_index"], row["pk"])] for row in queryset]


def _admin_view(view):
    # What Wagtail's admin URLs get: login and admin access, the user's language and time zone.
    return never_cache(require_admin_access(view))


urlpatterns = [
    path("site-history/", _admin_view(PlatformSiteHistoryView.as_view()), name="kz_site_history"),
    path(
        "site-history/results/",
        _admin_view(PlatformSiteHistoryView.as_view(results_only=True)),
        name="kz_site_history_results",
    ),
]
