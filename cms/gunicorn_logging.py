"""gunicorn's access log as JSON lines (LOG_FORMAT=json), one object per request with the request id.

gunicorn fills its access_log_format with %-substitution, which cannot escape quotes inside a user
agent or path; this logger builds the object with json.dumps instead. Used by deploy/gunicorn.conf.py.
"""

import json
import time

from gunicorn.glogging import Logger


class JsonAccessLogger(Logger):
    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        atoms = self.atoms(resp, req, environ, request_time)
        headers = dict(resp.headers) if resp.headers else {}
        response_headers = {name.lower(): value for name, value in headers.items()}
        entry = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "level": "INFO",
            "logger": "gunicorn.access",
            "request_id": response_headers.get("x-request-id", "-"),
            "remote_addr": atoms["h"],
            "forwarded_for": environ.get("HTTP_X_FORWARDED_FOR", "-"),
            "method": atoms["m"],
            "path": atoms["U"],
            "query": atoms["q"],
            "status": atoms["s"],
            "bytes": atoms["B"],
            "duration_ms": round(request_time.total_seconds() * 1000, 1),
            "referer": atoms["f"],
            "user_agent": atoms["a"],
        }
        try:
            self.access_log.info(json.dumps(entry, ensure_ascii=False))
        except Exception:
            self.exception("could not write the access log")
