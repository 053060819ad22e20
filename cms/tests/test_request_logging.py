"""Request ids (from the trusted proxy or made here) on the response and in every log line; log formats."""

import json
import logging
import re
import sys

import pytest
from django.http import HttpResponse
from django.test import override_settings
from django.urls import path

from cms.log_format import JsonFormatter, logging_config
from cms.request_id import RequestIdFilter, get_request_id

NGINX_ID = "0f3c2a9be14d4c0aa3e1f2d3c4b5a697"


@pytest.mark.django_db
def test_a_request_id_is_made_when_no_proxy_is_trusted(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=NGINX_ID)
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
    assert response["X-Request-ID"] != NGINX_ID  # a visitor cannot choose what the logs say
    assert client.get("/healthz")["X-Request-ID"] != response["X-Request-ID"]


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_the_proxys_request_id_is_kept(client):
    assert client.get("/healthz", HTTP_X_REQUEST_ID=NGINX_ID)["X-Request-ID"] == NGINX_ID


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_an_unusable_request_id_is_replaced(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="x\nINFO forged log line")
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


def test_log_records_written_during_a_request_carry_its_id(client, caplog, monkeypatch):
    seen = {}

    def view_logging(request):
        logging.getLogger("cms.test").warning("inside the view")
        seen["id"] = get_request_id()
        return HttpResponse("ok")

    monkeypatch.setattr("cms.health.healthz", view_logging)
    caplog.handler.addFilter(RequestIdFilter())
    with override_settings(ROOT_URLCONF=__name__):
        response = client.get("/probe")
    record = next(record for record in caplog.records if record.getMessage() == "inside the view")
    assert record.request_id == response["X-Request-ID"] == seen["id"]
    assert get_request_id() == "-"  # reset after the request


def test_text_lines_have_time_level_logger_and_request_id():
    config = logging_config("INFO", "text")
    formatter = logging.Formatter(config["formatters"]["text"]["format"])
    record = logging.makeLogRecord({"name": "participation", "levelname": "ERROR", "msg": "mail failed"})
    RequestIdFilter().filter(record)
    line = formatter.format(record)
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} ERROR participation \[-\] mail failed", line)


def test_json_lines():
    try:
        raise ValueError("boom")
    except ValueError:
        exc_info = sys.exc_info()
    record = logging.LogRecord("cms.health", logging.WARNING, __file__, 1, "check %s failed", ("cache",), exc_info)
    record.request_id = NGINX_ID
    record.check = "cache"
    entry = json.loads(JsonFormatter().format(record))
    assert entry["level"] == "WARNING" and entry["logger"] == "cms.health"
    assert entry["message"] == "check cache failed"
    assert entry["request_id"] == NGINX_ID and entry["check"] == "cache"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", entry["time"])
    assert "ValueError: boom" in entry["exception"]
    assert logging_config("INFO", "json")["handlers"]["console"]["formatter"] == "json"


def _probe(request):
    from cms import health

    return health.healthz(request)


urlpatterns = [path("probe", _probe)]


def test_gunicorns_json_access_line_is_valid_json_with_the_request_id(caplog):
    import datetime

    from gunicorn.config import Config

    from cms.gunicorn_logging import JsonAccessLogger

    config = Config()
    config.set("accesslog", "-")
    logger = JsonAccessLogger(config)
    response = type("Response", (), {"status": "200 OK", "sent": 3, "headers": [("X-Request-ID", NGINX_ID)]})()
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/readyz",
        "PATH_INFO": "/readyz",
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_X_FORWARDED_FOR": "203.0.113.7",
        "HTTP_USER_AGENT": 'probe "with quotes"',
    }
    lines = []
    logger.access_log.handlers = [logging.Handler()]
    logger.access_log.handlers[0].emit = lambda record: lines.append(record.getMessage())
    logger.access(response, [], environ, datetime.timedelta(milliseconds=12))
    entry = json.loads(lines[0])
    assert entry["request_id"] == NGINX_ID and entry["status"] == "200" and entry["path"] == "/readyz"
    assert entry["user_agent"] == 'probe "with quotes"' and entry["forwarded_for"] == "203.0.113.7"
    assert entry["duration_ms"] == 12.0
