"""Log formats: one line per record with time, level, logger and request id; JSON lines with LOG_FORMAT=json."""

import json
import logging
from datetime import UTC, datetime

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"

# Attributes every LogRecord has; anything else was passed with extra= and goes into the JSON object.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "request_id"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line, for log shippers (journald, Loki, ELK) that parse fields."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value if isinstance(value, str | int | float | bool | type(None)) else repr(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False)


def logging_config(level="INFO", log_format="text"):
    """The LOGGING setting: everything to stderr (systemd/journald or the container runtime collects it)."""
    formatter = "json" if log_format == "json" else "text"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "cms.request_id.RequestIdFilter"}},
        "formatters": {
            "text": {"format": TEXT_FORMAT},
            "json": {"()": "cms.log_format.JsonFormatter"},
        },
        "handlers": {
            "console": {"class": "logging.StreamHandler", "formatter": formatter, "filters": ["request_id"]},
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Django's own handlers would print 5xx twice (its "django" logger has a console handler in DEBUG).
            "django": {"handlers": ["console"], "level": level, "propagate": False},
        },
    }
