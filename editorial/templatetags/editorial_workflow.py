"""For the approval e-mail to the author: the approver's comment, which Wagtail leaves out."""

from django import template
from wagtail.models import TaskState, WorkflowState

register = template.Library()


@register.simple_tag
def approval_comment(obj):
    """The comment of the last approval in the object's most recently approved workflow."""
    workflow_state = (
        WorkflowState.objects.for_instance(obj)
        .filter(status=WorkflowState.STATUS_APPROVED)
        .order_by("-created_at")
        .first()
    )
    if workflow_state is None:
        return ""
    task_state = (
        TaskState.objects.filter(workflow_state=workflow_state, status=TaskState.STATUS_APPROVED)
        .order_by("-finished_at")
        .first()
    )
    return task_state.get_comment() if task_state else ""
