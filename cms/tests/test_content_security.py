"""Content-Security-Policy, Permissions-Policy and Cross-Origin-Resource-Policy headers, and /csp-report/."""

import json
import logging

import pytest
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from storages.backends.s3 import S3Storage

from cms.content_security import policies
from cms.content_security.middleware import permissions_policy_header

REPORTS_LOGGER = "cms.content_security.reports"
CSP = "Content-Security-Policy"
CSP_RO = "Content-Security-Policy-Report-Only"


def parse(header):
    """``"default-src 'self'; img-src 'self' data:"`` as ``{"default-src": ["'self'"], "img-src": [...]}``."""
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        assert name not in directives, f"{name} twice in {header}"
        directives[name] = values
    return directives


def assert_strict(policy):
    for values in policy.values():
        assert "'unsafe-inline'" not in values and "'unsafe-eval'" not in values, policy


# --- the headers ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_page_gets_the_strict_public_policy(client, site):
    response = client.get("/de/")
    assert response.status_code == 200
    policy = parse(response[CSP])
    assert_strict(policy)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'"]  # media on this site's own disk
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]  # as X-Frame-Options: DENY says
    assert response["X-Frame-Options"] == "DENY"
    assert policy["report-uri"] == [reverse("csp_report")]
    assert policy["report-to"] == [policies.REPORT_GROUP]
    assert response["Reporting-Endpoints"] == f'{policies.REPORT_GROUP}="http://testserver/csp-report/"'
    assert CSP_RO not in response
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["Referrer-Policy"] == "same-origin"  # Django's default, kept


@pytest.mark.django_db
def test_every_page_and_the_search_get_the_policy_with_permissions_policy(client, site):
    for path in ["/de/", "/de/aufrufe/", "/de/veranstaltungen/", "/de/search/?q=x", "/fr/", "/ar-dz/", "/en/"]:
        response = client.get(path, follow=True)
        assert "script-src 'self';" in response[CSP] + ";", path
        permissions = dict(item.split("=") for item in response["Permissions-Policy"].split(", "))
        for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
            assert permissions[feature] == "()", (path, feature)


@pytest.mark.django_db
def test_the_api_and_the_feeds_may_load_and_run_nothing_and_may_be_loaded_by_other_sites(client, site):
    for path in ["/api/v2/pages/?locale=de", "/de/feeds/calls.atom", "/de/calendar/events.ics", "/sitemap.xml"]:
        response = client.get(path)
        assert response.status_code == 200, path
        policy = parse(response[CSP])
        assert policy["default-src"] == ["'none'"], path
        assert policy["frame-ancestors"] == ["'none'"], path
        assert policy["form-action"] == ["'none'"] and policy["base-uri"] == ["'none'"], path
        assert "script-src" not in policy, path
        assert response["Cross-Origin-Resource-Policy"] == "cross-origin", path
        assert "Permissions-Policy" in response, path


@pytest.mark.django_db
def test_a_public_response_reuses_the_headers_built_for_its_kind(client, site, monkeypatch):
    from csp import middleware as csp_middleware

    built = []
    build_policy = csp_middleware.build_policy
    monkeypatch.setattr(csp_middleware, "build_policy", lambda *a, **kw: built.append(1) or build_policy(*a, **kw))
    paths = ["/de/", "/api/v2/pages/?locale=de", "/widget/?lang=fr&kind=events"]
    first = {path: client.get(path) for path in paths}
    count = len(built)
    again = {path: client.get(path) for path in paths}
    # Only the widget (its own frame-ancestors, a view's policy) builds its header again.
    assert len(built) - count == 2
    for path in paths:
        for header in (CSP, "Reporting-Endpoints"):
            assert again[path][header] == first[path][header], (path, header)
    assert parse(again["/de/"][CSP])["script-src"] == ["'self'"]
    assert parse(again["/api/v2/pages/?locale=de"][CSP])["default-src"] == ["'none'"]
    assert parse(again["/widget/?lang=fr&kind=events"][CSP])["frame-ancestors"] == ["*"]
    # The policies are settings: a changed one is built anew.
    policy = {"DIRECTIVES": {**settings.CONTENT_SECURITY_POLICY["DIRECTIVES"], "img-src": ["'self'", "data:"]}}
    with override_settings(CONTENT_SECURITY_POLICY=policy):
        assert parse(client.get("/de/")[CSP])["img-src"] == ["'self'", "data:"]
    assert parse(client.get("/de/")[CSP])["img-src"] == ["'self'"]


@pytest.mark.django_db
def test_the_widget_may_be_framed_by_any_site_by_default(client, site):
    response = client.get("/widget/?lang=fr&kind=events")
    assert response.status_code == 200
    policy = parse(response[CSP])
    assert_strict(policy)
    assert policy["frame-ancestors"] == ["*"]
    assert policy["script-src"] == ["'self'"] and policy["connect-src"] == ["'self'"]
    assert "X-Frame-Options" not in response
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"


