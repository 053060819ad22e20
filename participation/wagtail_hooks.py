"""The programme team's admin: submissions with status, note, filters and CSV export.

ModelViewSets (not snippets): nothing here reaches choosers, the API or the search index. The
model permissions decide who sees what (group "Programmteam", see editorial.roles).
"""

import csv
import datetime
import json
import zoneinfo

import django_filters
from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import models, transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus import MenuItem as ListingMenuItem
from wagtail.admin.views import generic
from wagtail.admin.views.mixins import Echo
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import log
from wagtail.models import Locale, Page

from programmes.models import CallForParticipationPage, EventPage

from . import gdpr, services
from . import mail as outbox
from .models import (
    ExpressionOfInterest,
    InterestStatus,
    OutgoingMail,
    Registration,
    RegistrationStatus,
    language_name,
)
from .panels import NewSubmissionsPanel
from .stats import registration_counts

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class SafeExportMixin:
    """Exports that open correctly in a German Excel.

    - Spreadsheet programs run cells starting with = + - @ as formulas: they are exported as text.
    - Status and language are words in the admin's language (German), not codes.
    - Times are local to EXPORT_TIME_ZONE (the site's zone, Europe/Berlin), to the second; each time
      column's heading names the zone. In XLSX they are real date-times, timezone-naive as Excel needs.
    - CSV is separated by ";" and starts with a byte order mark, so German Excel splits the columns and
      reads UTF-8 (umlauts, Arabic names) on double-click.
    """

    CSV_DELIMITER = ";"
    CSV_BYTE_ORDER_MARK = "\ufeff"

    @property
    def custom_value_preprocess(self):
        return {
            **super().custom_value_preprocess,
            datetime.datetime: {self.FORMAT_CSV: export_time_text, self.FORMAT_XLSX: export_time_naive},
        }

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        if "status" in row:
            row["status"] = str(item.get_status_display())
        if "language" in row:
            row["language"] = language_name(item.language)
        return {
            key: "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value
            for key, value in row.items()
        }

    def get_heading(self, queryset, field):
        heading = super().get_heading(queryset, field)
        try:
            is_time = isinstance(queryset.model._meta.get_field(field), models.DateTimeField)
        except FieldDoesNotExist:
            is_time = False
        return f"{heading} ({EXPORT_TIME_ZONE.key})" if is_time else heading

    def stream_csv(self, queryset):
        yield self.CSV_BYTE_ORDER_MARK.encode()
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export, delimiter=self.CSV_DELIMITER)
        yield writer.writerow({field: self.get_heading(queryset, field) for field in self.list_export})
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response


EXPORT_TIME_ZONE = zoneinfo.ZoneInfo(settings.TIME_ZONE)


def export_time_naive(value):
    return timezone.localtime(value, EXPORT_TIME_ZONE).replace(tzinfo=None, microsecond=0)


def export_time_text(value):
    return export_time_naive(value).strftime("%Y-%m-%d %H:%M:%S")


class ForgetInAuditLogDeleteView(generic.DeleteView):
    """Deleting a submission keeps the audit log's "who deleted when", not whose submission it was."""

    def delete_action(self):
        pk = self.object.pk
        with transaction.atomic():
            self.before_delete()
            log(instance=self.object, action="wagtail.delete")
            self.object.delete()
            gdpr.forget_in_audit_log(self.model, [pk])

    def before_delete(self):
        pass


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


class RegistrationAdminForm(WagtailAdminModelForm):
    """The team's status change, checked before anything is saved: no second active registration
    of one address, no place beyond the capacity unless the team says so, nothing after the start."""

    confirm_over_capacity = forms.BooleanField(
        label=gettext_lazy("Confirm beyond the capacity"),
        required=False,
        help_text=gettext_lazy(
            "Only for an exception the team has agreed: confirms the person although all places are taken."
        ),
    )

    def clean(self):
        cleaned_data = super().clean()
        registration = self.instance
        status = cleaned_data.get("status")
        previous = Registration.objects.filter(pk=registration.pk).values_list("status", flat=True).first()
        if not status or status == previous:
            return cleaned_data
        event = registration.event
        if services.has_started(event):
            self.add_error(
                "status",
                _("The event has begun, so the status can no longer be changed. The internal note can."),
            )
            return cleaned_data
        if previous == RegistrationStatus.CANCELLED:
            other = services.other_active_registration(registration)
            if other is not None:
                self.add_error(
                    "status",
                    _(
                        "This e-mail address has registered again for this event (on %(date)s, status “%(status)s”). "
                        "Only one registration per address can be active: work on that one instead."
                    )
                    % {
                        "date": formats.date_format(timezone.localtime(other.created_at), "SHORT_DATETIME_FORMAT"),
                        "status": other.get_status_display(),
                    },
                )
                return cleaned_data
        if (
            status == RegistrationStatus.CONFIRMED
            and event.capacity is not None
            and not cleaned_data.get("confirm_over_capacity")
        ):
            confirmed = services.confirmed_count(event)
            if confirmed >= event.capacity:
                self.add_error(
                    "status",
                    _(
                        "All %(capacity)s places are taken (%(confirmed)s confirmed). Raise the capacity on the "
                        "event page, or tick “Confirm beyond the capacity” for an agreed exception."
                    )
                    % {"capacity": event.capacity, "confirmed": confirmed},
                )
        return cleaned_data


