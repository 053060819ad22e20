"""The "Freigabe" approval workflow: German pages go live only after a member of Freigabe approves them.

The workflow is assigned to the German home page (so every German page is covered: Redaktion has no
"publish" permission anywhere) and, explicitly, to the German pages of the sections registered with
``approval=True`` (cms/platform.py; programmes: the call index, the event index and programme pages).
Those explicit assignments keep them under approval even if an administrator later changes the home
page's workflow in Settings › Workflows.

Translations (fr, ar-dz, en) are not put under this workflow: wagtail-localize's translation editor
offers only "Publish" (no "Submit for moderation"), the translators publish their own language, and
the German source they translate has already been approved. docs/editors.md explains this.

Wagtail's own migration assigns a workflow "Moderators approval" (group Moderators, which this
platform leaves empty) to the tree root, so it would cover the translations, where nobody but a
superuser could approve. ``setup_workflow`` deactivates that default workflow; any other workflow on
the tree root is left in place.

Like ``setup_roles``, ``setup_workflow`` only adds what is missing: an assignment an administrator
changed in the admin is left alone.
"""

from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Locale, Page, Task, Workflow, WorkflowPage, WorkflowTask

from cms.platform import registry

from .groups import ADMIN_GROUP, APPROVER_GROUP, locale_homes

WORKFLOW_NAME = "Freigabe"
TASK_NAME = "Freigabe durch die Programmleitung"

# What Wagtail's migration 0048 creates for its default group "Moderators".
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"
WAGTAIL_DEFAULT_GROUP = "Moderators"


def approval_workflow():
    """The workflow and its single group-approval task, created if missing.

    Administratoren are among the task's groups: unlike superusers they are not approvers by default,
    and a page submitted while Freigabe is away must not wait for a superuser.
    """
    groups = [Group.objects.get_or_create(name=name)[0] for name in (APPROVER_GROUP, ADMIN_GROUP)]
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(*groups)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def covered_pages():
    """The German pages the workflow is assigned to: the home page and the sections under approval."""
    home = locale_homes().get(Locale.get_default().language_code)
    if home is None:
        return []
    models = [page_type.model for page_type in registry.section_page_types() if page_type.section.approval]
    sections = Page.objects.descendant_of(home).exact_type(*models).filter(alias_of__isnull=True)
    return [home, *sections]


def is_wagtail_default_workflow(workflow):
    """Wagtail's own "Moderators approval": every task a group approval by Moderators alone."""
    if workflow.name != WAGTAIL_DEFAULT_WORKFLOW:
        return False
    tasks = Task.objects.filter(workflow_tasks__workflow=workflow).specific()
    return bool(tasks) and all(
        isinstance(task, GroupApprovalTask)
        and set(task.groups.values_list("name", flat=True)) == {WAGTAIL_DEFAULT_GROUP}
        for task in tasks
    )


def retire_wagtail_default_workflow():
    """Deactivate Wagtail's default workflow on the tree root. Returns report lines."""
    tree_root = Page.get_first_root_node()
    assignment = WorkflowPage.objects.filter(page=tree_root).select_related("workflow").first()
    if tree_root is None or assignment is None or not is_wagtail_default_workflow(assignment.workflow):
        return []
    workflow = assignment.workflow
    assignment.delete()
    if workflow.workflow_pages.exists() or workflow.workflow_content_types.exists():
        return [f"Workflow {workflow.name}: detached from the tree root (still assigned elsewhere)"]
    workflow.deactivate()  # also cancels translations left waiting in it
    return [f"Workflow {workflow.name}: detached from the tree root and deactivated"]


def setup_workflow():
    """Create the workflow and assign it where no workflow is assigned yet. Returns report lines."""
    workflow = approval_workflow()
    report = retire_wagtail_default_workflow()
    for page in covered_pages():
        assignment, created = WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
        state = "assigned" if created else f"keeps workflow {assignment.workflow.name!r}"
        report.append(f"Workflow {WORKFLOW_NAME}: {page.url_path} {state}")
    if not any(line.startswith(f"Workflow {WORKFLOW_NAME}:") for line in report):
        report.append(f"Workflow {WORKFLOW_NAME}: no German home page yet; rerun setup_roles after creating it")
    return report
