"""Production smoke test: the site as docs/deployment.md runs it, end to end, on throwaway services.

PostgreSQL (a database of its own), Redis (database 4, a key prefix of its own), an S3 bucket
(moto_server), an SMTP sink (aiosmtpd), gunicorn with settings.production and deploy/gunicorn.conf.py,
the task worker and the scheduler. Requests go to 127.0.0.1 with the headers nginx sends
(Host, X-Forwarded-Proto: https, X-Forwarded-For, X-Request-ID). Run by scripts/production_smoke.sh
(``make smoke``, CI). Every server listens on a free port and is stopped at the end.
"""

import contextlib
import html
import http.client
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.ops_content import SMOKE_EVENT_SLUG  # noqa: E402
from tests.servers import (  # noqa: E402
    bucket_contents,
    build_files_in_background,
    forget_cache,
    free_port,
    manage,
    moto_server,
    postgres_database,
    production_env,
    s3_client,
    stop,
    wait_for,
)
from tests.services import smtp_sink  # noqa: E402

HOST = "kommunal.smoke.test"
PUBLIC_URL = f"https://{HOST}"
BUCKET = "kz-smoke-media"
VISITOR = "203.0.113.7"
REGISTRANT = "smoke.visiteur@example.org"
# Hosts that may appear in absolute URLs besides the site: XML namespaces and vocabularies.
NAMESPACE_HOSTS = {"www.w3.org", "www.sitemaps.org", "schema.org", "ogp.me", "purl.org", "www.google.com"}


def step(text):
    print(f"[smoke {time.strftime('%H:%M:%S')}] {text}", flush=True)


def check(condition, message):
    if not condition:
        raise AssertionError(message)


class Proxy:
    """What nginx does in front of gunicorn: the public Host, https, the visitor's address, a request id."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}
        self.request_ids = []

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        sent = {
            "Host": HOST,
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": VISITOR,
            "X-Request-ID": uuid.uuid4().hex,
            **(headers or {}),
        }
        if self.cookies:
            # Secure cookies travel here because the visitor's connection (to nginx) is https.
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        self.request_ids.append(sent["X-Request-ID"])
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        data = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";", 1)[0].split("=", 1)
            self.cookies[name.strip()] = value.strip()
        connection.close()
        response.text = data.decode("utf-8", "replace")
        response.sent_request_id = sent["X-Request-ID"]
        return response

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)


def absolute_urls(text):
    return set(re.findall(r"""https?://[^\s"'<>()\\,]+""", html.unescape(text)))


def check_hosts(name, text, allowed_media_host):
    urls = absolute_urls(text)
    site = [url for url in urls if urllib.parse.urlsplit(url).hostname == HOST]
    check(site, f"{name}: no absolute URL of {HOST} at all")
    for url in urls:
        parts = urllib.parse.urlsplit(url)
        if parts.hostname in NAMESPACE_HOSTS or parts.hostname == allowed_media_host:
            continue
        check(
            parts.hostname == HOST and parts.scheme == "https",
            f"{name}: absolute URL {url} is not under {PUBLIC_URL}",
        )
    step(f"  {name}: {len(site)} absolute URLs, all under {PUBLIC_URL}")


@contextlib.contextmanager
def process(command, env, log):
    handle = open(log, "w")
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT)
    try:
        yield proc
    finally:
        stop(proc, timeout=15)
        handle.close()


def main():
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="kz-smoke-"))
    with (
        postgres_database("kz_ops_smoke") as database_url,
        moto_server() as s3,
        smtp_sink() as smtp,
    ):
        s3_client(s3).create_bucket(Bucket=BUCKET)
        web_port = free_port()
        env = production_env(
            database_url,
            s3,
            BUCKET,
            PUBLIC_URL=PUBLIC_URL,
            ALLOWED_HOSTS=HOST,
            CSRF_TRUSTED_ORIGINS=PUBLIC_URL,
            TRUSTED_PROXY_COUNT="1",
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(smtp.port),
            DEFAULT_FROM_EMAIL="noreply@kommunal.smoke.test",
            STATIC_ROOT=str(work / "static"),
            MEDIA_ROOT=str(work / "media-unused"),
            GUNICORN_BIND=f"127.0.0.1:{web_port}",
            GUNICORN_WORKERS="2",
            LOG_FORMAT="json",
            LOG_LEVEL="INFO",
        )
        try:
            run(env, s3, smtp, web_port, work)
        finally:
            forget_cache(env)
    shutil.rmtree(work, ignore_errors=True)  # kept when a step failed: the process logs are there
    step(f"passed in {time.monotonic() - started:.0f} s")


