"""The Page schema of the OpenAPI document is the union of the page types' PageApi.schema."""

from wagtail.models import Page

from cms.api.openapi import build_document, page_type_fields
from cms.platform import PageApi, PageType, registry

from .test_platform_checks import project_page_models_of

STRING = {"type": "string"}
FLAG = {"type": "boolean"}


def test_a_field_shared_by_page_types_is_documented_once_or_as_each_of_its_schemas():
    home_page, standard_page = project_page_models_of("home")
    contributed = (
        PageType(home_page, api=PageApi(fields=["intro", "flag"], schema={"intro": STRING, "flag": STRING})),
        PageType(standard_page, api=PageApi(fields=["intro", "flag"], schema={"intro": STRING, "flag": FLAG})),
        PageType(Page, api=PageApi(fields=["flag"], schema={"flag": FLAG})),
    )
    with registry.override(*contributed, app_label="home"):
        assert page_type_fields() == {"intro": STRING, "flag": {"anyOf": [STRING, FLAG]}}


def test_a_contributed_field_appears_in_the_page_schema():
    home_page, _ = project_page_models_of("home")
    with registry.override(PageType(home_page, api=PageApi(fields=["flag"], schema={"flag": FLAG})), app_label="home"):
        properties = build_document()["components"]["schemas"]["Page"]["properties"]
    assert list(properties) == ["id", "meta", "title", "flag"] and properties["flag"] == FLAG
