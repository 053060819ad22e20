"""Sample content for the operations tests (backup round trip, production smoke test), run inside
``manage.py shell`` against a real database and storage: an image and a document in the media
storage, an event that shows both, published in German and French, and optionally a registration.

``snapshot()`` prints what a restore must bring back, as JSON: pages with their locales and
translation keys, registrations, and every media file with the SHA-256 of its bytes.
"""

import datetime
import hashlib
import io
import json
import random
import zoneinfo

SMOKE_EVENT_SLUG = "betriebstest-netzwerktreffen"


def png_bytes(seed=7, size=(48, 32)):
    from PIL import Image as PILImage

    rng = random.Random(seed)
    picture = PILImage.new("RGB", size)
    picture.putdata([(rng.randrange(256), rng.randrange(256), rng.randrange(256)) for _ in range(size[0] * size[1])])
    out = io.BytesIO()
    picture.save(out, format="PNG")
    return out.getvalue()


def load_sample_content(with_registration=True):
    from django.core.files.base import ContentFile
    from django.core.files.images import ImageFile
    from django.utils import timezone
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale

    from programmes.factories import translate_page
    from programmes.models import EventIndexPage, EventPage

    image = get_image_model()(title="Rathaus Tlemcen", file=ImageFile(io.BytesIO(png_bytes()), name="rathaus.png"))
    image.save()
    image.get_rendition("fill-40x30")  # renditions live in the storage too (images/)
    document = get_document_model()(
        title="Programm des Netzwerktreffens", file=ContentFile(b"Programm\n10:00 Begruessung\n", name="programm.txt")
    )
    document.save()

    berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    day = timezone.localdate(timezone.now(), berlin) + datetime.timedelta(days=14)
    start = datetime.datetime.combine(day, datetime.time(10, 0), tzinfo=berlin)
    index = EventIndexPage.objects.get(locale=Locale.get_default())
    event = EventPage(
        title="Betriebstest: Netzwerktreffen",
        slug=SMOKE_EVENT_SLUG,
        summary="Ein Netzwerktreffen der Partnerschaften mit Bild und Programm.",
        time_zone="Europe/Berlin",
        start=start,
        end=start + datetime.timedelta(hours=2),
        event_format="online",
        online_details="Der Zugangslink kommt mit der Bestätigung.",
        capacity=50,
        body=[
            {"type": "image", "value": {"image": image.pk, "alt_text": "Das Rathaus von Tlemcen", "caption": ""}},
            {
                "type": "documents",
                "value": {"title": "Programm", "documents": [{"document": document.pk, "title": ""}]},
            },
        ],
    )
    index.add_child(instance=event)
    event.save_revision().publish()
    event.refresh_from_db()
    french = translate_page(event, "fr", title="Test d'exploitation : rencontre du réseau", slug=SMOKE_EVENT_SLUG)

    if with_registration:
        from participation.models import Registration, RegistrationStatus

        Registration.objects.create(
            event=event,
            name="Erika Mustermann",
            organisation="Stadt Musterstadt",
            email="erika@example.org",
            language="fr",
            consent_at=timezone.now(),
            status=RegistrationStatus.CONFIRMED,
            submission_token="ops-sample-registration",
        )
    print(json.dumps({"event": event.pk, "event_fr": french.pk, "image": image.pk, "document": document.pk}))


def snapshot():
    from django.core.files.storage import storages
    from wagtail.models import Page

    from cms.backup import storage_files
    from participation.models import Registration

    storage = storages["default"]
    files = {}
    for name in storage_files(storage):
        with storage.open(name, "rb") as handle:
            files[name] = hashlib.sha256(handle.read()).hexdigest()
    data = {
        "pages": [
            [page.pk, page.locale.language_code, str(page.translation_key), page.url_path, page.title, page.live]
            for page in Page.objects.select_related("locale").order_by("path")
        ],
        "registrations": [
            [r.event_id, r.name, r.email, r.language, r.status, r.token] for r in Registration.objects.order_by("pk")
        ],
        "images": [[image.pk, image.file.name, image.width, image.height] for image in _images()],
        "documents": [[doc.pk, doc.file.name] for doc in _documents()],
        "files": files,
    }
    print(json.dumps(data, sort_keys=True))


def _images():
    from wagtail.images import get_image_model

    return get_image_model().objects.order_by("pk")


def _documents():
    from wagtail.documents import get_document_model

    return get_document_model().objects.order_by("pk")