def run(env, s3, smtp, web_port, work):
    step("install: migrate, check --deploy, setup_site, compilemessages, collectstatic")
    files = build_files_in_background(env)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "check", "--deploy", "--fail-level", "ERROR")
    manage(env, "setup_site")  # puts the default Site at PUBLIC_URL, creates the reference data
    check(files.wait() == 0, "compilemessages or collectstatic failed")
    check(any((work / "static").rglob("*.css")), "collectstatic wrote no CSS to STATIC_ROOT")

    step("content: an image and a document uploaded to the bucket, an event using them, published in de and fr")
    loaded = manage(
        env,
        "shell",
        "--no-imports",
        "-c",
        "from tests.ops_content import load_sample_content; load_sample_content(with_registration=False)",
    )
    ids = json.loads(loaded.strip().splitlines()[-1])

    with contextlib.ExitStack() as stack:
        web = stack.enter_context(
            process(
                [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "cms.wsgi"], env, work / "web.log"
            )
        )
        stack.enter_context(process([sys.executable, "manage.py", "run_scheduled_jobs"], env, work / "scheduler.log"))
        worker = stack.enter_context(
            process([sys.executable, "manage.py", "db_worker", "--no-reload"], env, work / "worker.log")
        )
        wait_for(f"http://127.0.0.1:{web_port}/healthz", process=web)
        proxy = Proxy(web_port)
        try:
            visit(proxy, env, s3, smtp, ids)
        finally:
            for proc, name in ((web, "web"), (worker, "worker")):
                if proc.poll() is not None:
                    step(f"{name} exited with {proc.returncode}; see {work}/{name}.log")
        logs = (work / "web.log").read_text()
    check_access_log(logs, proxy)