@pytest.mark.django_db
@override_settings(WIDGET_FRAME_ANCESTORS=["https://partner.example.org", "https://www.tlemcen.example"])
def test_the_widget_may_be_framed_only_by_the_configured_partner_sites(client, site):
    policy = parse(client.get("/widget/?lang=de")[CSP])
    assert policy["frame-ancestors"] == ["https://partner.example.org", "https://www.tlemcen.example"]
    # A bad request is still the widget's: the partner's frame shows the error.
    bad = client.get("/widget/?lang=xx")
    assert bad.status_code == 400
    assert parse(bad[CSP])["frame-ancestors"] == ["https://partner.example.org", "https://www.tlemcen.example"]


@pytest.mark.django_db
@override_settings(ALLOWED_HOSTS=["testserver"])
def test_a_forged_host_gets_its_400_with_the_policy(client, site):
    response = client.get("/de/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "default-src" in response[CSP]
    # The report endpoint is under the public address, never under the Host the request named.
    assert response["Reporting-Endpoints"] == f'{policies.REPORT_GROUP}="http://testserver/csp-report/"'


@pytest.mark.django_db
def test_the_widget_demo_page_is_an_ordinary_page(client, site):
    response = client.get("/widget/demo/")
    assert parse(response[CSP])["frame-ancestors"] == ["'none'"]
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


@pytest.mark.django_db
def test_the_admin_enforces_what_wagtail_allows_and_reports_the_rest(admin_client, site):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    enforced, report_only = parse(response[CSP]), parse(response[CSP_RO])
    # Wagtail's inline <script>s and <style>s run, inline event handlers do not.
    assert enforced["script-src"] == ["'self'", "'unsafe-inline'"]
    assert enforced["script-src-attr"] == ["'none'"]
    assert "'unsafe-eval'" not in response[CSP]
    assert enforced["object-src"] == ["'none'"] and enforced["base-uri"] == ["'self'"]
    assert enforced["form-action"] == ["'self'"] and enforced["frame-ancestors"] == ["'none'"]
    assert_strict(report_only)
    assert report_only["script-src"] == ["'self'"] and report_only["style-src"] == ["'self'"]
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    # The login page too, before anyone is signed in.
    assert parse(Client().get("/admin/login/")[CSP])["script-src-attr"] == ["'none'"]


@pytest.mark.parametrize(
    ("frame_options", "frame_ancestors"), [("SAMEORIGIN", ["'self'"]), ("DENY", ["'none'"]), (None, ["'self'"])]
)
def test_frame_ancestors_agrees_with_x_frame_options(rf, frame_options, frame_ancestors):
    """Wagtail's preview views answer SAMEORIGIN (the editor's preview panel), its other views DENY: browsers
    that know frame-ancestors ignore X-Frame-Options, so the policy must say the same."""
    response = HttpResponse()
    if frame_options:
        response["X-Frame-Options"] = frame_options
    policy = policies.policy_for(rf.get("/admin/pages/3/edit/preview/"), response)
    assert policy["frame-ancestors"] == frame_ancestors
    assert policies.policy_for(rf.get("/admin/"), response, report_only=True)["frame-ancestors"] == frame_ancestors
    assert policies.policy_for(rf.get("/de/"), response, report_only=True) is None


@pytest.mark.django_db
def test_wagtails_preview_leaves_the_policy_to_the_admins_real_request(admin_client, site):
    """Wagtail renders a preview through the middleware with a dummy request for the page's public URL. The
    public policy (frame-ancestors 'none') on it would stop the editor's preview panel from showing it."""
    request = admin_client.get("/admin/").wsgi_request
    preview = site.home.make_preview_request(request, site.home.default_preview_mode)
    assert preview.status_code == 200
    assert CSP not in preview and "Cross-Origin-Resource-Policy" not in preview


def test_no_public_policy_allows_inline_code_or_eval(settings):
    for name in (
        "CONTENT_SECURITY_POLICY",
        "CONTENT_SECURITY_POLICY_NON_HTML",
        "CONTENT_SECURITY_POLICY_ADMIN_REPORT_ONLY",
    ):
        assert_strict(getattr(settings, name)["DIRECTIVES"])
    for name in ("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_NON_HTML", "CONTENT_SECURITY_POLICY_ADMIN"):
        directives = getattr(settings, name)["DIRECTIVES"]
        assert directives["report-uri"] == [reverse("csp_report")], name
        assert directives["object-src" if "object-src" in directives else "default-src"] == ["'none'"], name


def test_permissions_policy_header_syntax():
    header = permissions_policy_header(
        {"camera": [], "fullscreen": ["self"], "autoplay": ["self", "https://a.example"]}
    )
    assert header == 'camera=(), fullscreen=(self), autoplay=(self "https://a.example")'
    assert permissions_policy_header({"geolocation": ["*"]}) == "geolocation=*"


# --- media on another origin --------------------------------------------------------------------


def test_media_on_this_site_adds_no_origin(tmp_path):
    assert policies.media_origin(FileSystemStorage(location=tmp_path, base_url="/media/")) is None
    remote = FileSystemStorage(location=tmp_path, base_url="https://media.example.org/files/")
    assert policies.media_origin(remote) == "https://media.example.org"


@pytest.mark.parametrize(
    ("options", "origin"),
    [
        # The origins are those of the URLs S3Storage really writes (botocore's rules, no network).
        ({"custom_domain": "cdn.example.org/media"}, "https://cdn.example.org"),
        ({"endpoint_url": "https://s3.example.org:9000"}, "https://s3.example.org:9000"),
        ({"endpoint_url": "https://s3.example.org", "addressing_style": "virtual"}, "https://kz-media.s3.example.org"),
        ({"region_name": "eu-central-1"}, "https://kz-media.s3.amazonaws.com"),
        ({"bucket_name": "kz.media", "region_name": "eu-central-1"}, "https://s3.eu-central-1.amazonaws.com"),
    ],
)
def test_media_origin_of_s3_storage(options, origin):
    storage = S3Storage(**{"bucket_name": "kz-media", "querystring_auth": False, **options})
    assert policies.media_origin(storage) == origin
    assert storage.url("images/a.jpg").startswith(origin + "/")


def test_media_origin_of_signed_s3_urls_needs_no_credentials(monkeypatch):
    # No credentials anywhere: signing would look them up (instance metadata: a network call).
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    storage = S3Storage(bucket_name="kz-media", querystring_auth=True, endpoint_url="https://minio.example.org")
    assert policies.media_origin(storage) == "https://minio.example.org"


def test_media_origin_unknown_is_logged_and_leaves_self_only(caplog):
    class Broken(FileSystemStorage):
        def url(self, name):
            raise RuntimeError("misconfigured")

    with caplog.at_level(logging.WARNING):
        assert policies.media_origin(Broken()) is None
    assert "img-src allows this site's own origin only" in caplog.text


@pytest.mark.django_db
def test_s3_media_origin_is_allowed_for_images_on_pages_and_in_the_admin(site, django_user_model):
    storages = {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {"bucket_name": "kz-media", "custom_domain": "media.kommunal.example.org"},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        client = Client()  # its middleware, and so the media origin, is set up with these settings
        page = parse(client.get("/de/")[CSP])
        client.force_login(django_user_model.objects.create_superuser("m", "m@example.org", "x"))
        admin = parse(client.get("/admin/")[CSP])
    assert page["img-src"] == ["'self'", "https://media.kommunal.example.org"]
    assert admin["img-src"][-1] == "https://media.kommunal.example.org"
    assert page["script-src"] == ["'self'"]


# --- the report endpoint -------------------------------------------------------------------------

REPORT_URI_BODY = {
    "csp-report": {
        "document-uri": "https://kommunal.example.org/de/participation/confirm/secret-token/",
        "referrer": "https://search.example/?q=erika+mustermann",
        "violated-directive": "script-src-elem",
        "effective-directive": "script-src-elem",
        "original-policy": "default-src 'self'; script-src 'self'; report-uri /csp-report/",
        "disposition": "enforce",
        "blocked-uri": "https://evil.example/x.js?session=abc123#frag",
        "line-number": 12,
        "source-file": "https://kommunal.example.org/de/",
        "status-code": 200,
        "script-sample": "alert('erika@example.org')",
    }
}
REPORTING_API_BODY = [
    {
        "type": "csp-violation",
        "age": 10,
        "url": "https://kommunal.example.org/de/",
        "user_agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0",
        "body": {
            "documentURL": "https://kommunal.example.org/de/",
            "blockedURL": "inline",
            "effectiveDirective": "style-src-attr",
            "disposition": "report",
            "originalPolicy": "style-src 'self'",
            "sample": "color: red",
            "statusCode": 200,
        },
    },
    {"type": "deprecation", "age": 1, "url": "https://kommunal.example.org/de/", "body": {"id": "x"}},
]


def post(client, body, content_type="application/csp-report", **extra):
    data = body if isinstance(body, bytes | str) else json.dumps(body)
    return client.post(reverse("csp_report"), data=data, content_type=content_type, **extra)


@pytest.fixture
def reports_log(caplog):
    caplog.set_level(logging.WARNING, logger=REPORTS_LOGGER)
    return lambda: [(r.levelname, r.getMessage()) for r in caplog.records if r.name == REPORTS_LOGGER]


def test_a_report_uri_report_is_logged_without_personal_data(client, reports_log, caplog):
    response = post(client, REPORT_URI_BODY, REMOTE_ADDR="198.51.100.7", HTTP_USER_AGENT="Erika's browser")
    assert response.status_code == 204
    assert reports_log() == [
        ("WARNING", "Content-Security-Policy violation (enforce): script-src-elem blocked https://evil.example/x.js")
    ]
    for private in ("abc123", "secret-token", "erika", "198.51.100.7", "search.example", "alert"):
        assert private not in caplog.text.lower()


def test_a_reporting_api_batch_is_logged_report_by_report(client, reports_log):
    response = post(client, REPORTING_API_BODY, content_type="application/reports+json")
    assert response.status_code == 204
    assert reports_log() == [("WARNING", "Content-Security-Policy violation (report): style-src-attr blocked inline")]


def test_csrf_protection_does_not_stop_reports(reports_log):
    assert post(Client(enforce_csrf_checks=True), REPORT_URI_BODY).status_code == 204
    assert len(reports_log()) == 1


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"not json", "application/csp-report"),
        (b"", "application/csp-report"),
        ([1, 2], "application/csp-report"),
        ({"csp-report": "x"}, "application/csp-report"),
        ({"something": {}}, "application/json"),
        (
            {"csp-report": {"effective-directive": "script-src; drop table", "blocked-uri": "inline"}},
            "application/json",
        ),
        ({"csp-report": {"blocked-uri": "inline"}}, "application/csp-report"),
        (REPORT_URI_BODY, "text/plain"),
        (REPORT_URI_BODY, "application/x-www-form-urlencoded"),
        ({"type": "csp-violation"}, "application/reports+json"),
        ([], "application/reports+json"),
        (["x"], "application/reports+json"),
        ([{"type": "csp-violation", "body": "x"}], "application/reports+json"),
        (REPORTING_API_BODY * 30, "application/reports+json"),
        (b"\xff\xfe{", "application/csp-report"),
    ],
)
def test_junk_is_rejected_with_400_and_not_logged(client, reports_log, body, content_type):
    assert post(client, body, content_type=content_type).status_code == 400
    assert reports_log() == []


