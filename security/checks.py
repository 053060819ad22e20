"""security.txt must carry an Expires date in the future (RFC 9116 §2.5.5); a stale file misleads reporters."""

import datetime

from django.conf import settings
from django.core import checks
from django.utils.dateparse import parse_datetime


@checks.register(checks.Tags.security, deploy=True)
def check_security_txt(app_configs=None, **kwargs):
    if not settings.SECURITY_CONTACT:
        return []
    expires = parse_datetime(settings.SECURITY_TXT_EXPIRES) if settings.SECURITY_TXT_EXPIRES else None
    if expires is None or expires.tzinfo is None:
        return [
            checks.Warning(
                "SECURITY_CONTACT is set, but SECURITY_TXT_EXPIRES is not an ISO 8601 date-time with time zone; "
                "/.well-known/security.txt answers 404.",
                hint="For example SECURITY_TXT_EXPIRES=2027-06-30T00:00:00+00:00 (at most a year ahead).",
                id="security_txt.W001",
            )
        ]
    now = datetime.datetime.now(datetime.UTC)
    if expires <= now:
        return [checks.Warning("SECURITY_TXT_EXPIRES has passed: renew security.txt.", id="security_txt.W002")]
    if expires - now > datetime.timedelta(days=366):
        return [checks.Warning("SECURITY_TXT_EXPIRES is more than a year ahead (RFC 9116).", id="security_txt.W003")]
    return []