def visit(proxy, env, s3, smtp, ids):
    step("health: /healthz, /readyz with every dependency")
    check(proxy.get("/healthz").status == 200, "/healthz is not 200")
    ready = proxy.get("/readyz")
    check(ready.status == 200, f"/readyz is {ready.status}: {ready.text}")
    checks = json.loads(ready.text)["checks"]
    check(checks["cache"]["detail"] == "ResilientRedisCache", f"cache is {checks['cache']}")
    check(checks["storage"]["detail"] == "MediaS3Storage", f"storage is {checks['storage']}")

    step("French event page through the proxy")
    fr_path = manage(
        env,
        "shell",
        "--no-imports",
        "-c",
        f"from wagtail.models import Page; print(Page.objects.get(pk={ids['event_fr']}).url_path)",
    )
    fr_path = fr_path.strip().splitlines()[-1]
    listing = proxy.get("/fr/")
    check(listing.status == 200, f"/fr/ is {listing.status}")
    page_path = "/fr/" + fr_path.strip("/").split("/", 1)[1] + "/"
    page = proxy.get(page_path)
    check(page.status == 200, f"{page_path} is {page.status}")
    check('lang="fr"' in page.text, "the event page is not French")
    check(
        "X-Request-ID" in page.headers and page.headers["X-Request-ID"] == page.sent_request_id,
        "the proxy's X-Request-ID did not come back",
    )

    step("registration in French through the real form (CSRF cookie and token, https Referer)")
    form = re.search(r'<form[^>]+action="([^"]+/register/)"(.*?)</form>', page.text, re.S)
    check(form, "no registration form on the event page")
    fields = dict(re.findall(r'<input[^>]+type="hidden"[^>]+name="([^"]+)"[^>]+value="([^"]*)"', form.group(0)))
    check("csrfmiddlewaretoken" in fields and "submission_token" in fields, f"hidden fields: {sorted(fields)}")
    data = {
        **fields,
        "name": "Visiteuse Test",
        "organisation": "Commune de Test",
        "role": "",
        "email": REGISTRANT,
        "language": "fr",
        "needs": "",
        "consent": "on",
        "website": "",
    }
    posted = proxy.request(
        "POST",
        html.unescape(form.group(1)),
        body=urllib.parse.urlencode(data),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Referer": f"{PUBLIC_URL}{page_path}"},
    )
    check(posted.status == 302, f"registration answered {posted.status}: {posted.text[:2000]}")
    status_page = proxy.get(urllib.parse.urlsplit(posted.headers["Location"]).path)
    check(status_page.status == 200 and 'lang="fr"' in status_page.text, "the registration status page failed")

    step("exactly one French e-mail with its .ics in the SMTP sink")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not smtp.messages:
        time.sleep(0.5)
    time.sleep(3)  # a duplicate would arrive now
    mails = [message for rcpts, message in zip(smtp.recipients, smtp.messages, strict=True) if REGISTRANT in rcpts]
    check(len(mails) == 1, f"{len(mails)} e-mails to {REGISTRANT}")
    mail = mails[0]
    text = mail.get_body(preferencelist=("plain",)).get_content()
    check(re.search(r"\b(inscription|Bonjour|événement)\b", text, re.I), f"the e-mail is not French: {text[:400]}")
    calendars = [part for part in mail.iter_attachments() if part.get_content_type() == "text/calendar"]
    check(len(calendars) == 1 and (calendars[0].get_filename() or "").endswith(".ics"), "no .ics attachment")
    check("BEGIN:VEVENT" in calendars[0].get_content(), "the .ics has no event")
    for url in absolute_urls(text):
        check(urllib.parse.urlsplit(url).hostname == HOST, f"the e-mail links to {url}")

    step("files in the bucket")
    keys = set(bucket_contents(s3, BUCKET))
    check(any(key.startswith("original_images/") for key in keys), f"no original image in the bucket: {keys}")
    check(any(key.startswith("documents/") for key in keys), f"no document in the bucket: {keys}")
    check(any(key.startswith("renditions/images/") for key in keys), f"no rendition in the bucket: {keys}")

    step(f"absolute URLs of API, feed, sitemap and page head are under {PUBLIC_URL}")
    s3_host = urllib.parse.urlsplit(s3).hostname
    head = page.text.split("</head>", 1)[0]
    check(
        f'<link rel="canonical" href="{PUBLIC_URL}{page_path}"' in head or f"{PUBLIC_URL}{page_path}" in head,
        "the page head has no canonical URL under the public address",
    )
    check_hosts("page head", head, s3_host)
    api = proxy.get(f"/api/v2/pages/{ids['event_fr']}/")
    check(api.status == 200, f"the API answered {api.status}")
    check_hosts("API", api.text, s3_host)
    feed = proxy.get("/fr/feeds/events.atom")
    check(feed.status == 200 and SMOKE_EVENT_SLUG in feed.text, "the French events feed lacks the event")
    check_hosts("feed", feed.text, s3_host)
    sitemap = proxy.get("/sitemap.xml")
    check(sitemap.status == 200, f"the sitemap answered {sitemap.status}")
    check_hosts("sitemap", sitemap.text, s3_host)


def check_access_log(logs, proxy):
    step("access log: JSON lines with the request id nginx sent")
    entries = [json.loads(line) for line in logs.splitlines() if line.startswith("{") and '"gunicorn.access"' in line]
    check(entries, "no JSON access log lines from gunicorn")
    check(all(entry["request_id"] not in ("", "-") for entry in entries), "an access line without request id")
    check(any(entry["path"] == "/readyz" and entry["status"] == "200" for entry in entries), "/readyz not logged")
    logged = {entry["request_id"] for entry in entries}
    missing = [request_id for request_id in proxy.request_ids if request_id not in logged]
    check(not missing, f"{len(missing)} of {len(proxy.request_ids)} proxy request ids are not in the access log")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as failure:
        print(f"[smoke] FAILED: {failure}", file=sys.stderr)
        sys.exit(1)
