"""The base of the platform's dashboard panels, which the apps add through Wagtail's
``construct_homepage_panels`` hook (editorial: the translation queue; programmes: call deadlines and
upcoming events; participation: new submissions).

Each panel runs a fixed number of queries, however much content there is (tests pin the counts).
"""

from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import GroupPagePermission, Revision, WorkflowState

from cms.languages import default_language


def source_pages(queryset):
    """German originals only: their translations and aliases share the dates."""
    return queryset.filter(locale__language_code=default_language(), alias_of__isnull=True)


def with_moderation_status(queryset):
    """Annotate ``in_moderation`` and ``scheduled`` in the same query (Wagtail's status queries per page);
    the template cms/dashboard/_status.html shows them."""
    is_page = Q(base_content_type__app_label="wagtailcore", base_content_type__model="page")
    object_id = Cast(OuterRef("pk"), CharField())
    return queryset.annotate(
        in_moderation=Exists(
            WorkflowState.objects.filter(is_page, object_id=object_id, status=WorkflowState.STATUS_IN_PROGRESS)
        ),
        scheduled=Exists(Revision.objects.filter(is_page, object_id=object_id, approved_go_live_at__isnull=False)),
    )


_CAN_EDIT_ATTRIBUTE = "_kz_can_edit_source_pages"


def can_edit_source_pages(user):
    """Whether ``user`` may edit German pages (a grant on the German tree or the tree root). One query,
    cached on the user object for the request."""
    if user.is_superuser:
        return True
    if not hasattr(user, _CAN_EDIT_ATTRIBUTE):
        grants = GroupPagePermission.objects.filter(group__user=user, permission__codename="change_page")
        value = grants.filter(Q(page__depth=1) | Q(page__locale__language_code=default_language())).exists()
        setattr(user, _CAN_EDIT_ATTRIBUTE, value)
    return getattr(user, _CAN_EDIT_ATTRIBUTE)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


class DashboardPanel(Component):
    template_name = None

    def __init__(self, user):
        self.user = user
        # Asked here, not while rendering: the render's query count stays the panel's own.
        self.can_edit = can_edit_source_pages(user)

    def get_context(self):
        """The template's context; each panel gives its own."""
        raise NotImplementedError

    def render_html(self, parent_context=None):
        return render_to_string(self.template_name, self.get_context())
