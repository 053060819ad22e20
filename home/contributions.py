"""What the home app contributes to the platform (cms/platform.py)."""

from cms.api.fields import related, stream, value
from cms.api.schema import BOOLEAN, PAGE_REF, STREAM, STRING
from cms.platform import PageApi, PageType, PermissionGrant, Relation, register
from programmes.models import ProgrammePage

from .models import HomePage, StandardPage

# Content in the source language, not interface text: editors rewrite it in the admin.
SETUP_INTRO = "Diese Startseite wurde bei der Einrichtung angelegt. Ersetzen Sie diesen Text im Admin."

register(
    PageType(
        HomePage,
        site_root=True,
        setup_fields={"intro": SETUP_INTRO},
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
    ),
)
register(
    PermissionGrant(("admin",), (("home", "change_sitesettings"), ("home", "view_sitesettings"))),
)
