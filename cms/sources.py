"""Where a page's or snippet's facts come from: a list of sources, one a line, shown beside the facts."""

from django.db import models
from django.utils.translation import gettext_lazy as _

SOURCES_HELP_TEXT = _("Where the facts come from, one source a line.")


def sources_field(help_text=SOURCES_HELP_TEXT):
    return models.TextField(_("sources"), blank=True, help_text=help_text)


class SourcesMixin(models.Model):
    sources = sources_field()

    class Meta:
        abstract = True

    @property
    def source_list(self):
        return [line.strip() for line in self.sources.splitlines() if line.strip()]
