"""Who needs a second factor, and the recovery codes that stand in for the authenticator app."""

import secrets

from django.conf import settings
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

RECOVERY_DEVICE_NAME = "recovery"


def second_factor_required(user):
    """Whoever may read personal data (or change users) must use a second factor."""
    if not settings.OTP_REQUIRED:
        return False
    return user.is_superuser or any(user.has_perm(permission) for permission in settings.OTP_REQUIRED_PERMISSIONS)


def has_second_factor(user):
    return user_has_device(user, confirmed=True)


def new_recovery_codes(user):
    """Replace the user's recovery codes with OTP_RECOVERY_CODES new single-use ones and return them."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True})
    device.token_set.all().delete()
    # 10 hex digits in two groups: easy to type from paper, 40 bits each against guessing (and
    # django-otp slows down repeated wrong tokens).
    codes = [secrets.token_hex(5) for _ in range(settings.OTP_RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return [f"{code[:5]}-{code[5:]}" for code in codes]


def normalise_token(value):
    """What the user typed, as stored: recovery codes without the hyphen, in lower case; spaces dropped."""
    return "".join(value.split()).replace("-", "").lower()


def remove_second_factor(user):
    """Delete every device of the user (authenticator and recovery codes)."""
    for device in list(devices_for_user(user, confirmed=None)):
        device.delete()
