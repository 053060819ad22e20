"""The approval workflow as the roles use it in the admin: Redaktion submits, Freigabe is e-mailed,
sees the page on the dashboard and approves it; Redaktion cannot publish; comments work on drafts."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Page, TaskState, WorkflowPage

from editorial.workflow import WORKFLOW_NAME
from home.factories import StandardPageFactory
from programmes.factories import ApplicantTypeFactory, CallForParticipationPageFactory, EventPageFactory

from .forms import call_form_data, comment, event_form_data


def edit(client, page, data):
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


@pytest.fixture
def draft_event(users):
    event = EventPageFactory(title="Infoveranstaltung Klimaschutz", live=False, owner=users.editor)
    event.save_revision(user=users.editor)
    return event


@pytest.fixture
def live_call(users):
    call = CallForParticipationPageFactory(title="Aufruf 2026")
    call.eligible_types.add(ApplicantTypeFactory())
    call.save_revision().publish()
    return call


@pytest.mark.django_db
class TestWorkflowAssignment:
    def test_freigabe_covers_calls_events_programme_and_the_german_tree(self, users, draft_event, live_call):
        from programmes.factories import ProgrammePageFactory

        programme = ProgrammePageFactory()
        for page in (draft_event, live_call, programme, StandardPageFactory(title="Impressum")):
            assert page.get_workflow().name == WORKFLOW_NAME, page
        assigned = set(
            WorkflowPage.objects.filter(workflow__name=WORKFLOW_NAME).values_list("page__url_path", flat=True)
        )
        assert {"/home/", "/home/aufrufe/", "/home/veranstaltungen/"} <= assigned

    def test_setup_keeps_an_assignment_changed_in_the_admin(self, synced_site):
        from django.core.management import call_command
        from wagtail.models import Workflow

        other = Workflow.objects.create(name="Eigene Prüfung")
        WorkflowPage.objects.filter(page=synced_site.call_index).update(workflow=other)
        call_command("setup_roles", stdout=__import__("io").StringIO())
        assert WorkflowPage.objects.get(page=synced_site.call_index).workflow == other


@pytest.mark.django_db
class TestApproval:
    def test_redaktion_cannot_publish_a_call(self, client, users, live_call):
        client.force_login(users.editor)
        response = edit(client, live_call, call_form_data(live_call, action="publish", title="Geänderter Aufruf"))
        assert response.status_code == 302, response.context["form"].errors
        live_call.refresh_from_db()
        assert live_call.title == "Aufruf 2026"  # the live version is unchanged …
        assert live_call.has_unpublished_changes  # … the change waits as a draft

    def test_redaktion_cannot_publish_a_new_event(self, client, users, draft_event):
        client.force_login(users.editor)
        edit(client, draft_event, event_form_data(draft_event, action="publish"))
        assert not Page.objects.get(pk=draft_event.pk).live

    def test_submit_notifies_freigabe_and_approval_publishes(self, client, users, draft_event):
        client.force_login(users.editor)
        mail.outbox.clear()
        response = edit(client, draft_event, event_form_data(draft_event, action="submit"))
        assert response.status_code == 302
        state = draft_event.current_workflow_state
        assert state is not None and state.workflow.name == WORKFLOW_NAME
        recipients = {address for message in mail.outbox for address in message.to}
        assert users.approver.email in recipients
        assert users.editor.email not in recipients and users.fr.email not in recipients

        # Freigabe sees it on the dashboard ("Awaiting your review") …
        client.force_login(users.approver)
        dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
        assert "Infoveranstaltung Klimaschutz" in dashboard
        task_state = TaskState.objects.get(workflow_state=state, status="in_progress")
        approve_url = reverse("wagtailadmin_pages:workflow_action", args=[draft_event.pk, "approve", task_state.pk])
        assert approve_url in dashboard
        # … and approves it: the event goes live.
        response = client.post(approve_url, {"comment": "Passt."})
        assert response.status_code in (200, 302)
        page = Page.objects.get(pk=draft_event.pk)
        assert page.live and not page.has_unpublished_changes

    def test_redaktion_cannot_approve(self, client, users, draft_event):
        client.force_login(users.editor)
        edit(client, draft_event, event_form_data(draft_event, action="submit"))
        task_state = TaskState.objects.get(status="in_progress")
        url = reverse("wagtailadmin_pages:workflow_action", args=[draft_event.pk, "approve", task_state.pk])
        client.post(url, {"comment": ""})
        assert not Page.objects.get(pk=draft_event.pk).live

    def test_freigabe_publishes_directly(self, client, users, draft_event):
        client.force_login(users.approver)
        response = edit(client, draft_event, event_form_data(draft_event, action="publish"))
        assert response.status_code == 302
        assert Page.objects.get(pk=draft_event.pk).live


@pytest.mark.django_db
def test_comment_on_a_draft(client, users, draft_event):
    client.force_login(users.editor)
    response = edit(client, draft_event, event_form_data(draft_event, comments=[comment("Bitte Datum prüfen")]))
    assert response.status_code == 302, response.content[:2000]
    page = Page.objects.get(pk=draft_event.pk)
    assert not page.live
    assert page.wagtail_admin_comments.get().text == "Bitte Datum prüfen"
    # The approver sees the comment in the editor.
    client.force_login(users.approver)
    assert "Bitte Datum pr" in client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()


@pytest.mark.django_db
class TestWagtailDefaultWorkflow:
    def test_translations_are_under_no_workflow(self, users, german_page):
        from wagtail.models import Workflow

        from editorial.tests.conftest import locale

        default = Workflow.objects.get(name="Moderators approval")  # made by Wagtail's migration 0048
        assert not default.active and not default.workflow_pages.exists()
        for code in ("fr", "ar-dz", "en"):
            assert german_page.get_translation(locale(code)).get_workflow() is None, code
        assert german_page.get_workflow().name == WORKFLOW_NAME

    def test_another_workflow_on_the_tree_root_is_left_alone(self, site):
        import io

        from django.core.management import call_command
        from wagtail.models import Workflow

        root = Page.get_first_root_node()
        own = Workflow.objects.create(name="Gesamtprüfung")
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": own})
        call_command("setup_roles", stdout=io.StringIO())
        assert WorkflowPage.objects.get(page=root).workflow == own


def submitted(client, users, page, **changes):
    """``page`` submitted by Redaktion; Freigabe logged in. Returns the task state to approve."""
    client.force_login(users.editor)
    edit(client, page, event_form_data(page, action="submit", **changes))
    client.force_login(users.approver)
    return TaskState.objects.get(status="in_progress")


def messages_of(response):
    from django.contrib.messages import get_messages

    """The approval's messages (the submission's own message is still queued in these tests)."""
    return [str(message).strip() for message in get_messages(response.wsgi_request) if "freigegeben" in str(message)]


@pytest.mark.django_db
class TestApprovalSaysWhatHappened:
    def test_approving_in_the_editor_says_published(self, client, users, draft_event):
        submitted(client, users, draft_event)
        data = event_form_data(draft_event)
        data["action-workflow-action"] = "true"
        data["workflow-action-name"] = "approve"
        response = edit(client, draft_event, data)
        assert response.status_code == 302
        assert messages_of(response) == ["„Infoveranstaltung Klimaschutz“ wurde freigegeben und veröffentlicht."]

    def test_approving_from_the_dashboard_says_published_and_mails_the_comment(self, client, users, draft_event):
        task_state = submitted(client, users, draft_event)
        mail.outbox.clear()
        url = reverse("wagtailadmin_pages:workflow_action", args=[draft_event.pk, "approve", task_state.pk])
        response = client.post(url, {"comment": "Bitte noch das Foto tauschen."}, follow=True)
        assert "wurde freigegeben und veröffentlicht" in response.content.decode()
        to_author = [message for message in mail.outbox if users.editor.email in message.to]
        assert len(to_author) == 1
        assert "Bitte noch das Foto tauschen." in to_author[0].body

    def test_approving_a_scheduled_page_says_when_it_goes_live(self, client, users, draft_event):
        import datetime

        from django.utils import timezone

        go_live = timezone.now() + datetime.timedelta(days=3)
        task_state = submitted(
            client, users, draft_event, go_live_at=timezone.localtime(go_live).strftime("%Y-%m-%d %H:%M")
        )
        url = reverse("wagtailadmin_pages:workflow_action", args=[draft_event.pk, "approve", task_state.pk])
        response = client.post(url, {"comment": ""})
        [message] = messages_of(response)
        assert "ist freigegeben und zur Veröffentlichung am" in message and "geplant" in message
        assert not Page.objects.get(pk=draft_event.pk).live

    def test_an_approval_redaktion_may_not_give_claims_nothing(self, client, users, draft_event):
        submitted(client, users, draft_event)
        client.force_login(users.editor)
        data = event_form_data(draft_event)
        data["action-workflow-action"] = "true"
        data["workflow-action-name"] = "approve"
        response = edit(client, draft_event, data)
        assert messages_of(response) == []
        assert not Page.objects.get(pk=draft_event.pk).live

    def test_requesting_changes_says_nothing_new(self, client, users, draft_event):
        task_state = submitted(client, users, draft_event)
        url = reverse("wagtailadmin_pages:workflow_action", args=[draft_event.pk, "reject", task_state.pk])
        response = client.post(url, {"comment": "Datum fehlt."})
        assert messages_of(response) == []
