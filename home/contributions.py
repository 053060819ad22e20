"""What the home app contributes to the platform (cms/platform.py)."""

from cms.api.fields import related, stream, value
from cms.platform import PageApi, PageType, Relation, register
from programmes.models import ProgrammePage

from .models import HomePage, StandardPage

register(
    PageType(
        HomePage,
        site_root=True,
        api=PageApi(
            fields=[value("intro"), related("featured_programme"), stream("body"), value("footer_note")],
            relations={"featured_programme": Relation(ProgrammePage)},
        ),
    ),
    PageType(
        StandardPage,
        api=PageApi(fields=[value("summary"), stream("body"), value("easy_language")], listing=["summary"]),
    ),
)
