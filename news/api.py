"""What the public API (/api/v2/pages/?type=news.NewsItemPage) shows of news, with the JSON schema
of every field for the OpenAPI document; registered in contributions.py."""

from wagtail.api import APIField

from cms.api import fields as f
from cms.api.fields import date, related, stream, value
from cms.api.schema import DATE, PAGE_REF, STREAM, STRING, nullable, ref
from cms.image_alt import alt_texts_prefetch
from cms.platform import PageApi, Relation
from programmes.api import COUNTRIES, COUNTRY_FILTER, COUNTRY_LIST, TOPIC_FILTER, TOPIC_LIST, TOPICS
from programmes.models import CallForParticipationPage, EventPage, ProgrammePage


def _sources(page, request):
    return page.source_list


NEWS_INDEX = PageApi(fields=[value("intro")], schema={"intro": STRING})

NEWS_ITEM = PageApi(
    fields=[
        date("date"),
        value("date_precision"),
        value("summary"),
        stream("body"),
        APIField("image", serializer=f.ImageField()),
        related("topics", many=True),
        related("countries", many=True),
        APIField("sources", serializer=f.CallbackField(_sources)),
        related("related_programme"),
        related("related_call"),
        related("related_event"),
    ],
    relations={
        "topics": TOPICS,
        "countries": COUNTRIES,
        "related_programme": Relation(ProgrammePage),
        "related_call": Relation(CallForParticipationPage),
        "related_event": Relation(EventPage),
    },
    schema={
        "date": DATE,
        "date_precision": {"type": "string", "enum": ["day", "year"]},
        "summary": STRING,
        "body": STREAM,
        "image": nullable(ref("Image")),
        "topics": TOPIC_LIST,
        "countries": COUNTRY_LIST,
        "sources": {"type": "array", "items": STRING},
        "related_programme": PAGE_REF,
        "related_call": PAGE_REF,
        "related_event": PAGE_REF,
    },
    listing=["date", "date_precision", "summary", "image", "topics", "countries"],
    select_related=("image",),
    prefetch_related=("image__renditions", alt_texts_prefetch("image__alt_texts")),
    filters=(TOPIC_FILTER, COUNTRY_FILTER),
    orderings={"date": "date"},
)
