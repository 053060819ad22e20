"""The OpenAPI document, byte for byte, against a snapshot (tests/api/openapi_snapshot.json).

The document is built from what the apps contribute (cms/platform.py); a change to a contribution
that alters the API contract shows here as a diff to review. After a deliberate change, rewrite the
snapshot with:
    .venv/bin/python -c "import django, json; django.setup(); from cms.api.openapi import build_document; \
print(json.dumps(build_document(), indent=2, ensure_ascii=False))" > tests/api/openapi_snapshot.json
(with DJANGO_SETTINGS_MODULE=settings.test).
"""

import json
from pathlib import Path

from cms.api.openapi import build_document

SNAPSHOT = Path(__file__).with_name("openapi_snapshot.json")


def test_document_equals_the_snapshot():
    # Text, not parsed JSON: the order of keys and enum values is part of what clients download.
    built = json.dumps(build_document(), indent=2, ensure_ascii=False) + "\n"
    assert built == SNAPSHOT.read_text()
