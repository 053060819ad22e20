import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# The demo admin logs in with a password only unless OTP_REQUIRED=1 (docs/security.md); production enforces it.
OTP_REQUIRED = env_bool("OTP_REQUIRED", False)
