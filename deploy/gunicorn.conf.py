"""gunicorn settings for the web process: ``gunicorn -c deploy/gunicorn.conf.py cms.wsgi``.

Everything an operator tunes comes from the environment (deploy/env.example), so the same file serves
systemd, the Procfile and the smoke test. Access lines go to stdout and carry the request id the app
puts on every response (cms/request_id.py), so they match the application's own log lines.
"""

import multiprocessing
import os

# 127.0.0.1:8000 behind nginx on the same host; a unix socket works too (unix:/run/kommunal/gunicorn.sock).
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: the app is CPU- and database-bound, not long-polling. 2 x cores + 1 is gunicorn's advice.
workers = int(os.environ.get("GUNICORN_WORKERS", str(multiprocessing.cpu_count() * 2 + 1)))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# A request taking longer than this is killed (the worker restarts); nginx's proxy_read_timeout is longer.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# Recycle workers now and then, so a slow leak in a dependency never grows unbounded. Not too often: a
# new worker starts Django and Wagtail afresh (seconds), and cached pages take a few ms, so 2,000
# requests came round every few seconds under load. (No preload_app: HUP must load new code.)
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "50000"))
max_requests_jitter = max_requests // 10
# X-Forwarded-Proto is believed only from these addresses (the proxy), never from a visitor.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
proxy_allow_ips = forwarded_allow_ips

accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
if os.environ.get("LOG_FORMAT", "text").lower() == "json":
    logger_class = "cms.gunicorn_logging.JsonAccessLogger"
else:
    # time, client (proxy) and forwarded chain, request, status, bytes, duration in ms, request id
    access_log_format = (
        '%(t)s INFO gunicorn.access [%({x-request-id}o)s] %(h)s fwd="%({x-forwarded-for}i)s" '
        '"%(r)s" %(s)s %(b)s %(M)sms "%(f)s" "%(a)s"'
    )
