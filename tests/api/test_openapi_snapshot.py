"""The OpenAPI document, byte for byte, against a snapshot (tests/api/openapi_snapshot.json).

The document is built from what the apps contribute (cms/platform.py); a change to a contribution
that alters the API contract shows here as a diff to review. The snapshot pins the contributions of
``SNAPSHOT_APPS`` only: an app added later pins its own additions in its own tests, so installing it
changes no file outside it. After a deliberate change, rewrite the snapshot with:
    DJANGO_SETTINGS_MODULE=settings.test .venv/bin/python -c "import django; django.setup(); \
from tests.api.test_openapi_snapshot import snapshot_text; print(snapshot_text(), end='')" \
> tests/api/openapi_snapshot.json
"""

import json
from contextlib import contextmanager
from pathlib import Path

import pytest

from cms.api.endpoints import api_page_models
from cms.api.openapi import build_document
from cms.platform import registry

SNAPSHOT = Path(__file__).with_name("openapi_snapshot.json")
# The apps installed when the snapshot was taken.
SNAPSHOT_APPS = ("cms", "home", "programmes", "search", "editorial", "editorial_tools", "participation", "security")


@contextmanager
def contributions_of(app_labels):
    """The registry with the contributions of ``app_labels`` only, each still under its own app."""
    kept = [(label, contribution) for label, contribution in registry.contributions_by_app() if label in app_labels]
    with registry.override():
        for label, contribution in kept:
            registry.register(contribution, app_label=label)
        yield


def snapshot_text():
    # Text, not parsed JSON: the order of keys and enum values is part of what clients download.
    with contributions_of(SNAPSHOT_APPS):
        return json.dumps(build_document(), indent=2, ensure_ascii=False) + "\n"


def test_document_equals_the_snapshot():
    assert snapshot_text() == SNAPSHOT.read_text()


@pytest.mark.django_db
def test_the_served_document_describes_every_installed_app(client):
    served = client.get("/api/v2/openapi.json").json()

    full = build_document()
    assert served["paths"] == full["paths"]
    assert served["components"] == full["components"]
    type_parameter = next(p for p in served["paths"]["/api/v2/pages/"]["get"]["parameters"] if p.get("name") == "type")
    assert type_parameter["schema"]["enum"] == [model._meta.label for model in api_page_models()]
