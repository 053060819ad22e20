"""The site's URLs without the language-prefixed ones.

Set as ``request.urlconf`` on API 404s, so that LocaleMiddleware does not turn "no such item"
into a redirect to /de/api/… (which Wagtail's catch-all page route would accept).
"""

from django.urls import LocalePrefixPattern

from cms.urls import urlpatterns as _site_urlpatterns

urlpatterns = [
    pattern for pattern in _site_urlpatterns if not isinstance(getattr(pattern, "pattern", None), LocalePrefixPattern)
]
