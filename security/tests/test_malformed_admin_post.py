"""An admin page edit posted without its StreamField management field answers 400 in German, not 500."""

import pytest

pytestmark = pytest.mark.django_db


def test_page_edit_without_body_count_is_a_bad_request(admin_client, site):
    page = site.home  # has a StreamField body
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", {"title": "Neu", "slug": page.slug})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Das Formular war unvollständig" in body
    assert "Es wurde nichts gespeichert." in body
    page.refresh_from_db()
    assert page.title != "Neu"


def test_a_missing_key_that_was_posted_is_not_hidden(rf, admin_user):
    """Only keys absent from the post count as malformed input; anything else stays a server error."""
    from django.utils.datastructures import MultiValueDictKeyError

    from security.middleware import MalformedAdminPostMiddleware

    middleware = MalformedAdminPostMiddleware(lambda request: None)
    posted = rf.post("/admin/pages/1/edit/", {"body-count": "0"})
    assert middleware.process_exception(posted, MultiValueDictKeyError("body-count")) is None
    outside = rf.post("/de/participation/events/1/register/", {})
    assert middleware.process_exception(outside, MultiValueDictKeyError("body-count")) is None
    missing = rf.post("/admin/pages/1/edit/", {})
    missing.user = admin_user
    assert middleware.process_exception(missing, MultiValueDictKeyError("body-count")).status_code == 400
