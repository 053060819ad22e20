"""Loaded by Wagtail through WAGTAILDOCS_DOCUMENT_FORM_BASE; kept apart because it imports admin forms."""

from wagtail.documents.forms import BaseDocumentForm

from .upload_forms import StoreFileOnValidationMixin


class DocumentForm(StoreFileOnValidationMixin, BaseDocumentForm):
    pass