def test_only_post_and_no_huge_bodies(client, reports_log):
    assert client.get(reverse("csp_report")).status_code == 405
    huge = {"csp-report": {**REPORT_URI_BODY["csp-report"], "script-sample": "x" * 70_000}}
    assert post(client, huge).status_code == 413
    assert reports_log() == []


def test_control_characters_cannot_forge_log_lines(client, reports_log):
    body = {"csp-report": {"effective-directive": "img-src", "blocked-uri": "https://a.example/x\n\x1b[2Jforged"}}
    assert post(client, body).status_code == 204
    assert reports_log() == [
        ("WARNING", "Content-Security-Policy violation (enforce): img-src blocked https://a.example/x[2Jforged")
    ]


@override_settings(CSP_REPORT_RATE_LIMIT=3, CSP_REPORT_RATE_LIMIT_WINDOW=60)
def test_reports_are_rate_limited_per_client(client, reports_log):
    for _ in range(3):
        assert post(client, REPORT_URI_BODY, REMOTE_ADDR="203.0.113.1").status_code == 204
    assert post(client, REPORT_URI_BODY, REMOTE_ADDR="203.0.113.1").status_code == 429
    # A batch counts each of its reports.
    assert post(client, REPORTING_API_BODY * 4, content_type="application/reports+json").status_code == 429
    assert post(client, REPORT_URI_BODY, REMOTE_ADDR="203.0.113.2").status_code == 204
    assert len(reports_log()) == 4


def test_a_failing_cache_does_not_fail_the_endpoint(client, reports_log, monkeypatch):
    from cms.content_security import reports

    def down(*args, **kwargs):
        raise ConnectionError("redis is down")

    monkeypatch.setattr(reports.cache, "add", down)
    assert post(client, REPORT_URI_BODY).status_code == 204
    assert [message for _, message in reports_log()] == [
        "CSP report rate limit unavailable (cache error).",
        "Content-Security-Policy violation (enforce): script-src-elem blocked https://evil.example/x.js",
    ]


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=20), children, max_size=4),
    max_leaves=12,
)
REPORT_LIKE = st.fixed_dictionaries(
    {"csp-report": st.dictionaries(st.sampled_from(list(REPORT_URI_BODY["csp-report"])), JSON, max_size=6)}
)


@hypothesis_settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    body=JSON | REPORT_LIKE | st.binary(max_size=200),
    content_type=st.sampled_from(["application/csp-report", "application/json", "application/reports+json"]),
)
def test_whatever_arrives_the_answer_is_204_or_400_never_500(client, body, content_type):
    response = post(client, body if isinstance(body, bytes) else json.dumps(body), content_type=content_type)
    assert response.status_code in {204, 400, 429}
