"""Admin views of the editorial tools: a page's preview links, the broken-link report and the
publishing calendar."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import preview_links, publishing_calendar
from .forms import PreviewLinkForm
from .link_check import check_links
from .models import LinkProblem, PreviewLink


class PagePreviewLinksView(WagtailAdminTemplateMixin, TemplateView):
    """A page's active preview links, with a form to create one and a button to revoke each.
    Whoever may edit the page may share its draft."""

    page_title = gettext_lazy("Preview links")
    header_icon = "link"
    template_name = "editorial_tools/preview_links.html"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page.objects.select_related("locale"), pk=page_id)
        if not self.page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    @cached_property
    def here(self):
        return reverse("editorial_tools:preview_links", args=[self.page.pk])

    def get_context_data(self, **kwargs):
        links = list(PreviewLink.objects.active().filter(page=self.page).select_related("created_by"))
        for link in links:
            link.page = self.page  # with its locale already loaded: no query per link
            link.shared_url = preview_links.shared_url(self.request, link)
        return super().get_context_data(
            **kwargs,
            page=self.page,
            links=links,
            form=kwargs.get("form") or PreviewLinkForm(),
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
            history_url=reverse("wagtailadmin_pages:history", args=[self.page.pk]),
        )

    def post(self, request, page_id):
        if "revoke" in request.POST:
            link_id = request.POST["revoke"]
            active = PreviewLink.objects.active().filter(page=self.page)
            link = active.filter(pk=link_id).first() if link_id.isdigit() else None
            if link is not None:
                preview_links.revoke_link(link, request.user)
                messages.success(request, _("The preview link was revoked; it no longer shows the draft."))
            return redirect(self.here)
        form = PreviewLinkForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        link = preview_links.create_link(self.page, request.user, form.cleaned_data["days"])
        messages.success(request, _("Preview link created. Copy it from the list below."))
        return redirect(f"{self.here}#link-{link.pk}")


def editable_pages(user):
    # Privacy: a page's links are shown to those who may edit the page, so nobody learns from the
    # report what a private section or another language's draft links to.
    return PagePermissionPolicy().instances_user_has_permission_for(user, "change")


class BrokenLinksReportView(ReportView):
    page_title = gettext_lazy("Broken links")
    header_icon = "warning"
    index_url_name = "editorial_tools:broken_links"
    index_results_url_name = "editorial_tools:broken_links_results"
    results_template_name = "editorial_tools/broken_links_results.html"
    template_name = "editorial_tools/broken_links.html"
    no_results_message = gettext_lazy("No broken links were found in the last check.")
    paginate_by = 50

    def get_queryset(self):
        return LinkProblem.objects.filter(page__in=editable_pages(self.request.user)).select_related("page")

    def decorate_paginated_queryset(self, object_list):
        problems = list(object_list)
        targets = Page.objects.filter(pk__in={p.target_page_id for p in problems if p.target_page_id}).only(
            "id", "title", "draft_title"
        )
        titles = {page.pk: page.get_admin_display_title() for page in targets}
        for problem in problems:
            problem.target_title = titles.get(problem.target_page_id)
        return problems

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, recheck_url=reverse("editorial_tools:recheck_links"))


class RecheckLinksView(View):
    """Queues a new check of one page's links, or of every page's when none is given."""

    def post(self, request):
        page_id = request.POST.get("page")
        if page_id:
            page = get_object_or_404(Page, pk=page_id if page_id.isdigit() else None)
            if not page.permissions_for_user(request.user).can_edit():
                raise PermissionDenied
            check_links.enqueue([page.pk])
        else:
            check_links.enqueue()
        messages.success(
            request, _("The links are being checked in the background. Reload the report in a few minutes.")
        )
        return redirect("editorial_tools:broken_links")


class PublishingCalendarView(WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Publishing calendar")
    header_icon = "calendar"
    template_name = "editorial_tools/publishing_calendar.html"

    def get(self, request, *args, **kwargs):
        self.locales = list(Locale.objects.all())
        self.chosen_locale = next((loc for loc in self.locales if loc.language_code == request.GET.get("locale")), None)
        self.days = publishing_calendar.calendar_days(self.chosen_locale)
        if request.GET.get("format") == "ics":
            response = HttpResponse(
                publishing_calendar.ical(self.days, request, str(self.page_title)), content_type="text/calendar"
            )
            response["Content-Disposition"] = 'attachment; filename="publishing-calendar.ics"'
            add_never_cache_headers(response)
            return response
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ical_query = {"format": "ics"}
        if self.chosen_locale:
            ical_query["locale"] = self.chosen_locale.language_code
        return super().get_context_data(
            **kwargs,
            days=self.days,
            locales=self.locales,
            chosen_locale=self.chosen_locale,
            time_zone=timezone.get_current_timezone_name(),
            ical_url=f"{self.request.path}?{urlencode(ical_query)}",
        )
