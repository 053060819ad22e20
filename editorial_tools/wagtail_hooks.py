from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem

from . import preview_links
from .views import BrokenLinksReportView, PagePreviewLinksView, PublishingCalendarView, RecheckLinksView


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("pages/<int:page_id>/preview-links/", PagePreviewLinksView.as_view(), name="preview_links"),
        path("reports/broken-links/", BrokenLinksReportView.as_view(), name="broken_links"),
        path(
            "reports/broken-links/results/",
            BrokenLinksReportView.as_view(results_only=True),
            name="broken_links_results",
        ),
        path("reports/broken-links/check/", RecheckLinksView.as_view(), name="recheck_links"),
        path("reports/publishing-calendar/", PublishingCalendarView.as_view(), name="publishing_calendar"),
    ]
    return [path("editorial-tools/", include((urls, "editorial_tools")))]


class PreviewLinksButton(PageMenuItem):
    label = _("Share preview")
    icon_name = "link"
    url_name = "editorial_tools:preview_links"

    def is_shown(self, user):
        return self.page.permissions_for_user(user).can_edit()


@hooks.register("register_page_header_buttons")
def preview_links_button(page, user, view_name, next_url=None):
    # In the editor's "more actions" menu, next to History.
    yield PreviewLinksButton(page=page, priority=66)


@hooks.register("register_log_actions")
def register_preview_link_actions(actions):
    actions.register_action(preview_links.CREATE_ACTION, _("Create preview link"), _("Preview link created"))
    actions.register_action(preview_links.REVOKE_ACTION, _("Revoke preview link"), _("Preview link revoked"))
    actions.register_action(preview_links.VIEW_ACTION, _("View via preview link"), _("Draft viewed via preview link"))


@hooks.register("register_reports_menu_item")
def register_broken_links_menu_item():
    return MenuItem(_("Broken links"), reverse("editorial_tools:broken_links"), icon_name="warning", order=8995)


@hooks.register("register_reports_menu_item")
def register_publishing_calendar_menu_item():
    return MenuItem(
        _("Publishing calendar"), reverse("editorial_tools:publishing_calendar"), icon_name="calendar", order=8996
    )
