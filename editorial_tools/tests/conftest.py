"""The editorial fixtures (a German site with synchronised locales, one user per role)."""

from editorial.tests.conftest import german_page, synced_site, users  # noqa: F401
