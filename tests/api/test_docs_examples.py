"""Every curl example of docs/api.md (and the calendar address to subscribe to) works on the demo content.

The URLs are read from the document itself, so an example that is changed, added or broken there is
checked too. ``$SINCE`` and ``EVENT_ID`` are filled in as the text says; ``-L`` follows the redirect;
a trailing comment naming a status (``# 304 while nothing changed``) is the status expected, else a 2xx.
"""

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs" / "api.md"
PLATFORM = "https://PLATFORM"
CODE_BLOCK = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)
URL = re.compile(r"https://PLATFORM[^\s'\"|]*")


@dataclass(frozen=True)
class Example:
    url: str
    follow: bool = False
    if_none_match: bool = False
    status: int | None = None

    def __str__(self):
        return self.url.removeprefix(PLATFORM)


def examples():
    result = []
    for language, body in CODE_BLOCK.findall(DOCS.read_text(encoding="utf-8")):
        for line in body.replace("\\\n", " ").splitlines():
            line = line.strip()
            command, _hash, comment = line.partition("  #")
            if command.startswith("curl "):
                status = re.search(r"\b([1-5]\d\d)\b", comment)
                for url in URL.findall(command):
                    result.append(
                        Example(
                            url,
                            follow="-L" in command.split(),
                            if_none_match="If-None-Match" in command,
                            status=int(status.group(1)) if status else None,
                        )
                    )
            elif not language and URL.fullmatch(line):
                result.append(Example(line))  # an address to paste into a calendar program
    return result


EXAMPLES = examples()


def test_the_document_has_the_examples():
    # A broken reading of the document must not pass by checking nothing.
    assert len(EXAMPLES) >= 15, EXAMPLES
    assert any(example.if_none_match and example.status == 304 for example in EXAMPLES)
    assert any(example.follow for example in EXAMPLES)


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_documented_example_works(client, demo, example):
    from programmes.models import EventPage

    event = EventPage.objects.live().order_by("pk").first()
    since = (datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    path = str(example).replace("$SINCE", since).replace("EVENT_ID", str(event.pk))
    headers = {}
    if example.if_none_match:
        headers["HTTP_IF_NONE_MATCH"] = client.get(path)["ETag"]
    response = client.get(path, follow=example.follow, **headers)
    if example.status is not None:
        assert response.status_code == example.status, (path, response.status_code)
        return
    assert 200 <= response.status_code < 300, (path, response.status_code, response.content[:300])
    if path.startswith("/api/"):
        data = response.json()
        assert "message" not in data, (path, data)
        assert data.get("items") is not None or data.get("id"), (path, data)
    elif path.endswith(".ics"):
        assert response["Content-Type"].startswith("text/calendar") and b"BEGIN:VCALENDAR" in response.content


def test_the_partner_site_scenarios_have_answers_on_the_demo(client, demo):
    """The issue's "done when", on the demo content: not only a 200, but something in it."""
    calls = client.get(
        "/api/v2/pages/",
        {"type": "programmes.CallForParticipationPage", "locale": "fr", "status": "open", "topic": "abfallmanagement"},
    ).json()
    assert calls["items"], calls
    assert {item["meta"]["locale"] for item in calls["items"]} == {"fr"}
    assert {item["status"] for item in calls["items"]} == {"open"}
    calendar = client.get("/de/calendar/events.ics")
    assert calendar.content.count(b"BEGIN:VEVENT") >= 1
    since = (datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert client.get("/api/v2/pages/", {"updated_since": since}).json()["meta"]["total_count"] > 0
