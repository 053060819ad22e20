"""The production settings refuse to start without their secrets; the offline rules hold."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent


def import_production_settings(**env):
    clean_env = {
        key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DATABASE_URL", "PUBLIC_URL"}
    }
    return subprocess.run(
        [sys.executable, "-c", "import settings.production"],
        cwd=ROOT,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = import_production_settings(DATABASE_URL="postgres://postgres@127.0.0.1:5432/kz")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_a_database_url():
    result = import_production_settings(SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "DATABASE_URL must be set" in result.stderr


def test_production_refuses_to_start_without_its_public_address():
    # The development default would put http://127.0.0.1:8000 into every link, feed and e-mail.
    result = import_production_settings(SECRET_KEY="x" * 50, DATABASE_URL="postgres://postgres@127.0.0.1:5432/kz")
    assert result.returncode != 0
    assert "PUBLIC_URL" in result.stderr and "must be set" in result.stderr


def test_production_starts_with_its_environment_and_uses_s3_when_configured():
    code = (
        "import settings.production as s; "
        "print(s.DATABASES['default']['ENGINE']); print(s.STORAGES['default']['BACKEND']); print(s.DEBUG); "
        "d, r = s.STORAGES['default']['OPTIONS'], s.STORAGES['renditions']; o = r['OPTIONS']; "
        "print(d['querystring_auth'], d['querystring_expire'], d.get('custom_domain')); "
        "print(r['BACKEND'], o['querystring_auth'], o['location'], o['custom_domain']); "
        "print(s.WAGTAILDOCS_SERVE_METHOD); "
        "print(s.WAGTAILADMIN_BASE_URL); print(s.ALLOWED_HOSTS)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={
            **{key: value for key, value in os.environ.items() if key != "ALLOWED_HOSTS"},
            "SECRET_KEY": "x" * 50,
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/kz",
            "AWS_STORAGE_BUCKET_NAME": "kz-media",
            "AWS_S3_CUSTOM_DOMAIN": "media.example.org",
            "PUBLIC_URL": "https://kommunal.example.org/",
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    engine, storage, debug, originals, renditions, serve, admin_base_url, allowed_hosts = result.stdout.splitlines()
    assert engine == "django.db.backends.postgresql"
    assert storage == "cms.storage.MediaS3Storage"
    assert debug == "False"
    # Originals signed and short-lived, never on the custom domain; renditions public under their prefix.
    assert originals == "True 600 None"
    assert renditions == "storages.backends.s3.S3Storage False renditions media.example.org"
    assert serve == "redirect"
    assert admin_base_url == "https://kommunal.example.org"  # follows PUBLIC_URL, without the slash
    assert "'kommunal.example.org'" in allowed_hosts


def test_nothing_is_fetched_from_third_parties():
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    assert settings.WAGTAILEMBEDS_FINDERS == []


def test_languages_and_i18n_plumbing():
    assert [code for code, _name in settings.LANGUAGES] == ["de", "fr", "ar-dz", "en"]
    assert settings.LANGUAGE_CODE == "de"
    assert settings.WAGTAIL_I18N_ENABLED is True
    assert "wagtail_localize" in settings.INSTALLED_APPS
