"""Say what approving did: "approved and published" or "approved and scheduled for …".

Wagtail's edit view reports an approval as "Page … has been updated", and the dashboard's
*Freigeben* (pages/workflow.py WorkflowAction) reports nothing. Both views are subclassed here and
served at Wagtail's own addresses (cms/urls.py, before the admin's URLs); nothing else changes.
"""

from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.admin import messages
from wagtail.admin.auth import require_admin_access
from wagtail.admin.urls import display_custom_404
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.workflow import WorkflowAction
from wagtail.models import Page, TaskState
from wagtail.utils.urlpatterns import decorate_urlpatterns

APPROVE = "approve"


def approval_message(page_id):
    page = Page.objects.get(pk=page_id)
    title = page.get_admin_display_title()
    if page.current_workflow_task:
        return _("“%(title)s” has been approved in this step and now waits for “%(task)s”.") % {
            "title": title,
            "task": page.current_workflow_task.name,
        }
    if scheduled := page.scheduled_revision:
        go_live = date_format(timezone.localtime(scheduled.approved_go_live_at), "DATETIME_FORMAT")
        return _("“%(title)s” has been approved and is scheduled to go live on %(date)s.") % {
            "title": title,
            "date": go_live,
        }
    return _("“%(title)s” has been approved and published.") % {"title": title}


class ApprovalEditView(EditView):
    performed_workflow_action = None

    def perform_workflow_action(self):
        # Wagtail sets self.workflow_action also when the action turns out not to be allowed.
        self.performed_workflow_action = self.workflow_action
        return super().perform_workflow_action()

    def add_save_confirmation_message(self):
        if self.performed_workflow_action == APPROVE:
            messages.success(self.request, approval_message(self.page.pk))
        else:
            super().add_save_confirmation_message()


class ApprovalWorkflowAction(WorkflowAction):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db()
        if self.action_name == APPROVE and self.task_state.status == TaskState.STATUS_APPROVED:
            messages.success(request, approval_message(self.object.pk))
        return response


# Mounted under admin/pages/ in cms/urls.py, before the admin: Wagtail's reverse() of its own names
# gives these same addresses, which now reach the views above.
urlpatterns = [
    path("<int:page_id>/edit/", ApprovalEditView.as_view(), name="wagtailadmin_pages_edit_with_approval"),
    path(
        "workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        ApprovalWorkflowAction.as_view(),
        name="wagtailadmin_pages_workflow_action_with_approval",
    ),
]
# As Wagtail decorates its own admin views: a refused permission redirects to the dashboard with a
# message (not a bare 403), an unknown page is the admin's 404, nothing is cached.
for decorator in (require_admin_access, display_custom_404, never_cache):
    urlpatterns = decorate_urlpatterns(urlpatterns, decorator)
