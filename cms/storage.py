"""Media storage: where image renditions go, and what counts as a storage failure.

Renditions have a storage of their own (``STORAGES["renditions"]``): with S3 that is a public-read
prefix with plain URLs, so pages that show images stay cacheable, while originals and documents sit
in the private default storage behind short-lived signed URLs (cms/storage_settings.py,
docs/deployment.md "Media storage").
"""

from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty
from storages.backends.s3 import S3Storage


class RenditionStorage(LazyObject):
    """``storages["renditions"]``, looked up when first used.

    Wagtail resolves WAGTAILIMAGES_RENDITION_STORAGE once, when the rendition model is defined; this
    proxy lets the storage follow the STORAGES setting instead (read at first use, and again after a
    change of the setting in tests), like Django's own ``default_storage``.
    """

    def _setup(self):
        self._wrapped = storages["renditions"]


_rendition_storage = RenditionStorage()


def rendition_storage():
    """For WAGTAILIMAGES_RENDITION_STORAGE (a dotted path Wagtail calls)."""
    return _rendition_storage


@receiver(setting_changed)
def _storages_changed(setting, **kwargs):
    if setting == "STORAGES":
        _rendition_storage._wrapped = empty


def storage_errors():
    """Exceptions that mean the file storage could not take or give a file: the S3 client's
    (connection refused, timeout, an error answer) and the file system's."""
    errors = [OSError]
    try:
        from boto3.exceptions import Boto3Error
        from botocore.exceptions import BotoCoreError, ClientError

        errors += [BotoCoreError, ClientError, Boto3Error]
    except ImportError:
        pass
    return tuple(errors)


STORAGE_ERRORS = storage_errors()


class MediaS3Storage(S3Storage):
    """S3 storage for originals: a storage that cannot be reached is an OSError when a file is opened.

    Wagtail turns an OSError while opening an image into SourceImageIOError, which its ``{% image %}``
    tag renders as a missing image; the client's own exceptions would make the whole page a 500 when
    it needs a rendition that does not exist yet.
    """

    def _open(self, name, mode="rb"):
        try:
            return super()._open(name, mode)
        except STORAGE_ERRORS as error:
            if isinstance(error, OSError):
                raise
            raise OSError(f"File storage unavailable, cannot open {name!r}: {error}") from error
