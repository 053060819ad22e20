"""Uploads that fail in the file storage are a form error, and nothing is half saved.

Django writes a model's file to the storage while saving the row, after the form has been
validated: with S3 down that was a 500 from the admin. Here the file is written while the form is
validated, as the last step, once every other field is valid (otherwise the storage is only asked
whether it answers); if the storage refuses, the form shows why and no row is written. The row
saved afterwards refers to the stored file (Django does not write it again).
"""

import logging

from django.utils.translation import gettext_lazy as _

from .storage import STORAGE_ERRORS

logger = logging.getLogger(__name__)

STORAGE_UNAVAILABLE = _(
    "The file storage cannot be reached at the moment, so nothing was saved. Please try again in a few minutes."
)


class StoreFileOnValidationMixin:
    """For Wagtail's image and document forms (WAGTAILIMAGES_IMAGE_FORM_BASE, WAGTAILDOCS_DOCUMENT_FORM_BASE)."""

    def _post_clean(self):
        super()._post_clean()
        if "file" not in self.fields or "file" not in self.changed_data or self.has_error("file"):
            return
        field_file = self.instance.file
        upload = field_file.file
        try:
            if self.errors:
                # Another field is invalid, so nothing is stored yet; still ask the storage now, so that
                # an upload it cannot take is said at once (the multiple uploader would otherwise set the
                # file aside, in the same storage, to ask for the missing fields).
                field_file.storage.exists(field_file.field.generate_filename(self.instance, upload.name))
                return
            field_file.save(upload.name, upload, save=False)
        except STORAGE_ERRORS as error:
            logger.warning("Upload of %r not stored: %s", upload.name, error)
            self.add_error("file", STORAGE_UNAVAILABLE)
            return
        # FieldFile.save set the instance's attribute to the stored name; keep the uploaded content at
        # hand, so that Wagtail's size, hash and dimensions are read from it and not fetched back.
        self.instance.file = field_file
