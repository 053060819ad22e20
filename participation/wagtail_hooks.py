"""The programme team's admin: submissions with status, note, filters and CSV export.

ModelViewSets (not snippets): nothing here reaches choosers, the API or the search index. The
model permissions decide who sees what (group "Programmteam", see editorial.roles).
"""

import json

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale

from programmes.models import CallForParticipationPage, EventPage

from . import gdpr, services
from .models import ExpressionOfInterest, InterestStatus, OutgoingMail, Registration, RegistrationStatus
from .stats import registration_counts

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class SafeExportMixin:
    """Spreadsheet programs run cells starting with = + - @ as formulas: export them as text."""

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        return {
            key: "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value
            for key, value in row.items()
        }


def source_events():
    return EventPage.objects.filter(locale=Locale.get_default()).order_by("-start")


class RegistrationFilterSet(WagtailFilterSet):
    event = django_filters.ModelChoiceFilter(label=gettext_lazy("Event"), queryset=lambda request: source_events())
    status = django_filters.ChoiceFilter(label=gettext_lazy("Status"), choices=RegistrationStatus.choices)

    class Meta:
        model = Registration
        fields = ["event", "status", "language"]


class RegistrationIndexView(SafeExportMixin, generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("event")


class RegistrationEditView(generic.EditView):
    def save_instance(self):
        previous = Registration.objects.get(pk=self.object.pk).status
        instance = super().save_instance()
        services.status_changed(instance, previous)
        return instance


class RegistrationViewSet(ModelViewSet):
    model = Registration
    name = "participation_registrations"
    icon = "group"
    menu_label = gettext_lazy("Event registrations")
    url_prefix = "participation/registrations"
    index_view_class = RegistrationIndexView
    edit_view_class = RegistrationEditView
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["name", "organisation", "email", "event", "status", "language", "created_at"]
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "organisation", "email"]
    list_export = [
        "event",
        "name",
        "organisation",
        "role",
        "email",
        "language",
        "needs",
        "status",
        "created_at",
        "internal_note",
    ]
    export_filename = "registrations"
    # The team works on the status and the note; the person's own details stay as sent.
    panels = [FieldPanel("status"), FieldPanel("internal_note")]


class InterestFilterSet(WagtailFilterSet):
    call = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Call"),
        queryset=lambda request: CallForParticipationPage.objects.filter(locale=Locale.get_default()),
    )
    status = django_filters.ChoiceFilter(label=gettext_lazy("Status"), choices=InterestStatus.choices)

    class Meta:
        model = ExpressionOfInterest
        fields = ["call", "status", "german_state", "partner_country"]


class InterestIndexView(SafeExportMixin, generic.IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("call", "applicant_type", "german_state", "partner_country")
            .prefetch_related("topics")
        )


class InterestViewSet(ModelViewSet):
    model = ExpressionOfInterest
    name = "participation_interest"
    icon = "mail"
    menu_label = gettext_lazy("Expressions of interest")
    url_prefix = "participation/interest"
    index_view_class = InterestIndexView
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["organisation_name", "contact_person", "email", "call", "german_state", "status", "created_at"]
    filterset_class = InterestFilterSet
    search_fields = ["organisation_name", "contact_person", "email", "message"]
    list_export = [
        "call",
        "organisation_name",
        "applicant_type",
        "german_state",
        "contact_person",
        "email",
        "topic_titles",
        "partner_country",
        "message",
        "language",
        "status",
        "internal_note",
        "created_at",
    ]
    export_headings = {"topic_titles": gettext_lazy("topics of interest")}
    export_filename = "expressions-of-interest"
    panels = [FieldPanel("status"), FieldPanel("internal_note")]


class OutgoingMailViewSet(ModelViewSet):
    model = OutgoingMail
    name = "participation_outbox"
    icon = "mail"
    menu_label = gettext_lazy("Outgoing e-mails")
    url_prefix = "participation/outbox"
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["to", "subject", "created_at", "sent_at", "attempts", "last_error"]
    list_filter = ["sent_at"]
    search_fields = ["to", "subject"]
    form_fields = ["to"]  # read-only in practice: nobody gets the change permission


