"""Page routing in one query instead of two per path segment, and view restrictions from its result.

Wagtail resolves ``/de/aufrufe/aufruf-0/`` one segment at a time: for each slug it queries the child
and then its specific row (two queries a segment), and ``check_view_restrictions`` queries the
ancestors again. ``SiteRootRoutingMixin`` (on the site root page class) loads the page at every
prefix of the path in one query by ``url_path`` and keeps Wagtail's semantics: a missing segment is
a 404, only the target must be live (as in ``Page.route``), a page class with its own ``route()``
(RoutablePageMixin) gets its remaining path components, and the target answers through its own
``route()``. ``RoutedPageMixin`` (on every page class) reuses the loaded ancestors for
``get_view_restrictions()``: restrictions are read (one query) only when one of them is among the
pages with a restriction, which are cached until content changes (cms/site_chrome.py).
"""

from django.db.models import Q
from django.http import Http404
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, PageViewRestriction

from cms import site_chrome


def _routes_itself(page):
    """Whether this page's class overrides ``route()`` and must resolve its own sub-paths."""
    page_class = page.specific_class
    return page_class is not None and page_class.route is not Page.route


class SiteRootRoutingMixin:
    def route(self, request, path_components):
        if not path_components:
            # The site root itself: its ancestors are the tree's root pages, which are never aliases.
            self._routed_chain = [self]
            self._routed_above = self.path[: -Page.steplen]
            return super().route(request, path_components)
        prefixes = []
        url_path = self.url_path
        for component in path_components:
            url_path = f"{url_path}{component}/"
            prefixes.append(url_path)
        above = [self.path[:end] for end in range(Page.steplen, len(self.path), Page.steplen)]
        pages = list(
            Page.objects.filter(
                Q(path__in=above) | Q(pk=self.pk) | Q(path__startswith=self.path, url_path__in=prefixes)
            ).select_related("alias_of")
        )
        # The rows from the tree root down to this page, then the page at each path prefix.
        chain = sorted((page for page in pages if page.depth <= self.depth), key=lambda page: page.depth)
        by_url_path = {page.url_path: page for page in pages if page.depth > self.depth}
        parent = self
        for index, url_path in enumerate(prefixes):
            page = by_url_path.get(url_path)
            if page is None or page.depth != parent.depth + 1 or not page.path.startswith(parent.path):
                raise Http404
            chain.append(page)
            remaining = path_components[index + 1 :]
            if remaining and not _routes_itself(page):
                page._cached_parent_obj = parent
                parent = page
                continue
            page = page.specific
            page._cached_parent_obj = parent
            page._routed_chain = chain
            return page.route(request, remaining)


class RoutedPageMixin:
    def get_view_restrictions(self):
        chain = getattr(self, "_routed_chain", None)
        if chain is None:
            return super().get_view_restrictions()
        restricted = site_chrome.restricted_pages()
        if not restricted:
            return PageViewRestriction.objects.none()
        page_ids = set()

        def check(page):
            # As Wagtail: an alias is restricted by its source page's restrictions.
            if page.alias_of_id:
                check(page.alias_of)
            else:
                page_ids.add(page.pk)

        for page in chain:
            check(page)
        above = getattr(self, "_routed_above", "")
        page_ids.update(pk for pk, (path, _depth) in restricted.items() if path and above.startswith(path))
        page_ids &= restricted.keys()
        if not page_ids:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(page_id__in=page_ids)


def serve(request, path):
    """Wagtail's page view (``wagtail_serve``), routed from the site and its root page in the visitor's
    language as cached until content changes (cms/site_chrome.py) instead of three queries.

    Wagtail's ``Page.route_for_request`` finds the site, takes ``site.root_page.localized.specific`` and
    routes from it, keeping the result on the request, where it looks first; this fills that in. Where
    the cache has no live root page in the visitor's language, Wagtail routes as usual.
    """
    root = _localized_site_root(request)
    if root is not None and not hasattr(request, "_wagtail_route_for_request"):
        try:
            request._wagtail_route_for_request = root.route(request, [part for part in path.split("/") if part])
        except Http404:
            request._wagtail_route_for_request = None
    return wagtail_views.serve(request, path)


def _localized_site_root(request):
    """``site.root_page.localized`` from the cache: the site root's live version in the active language, or
    None (no such version: Wagtail then falls back to the root page itself)."""
    homes = site_chrome.home_pages(request)
    try:
        code = get_supported_content_language_variant(get_language())
    except LookupError:
        return None
    return homes.get(code)
