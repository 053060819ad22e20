"""Media behind collection view restrictions: one rule for the API and for original images.

A collection with a view restriction (login, groups or password) hides its images and documents,
and those of the collections below it, from the public API. Documents are served by Wagtail's
serve view, which enforces the restriction; original images by ``original_image`` here, which
does the same and then redirects to the storage's URL (signed and short-lived with S3) or, for a
file on this host, sends it, so the API can link them without a permanent public address and the web
server publishes nothing of MEDIA_ROOT but the renditions (deploy/nginx/kommunal.conf).
"""

import os

from django.contrib.auth.views import redirect_to_login
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.cache import add_never_cache_headers
from wagtail.images import get_image_model
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction

from .request_cache import memo


def restricted_collection_ids():
    """Ids of the collections with a view restriction on themselves or an ancestor: one query per request."""

    def lookup():
        # A restriction applies to its collection's subtree: the collections whose path starts with its path.
        on_ancestor = CollectionViewRestriction.objects.filter(
            collection__path=Substr(OuterRef("path"), 1, Length("collection__path"))
        )
        return list(Collection.objects.filter(Exists(on_ancestor)).values_list("pk", flat=True))

    return memo("restricted_collection_ids", lookup)


def public_collection_members(queryset):
    """``queryset`` (images or documents) without those in restricted collections. ``collection`` is a
    filter field of both, so this also holds inside a search."""
    restricted = restricted_collection_ids()
    return queryset.exclude(collection_id__in=restricted) if restricted else queryset


def original_image(request, image_id):
    """The original file of an image, for those its collection's view restrictions let through."""
    image = get_object_or_404(get_image_model().objects.select_related("collection"), pk=image_id)
    for restriction in image.collection.get_view_restrictions():
        if not restriction.accept_request(request):
            if restriction.restriction_type in (BaseViewRestriction.LOGIN, BaseViewRestriction.GROUPS):
                if not request.user.is_authenticated:
                    return redirect_to_login(request.get_full_path())
            raise Http404
    try:
        path = image.file.path
    except NotImplementedError:  # a remote storage (S3): its signed, expiring URL
        response = redirect(image.file.url)
    else:
        response = FileResponse(open(path, "rb"), filename=os.path.basename(path))
    # Neither a signed URL that expires nor a file behind a restriction may stay in a cache.
    add_never_cache_headers(response)
    return response
