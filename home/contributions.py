"""What the home app contributes to the platform (cms/platform.py)."""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from cms.api.fields import related, stream, value
from cms.api.schema import BOOLEAN, PAGE_REF, STREAM, STRING
from cms.platform import DemoContent, DemoSite, PageApi, PageSearch, PageType, PermissionGrant, Relation, register
from programmes.models import ProgrammePage

from . import demo
from .demo import content_de as demo_de
from .models import HomePage, SiteSettings, StandardPage

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
        search=PageSearch("page", _("Other pages"), order=60),
    ),
)

DEMO_PO_DIR = Path(demo.__file__).resolve().parent / "locale"
register(
    # First: the site's root, under which every app's demo section is created.
    DemoContent(
        pages=demo_de.HOME_PAGES,
        site=DemoSite("home", demo_de.SITE_NAME, SiteSettings, demo_de.SITE_SETTINGS),
        po_dir=DEMO_PO_DIR,
        order=0,
    ),
    # Last: the site's own pages follow the sections among the home page's children.
    DemoContent(pages=demo_de.SERVICE_PAGES, po_dir=DEMO_PO_DIR, order=1000),
)
register(
    PermissionGrant(("admin",), (("home", "change_sitesettings"), ("home", "view_sitesettings"))),
)
