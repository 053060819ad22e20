from django.utils.cache import add_never_cache_headers, patch_cache_control


class PrivateFormPagesMiddleware:
    """Participation views are never cached: they carry per-visitor tokens or personal data. They are
    also kept out of search engines. (Event and call pages with a form are cached with fresh tokens on
    every hit and kept out of CDNs by cms/page_cache.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "participation_private", False):
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        if getattr(request, "participation_noindex", False):
            response["X-Robots-Tag"] = "noindex, nofollow"
            # Token URLs never leave as a referrer; same-origin keeps the Origin header CSRF checks need.
            response["Referrer-Policy"] = "same-origin"
        return response