def with_promoted(message, promoted):
    """The success message, and who moved up from the waiting list because of the change."""
    if promoted and message:
        message += " " + ngettext(
            "%(count)s person moved up from the waiting list and was told by e-mail.",
            "%(count)s people moved up from the waiting list and were told by e-mail.",
            len(promoted),
        ) % {"count": len(promoted)}
    return message


class RegistrationEditView(generic.EditView):
    def save_instance(self):
        with transaction.atomic():
            services.lock_event(self.object.event)
            previous = Registration.objects.get(pk=self.object.pk).status
            instance = super().save_instance()
            self.promoted = services.status_changed(instance, previous)
        return instance

    def get_success_message(self):
        return with_promoted(super().get_success_message(), getattr(self, "promoted", []))


class RegistrationDeleteView(ForgetInAuditLogDeleteView):
    """Deleting a registration frees its place first, so the waiting list moves up (with e-mails)."""

    @property
    def confirmation_message(self):
        return _(
            "Are you sure you want to delete this registration? A place it holds goes to the next person on the "
            "waiting list, who is told by e-mail. The person deleted gets no e-mail: to tell them, set the status "
            "to “Cancelled” first."
        )

    def before_delete(self):
        self.promoted = services.release_place(self.object)

    def get_success_message(self):
        return with_promoted(super().get_success_message(), getattr(self, "promoted", []))


class RegistrationViewSet(ModelViewSet):
    model = Registration
    name = "participation_registrations"
    icon = "group"
    menu_label = gettext_lazy("Event registrations")
    url_prefix = "participation/registrations"
    index_view_class = RegistrationIndexView
    edit_view_class = RegistrationEditView
    delete_view_class = RegistrationDeleteView
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
    edit_handler = ObjectList(
        [FieldPanel("status"), FieldPanel("confirm_over_capacity"), FieldPanel("internal_note")],
        base_form_class=RegistrationAdminForm,
    )


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
    delete_view_class = ForgetInAuditLogDeleteView
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


class OutgoingMailFilterSet(WagtailFilterSet):
    delivery = django_filters.ChoiceFilter(
        label=gettext_lazy("delivery status"),
        choices=[
            ("sent", gettext_lazy("Sent")),
            ("retry", gettext_lazy("Not sent yet, will be retried")),
            ("failed", gettext_lazy("Failed – not retried any more")),
        ],
        method="filter_delivery",
    )

    class Meta:
        model = OutgoingMail
        fields = []

    def filter_delivery(self, queryset, name, value):
        max_attempts = settings.PARTICIPATION_MAIL_MAX_ATTEMPTS
        if value == "sent":
            return queryset.filter(sent_at__isnull=False)
        if value == "retry":
            return queryset.filter(sent_at__isnull=True, attempts__lt=max_attempts)
        return queryset.filter(sent_at__isnull=True, attempts__gte=max_attempts)


def can_resend(user):
    return user.has_perm("participation.resend_outgoingmail")


def resend_button(mail=None):
    url = (
        reverse("participation_admin:resend_mail", args=[mail.pk])
        if mail
        else reverse("participation_admin:resend_failed_mail")
    )
    return Button(_("Send again") if mail else _("Send failed e-mails again"), url=url, icon_name="mail", priority=30)


class OutgoingMailIndexView(generic.IndexView):
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if can_resend(self.request.user):
            buttons.append(resend_button())
        return buttons

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.sent_at is None and can_resend(self.request.user):
            url = reverse("participation_admin:resend_mail", args=[instance.pk])
            buttons.append(ListingMenuItem(_("Send again"), url=url, icon_name="mail", priority=30))
        return buttons


class OutgoingMailInspectView(generic.InspectView):
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.object.sent_at is None and can_resend(self.request.user):
            buttons.append(resend_button(self.object))
        return buttons


