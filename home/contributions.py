"""What the home app contributes to the platform (cms/platform.py)."""

from django.utils.translation import gettext_lazy as _

from cms.api.fields import related, stream, value
from cms.api.schema import BOOLEAN, PAGE_REF, STREAM, STRING
from cms.platform import PageApi, PageSearch, PageType, Relation, register
from programmes.models import ProgrammePage

from .models import HomePage, StandardPage

register(
    PageType(
        HomePage,
        site_root=True,
        api=PageApi(
            fields=[value("intro"), related("featured_programme"), stream("body"), value("footer_note")],
            relations={"featured_programme": Relation(ProgrammePage)},
            schema={"intro": STRING, "featured_programme": PAGE_REF, "body": STREAM, "footer_note": STRING},
        ),
    ),
    PageType(
        StandardPage,
        api=PageApi(
            fields=[value("summary"), stream("body"), value("easy_language")],
            schema={"summary": STRING, "body": STREAM, "easy_language": BOOLEAN},
            listing=["summary"],
        ),
        search=PageSearch("page", _("Other pages"), order=60),
    ),
)
