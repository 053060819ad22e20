"""Property-based run of the OpenAPI document against a live test server: no request gets a 500,
and every answer has a documented status and matches its schema. Bounded (examples per
operation), loopback only."""

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from tests.api.conftest import build_api_content

EXAMPLES = 12


@pytest.fixture
def wagtail_roots(transactional_db):
    """The rows Wagtail's migrations create, which an earlier transactional test's flush removed."""
    from wagtail.models import Collection, Locale, Page

    locale = Locale.objects.get_or_create(language_code="de")[0]
    if Page.get_first_root_node() is None:
        Page.add_root(title="Root", slug="root", locale=locale)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


@pytest.fixture
def committed_api_content(wagtail_roots):
    """Built and committed for this test alone: the live server's thread must see it."""
    return build_api_content()


# The live server needs committed data, hence a transactional test.
@pytest.mark.django_db(transaction=True)
def test_no_server_errors(wagtail_roots, live_server, committed_api_content):
    assert live_server.url.startswith("http://localhost") or live_server.url.startswith("http://127.0.0.1")
    document = requests.get(f"{live_server.url}/api/v2/openapi.json", timeout=10).json()
    document["servers"] = [{"url": live_server.url}]
    schema = schemathesis.openapi.from_dict(document)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 17
    session = requests.Session()
    failures = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case):
            response = case.call(base_url=live_server.url, session=session, allow_redirects=False, timeout=20)
            assert response.status_code < 500, (case.path, case.query, response.status_code)
            case.validate_response(
                response, checks=[not_a_server_error, status_code_conformance, response_schema_conformance]
            )

        try:
            run()
        except Exception as error:  # collect, so that one run shows every failing operation
            failures.append(f"{operation.method.upper()} {operation.path}: {error}"[:2000])
    assert not failures, "\n\n".join(failures)