class ParticipationGroup(ViewSetGroup):
    menu_label = gettext_lazy("Participation")
    menu_icon = "group"
    menu_order = 250
    items = (RegistrationViewSet, InterestViewSet, OutgoingMailViewSet)


@hooks.register("register_admin_viewset")
def register_participation_viewsets():
    return ParticipationGroup()


# --- Registrations by event (count against capacity) ------------------------------


def registrations_by_event(request):
    if not request.user.has_perm("participation.view_registration"):
        raise PermissionDenied
    events = list(source_events())
    counts = registration_counts(events)
    index_url = reverse("participation_registrations:index")
    rows = [
        {
            "event": event,
            "counts": counts[event.pk],
            "list_url": f"{index_url}?event={event.pk}",
            "csv_url": f"{index_url}?event={event.pk}&export=csv",
        }
        for event in events
        if counts[event.pk].confirmed
        or counts[event.pk].waiting
        or counts[event.pk].cancelled
        or services.registration_open(event)
    ]
    return TemplateResponse(
        request,
        "participation/admin/registrations_by_event.html",
        {"rows": rows, "page_title": _("Registrations by event")},
    )


# --- One person's data (GDPR) ------------------------------------------------------


class PersonalDataForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mail address"), max_length=254)
    confirm_delete = forms.BooleanField(
        label=gettext_lazy("Yes, delete everything stored about this address"), required=False
    )


def personal_data(request):
    if not (
        request.user.has_perm("participation.delete_registration")
        and request.user.has_perm("participation.delete_expressionofinterest")
    ):
        raise PermissionDenied
    form = PersonalDataForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if "export" in request.POST:
            response = HttpResponse(
                json.dumps(gdpr.person_data(email), ensure_ascii=False, indent=2),
                content_type="application/json; charset=utf-8",
            )
            response["Content-Disposition"] = 'attachment; filename="personal-data.json"'
            response["Cache-Control"] = "no-store"
            return response
        if "delete" in request.POST:
            if not form.cleaned_data["confirm_delete"]:
                form.add_error("confirm_delete", _("Tick the box to confirm the deletion."))
            else:
                counts = gdpr.delete_person(email)
                messages.success(
                    request,
                    _(
                        "Deleted %(registrations)s registration(s), %(interests)s expression(s) of interest and "
                        "%(emails)s e-mail(s)."
                    )
                    % {
                        "registrations": counts["registrations"],
                        "interests": counts["expressions_of_interest"],
                        "emails": counts["emails"],
                    },
                )
                return redirect("participation_admin:personal_data")
    return TemplateResponse(
        request, "participation/admin/personal_data.html", {"form": form, "page_title": _("Personal data requests")}
    )


@hooks.register("register_admin_urls")
def register_participation_admin_urls():
    urls = [
        path("registrations-by-event/", registrations_by_event, name="registrations_by_event"),
        path("personal-data/", personal_data, name="personal_data"),
    ]
    from django.urls import include

    return [path("participation/reports/", include((urls, "participation_admin")))]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permissions, **kwargs):
        super().__init__(*args, **kwargs)
        self.permissions = permissions

    def is_shown(self, request):
        return all(request.user.has_perm(permission) for permission in self.permissions)


@hooks.register("register_reports_menu_item")
def registrations_by_event_menu_item():
    return PermissionMenuItem(
        gettext_lazy("Registrations by event"),
        reverse("participation_admin:registrations_by_event"),
        icon_name="group",
        order=9000,
        permissions=["participation.view_registration"],
    )


@hooks.register("register_reports_menu_item")
def personal_data_menu_item():
    return PermissionMenuItem(
        gettext_lazy("Personal data requests"),
        reverse("participation_admin:personal_data"),
        icon_name="user",
        order=9010,
        permissions=["participation.delete_registration", "participation.delete_expressionofinterest"],
    )