class OutgoingMailViewSet(ModelViewSet):
    model = OutgoingMail
    name = "participation_outbox"
    icon = "mail"
    menu_label = gettext_lazy("Outgoing e-mails")
    url_prefix = "participation/outbox"
    index_view_class = OutgoingMailIndexView
    inspect_view_class = OutgoingMailInspectView
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["to", "subject", "created_at", "delivery_status", "sent_at", "attempts", "last_error"]
    filterset_class = OutgoingMailFilterSet
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
        or services.on_site_registration_open(event)
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


# --- Failed e-mails: dashboard and resend --------------------------------------------


def resend_mail(request, pk=None):
    """Send one unsent e-mail (``pk``) or every failed one again, after the mail server was fixed.
    GET asks, POST sends."""
    if not can_resend(request.user):
        raise PermissionDenied
    index_url = reverse("participation_outbox:index")
    if pk is not None:
        mail = get_object_or_404(OutgoingMail, pk=pk)
        if mail.sent_at is not None:
            messages.info(request, _("This e-mail has already been sent."))
            return redirect(index_url)
        mails = [mail]
    else:
        mails = list(outbox.failed())
    if request.method == "POST":
        sent, failed = outbox.resend(mails)
        if sent:
            messages.success(
                request, ngettext("%(count)s e-mail sent.", "%(count)s e-mails sent.", sent) % {"count": sent}
            )
        if failed:
            messages.error(
                request,
                ngettext(
                    "%(count)s e-mail failed again; the error is shown in the outbox. It will be retried "
                    "automatically.",
                    "%(count)s e-mails failed again; the errors are shown in the outbox. They will be retried "
                    "automatically.",
                    failed,
                )
                % {"count": failed},
            )
        if not mails:
            messages.info(request, _("There are no failed e-mails."))
        return redirect(index_url)
    return TemplateResponse(
        request,
        "participation/admin/resend_mail.html",
        {"mails": mails, "page_title": _("Send e-mails again"), "index_url": index_url},
    )


class FailedMailPanel(Component):
    """On the dashboard: e-mails no automatic retry will send any more, for those who see the outbox."""

    name = "participation_failed_mail"
    order = 255

    def __init__(self, count):
        self.count = count

    def render_html(self, parent_context=None):
        return render_to_string(
            "participation/admin/failed_mail_panel.html",
            {"count": self.count, "url": reverse("participation_outbox:index") + "?delivery=failed"},
        )


@hooks.register("construct_homepage_panels")
def add_new_submissions_panel(request, panels):
    panels.append(NewSubmissionsPanel(request.user))


@hooks.register("construct_homepage_panels")
def add_failed_mail_panel(request, panels):
    if request.user.has_perm("participation.view_outgoingmail"):
        count = outbox.failed().count()
        if count:
            panels.append(FailedMailPanel(count))


# --- Pages with submissions cannot be deleted ----------------------------------------


def pages_to_delete(page):
    """The page, what Wagtail deletes with it (translations, see its cascade hook) and all their descendants."""
    roots = {page}
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        for fn in hooks.get_hooks("construct_translated_pages_to_cascade_actions"):
            for more in (fn([page], "delete") or {}).values():
                roots.update(more)
    ids = set()
    for root in roots:
        ids.update(Page.objects.descendant_of(root, inclusive=True).values_list("pk", flat=True))
    return ids


def refuse_deleting_pages_with_submissions(request, pages):
    """Registrations and expressions of interest protect their page (on_delete=PROTECT): say so
    instead of failing, and point to what the team can do."""
    page_ids = set()
    for page in pages:
        page_ids |= pages_to_delete(page)
    registrations, interests = services.submissions_on_pages(page_ids)
    if not (registrations or interests):
        return None
    return TemplateResponse(
        request,
        "participation/admin/page_has_submissions.html",
        {
            "pages": pages,
            "registrations": registrations,
            "interests": interests,
            "retention_days": settings.PARTICIPATION_RETENTION_DAYS,
            "page_title": _("This page cannot be deleted"),
        },
        status=409 if request.method == "POST" else 200,
    )


@hooks.register("before_delete_page")
def protect_pages_with_submissions(request, page):
    return refuse_deleting_pages_with_submissions(request, [page])


@hooks.register("before_bulk_action")
def protect_pages_with_submissions_in_bulk(request, action_type, objects, action_class_instance):
    if action_type == "delete" and objects and isinstance(objects[0], Page):
        return refuse_deleting_pages_with_submissions(request, list(objects))
    return None


@hooks.register("register_admin_urls")
def register_participation_admin_urls():
    urls = [
        path("registrations-by-event/", registrations_by_event, name="registrations_by_event"),
        path("personal-data/", personal_data, name="personal_data"),
        path("outbox/resend/", resend_mail, name="resend_failed_mail"),
        path("outbox/resend/<int:pk>/", resend_mail, name="resend_mail"),
    ]
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
