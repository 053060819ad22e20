"""HTTP behaviour shared by the API, the feeds and the calendars: validators and caching.

Every successful GET answer gets a strong ETag (a hash of the body); If-None-Match gets a 304.

No Last-Modified: an answer also shows what has no date of its own (topics, organisations,
places, translations) and loses items that are unpublished or deleted, so no date bounds its
changes and If-Modified-Since would get a stale 304. The ETag changes with every change.
"""

import functools
import hashlib

from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

MAX_AGE = 300


def conditional(view, max_age=MAX_AGE):
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render) and not response.is_rendered:
            response.render()
        if request.method not in ("GET", "HEAD"):
            return response
        if "no-store" in response.get("Cache-Control", ""):
            return response
        if response.status_code == 404:
            request.urlconf = "cms.api.plain_urlconf"
        if response.status_code != 200:
            # Errors are not cached by shared caches; a 404 may soon become a page.
            patch_cache_control(response, no_cache=True)
            return response
        etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        response["ETag"] = etag
        # Django's feeds set one (the newest entry's date): see above why none is right.
        if "Last-Modified" in response:
            del response["Last-Modified"]
        patch_cache_control(response, public=True, max_age=max_age)
        patch_vary_headers(response, ["Accept-Encoding"])
        conditional_response = get_conditional_response(request, etag=etag, response=response)
        if conditional_response is not response and conditional_response.status_code == 304:
            # A cache takes a 304's headers for the stored answer's: they must be the 200's.
            for header in ("Cache-Control", "Vary", "Access-Control-Allow-Origin", "Content-Language"):
                if header in response:
                    conditional_response[header] = response[header]
        return conditional_response

    return wrapped
