"""System checks on what the apps contribute (cms/checks.py, platform.E001–E009)."""

from django.urls import path
from wagtail.api import APIField
from wagtail.images.models import Image
from wagtail.models import Page

from cms.api.filters import ChoiceFilter, CountryFilter
from cms.checks import (
    check_api_fields_have_schemas,
    check_endpoint_names,
    check_filter_names,
    check_models_in_their_app,
    check_models_registered_once,
    check_one_site_root,
    check_page_models_registered,
    check_relations_have_api_objects,
    check_search_names,
    check_unique_names,
    project_page_models,
)
from cms.platform import (
    ApiEndpoint,
    ApiObject,
    Facet,
    Feed,
    NavigationEntry,
    PageApi,
    PageSearch,
    PageType,
    Relation,
    SearchSource,
    Section,
    SitemapSource,
    SnippetAccess,
    Urls,
    register,
    registry,
)


def ids(messages):
    return [message.id for message in messages]


def endpoint(name):
    return ApiEndpoint(name=name, endpoint=object, schema_name=name.title(), item_schema={}, summary=name)


def feed(url_name, feed_path):
    return Feed(url_name=url_name, path=feed_path, view=print, title=url_name)


def test_the_installed_apps_pass_every_check():
    checks = [check_page_models_registered, check_relations_have_api_objects, check_models_registered_once]
    checks.append(check_endpoint_names)
    for check in [
        *checks,
        check_filter_names,
        check_unique_names,
        check_models_in_their_app,
        check_one_site_root,
        check_api_fields_have_schemas,
    ]:
        assert check() == []


def test_every_project_page_model_needs_a_page_type():
    models = project_page_models()
    labels = {model._meta.app_label for model in models}
    assert {"home", "programmes"} <= labels and "wagtailcore" not in labels
    registered = [PageType(model) for model in models if model._meta.model_name != "standardpage"]
    with registry.override(*registered, app_label="home"):
        messages = check_page_models_registered()
    assert ids(messages) == ["platform.E001"]
    assert messages[0].msg == "The page model home.StandardPage is not registered with the platform."
    assert "home/contributions.py" in messages[0].hint


def test_a_model_registered_twice_is_an_error():
    with registry.override(PageType(Page), app_label="home"):
        assert check_models_registered_once() == []
        register(PageType(Page, on_topic_pages=True), app_label="programmes")
        register(SnippetAccess(Image, translatable=False), SnippetAccess(Image, translatable=True), app_label="home")
        messages = check_models_registered_once()
    assert ids(messages) == ["platform.E002", "platform.E002"]
    assert "PageType for 'wagtailcore.Page' is contributed 2 times (by home, programmes)" in messages[0].msg
    assert "SnippetAccess for 'wagtailimages.Image'" in messages[1].msg


def test_an_api_object_registered_twice_is_an_error():
    build = ApiObject(Image, "Image", build=lambda image: {}, schema={})
    with registry.override(build, ApiObject(Image, "Picture", build=build.build, schema={}), app_label="home"):
        assert ids(check_models_registered_once()) == ["platform.E002"]


def test_a_relation_needs_an_api_object_unless_it_is_a_page():
    relations = {"parent": Relation(Page), "picture": Relation(Image, many=True)}
    with registry.override(PageType(Page, api=PageApi(relations=relations)), app_label="home"):
        messages = check_relations_have_api_objects()
        register(ApiObject(Image, "Picture", build=lambda image: {}, schema={}), app_label="home")
        assert check_relations_have_api_objects() == []
    assert ids(messages) == ["platform.E006"]
    assert messages[0].msg == (
        "The API field 'picture' of wagtailcore.Page relates to wagtailimages.Image, which has no ApiObject."
    )


def test_endpoint_names_are_unique_and_leave_the_core_names_alone():
    with registry.override(endpoint("news"), app_label="home"):
        assert check_endpoint_names() == []
        register(endpoint("images"), endpoint("news"), app_label="programmes")
        messages = check_endpoint_names()
    assert ids(messages) == ["platform.E003", "platform.E003"]
    assert "'images' is contributed 2 times (by cms, programmes)" in messages[0].msg
    assert "'news' is contributed 2 times (by home, programmes)" in messages[1].msg


def test_a_filter_must_not_shadow_a_core_parameter():
    with registry.override(PageType(Page, api=PageApi(filters=[CountryFilter("locale", "")])), app_label="home"):
        messages = check_filter_names()
    assert ids(messages) == ["platform.E004"]
    assert "'locale' of wagtailcore.Page (home) is a query parameter of the pages endpoint" in messages[0].msg


def test_filters_sharing_a_name_need_the_same_schema():
    plain, other_field = CountryFilter("country", "A country."), CountryFilter("country", "", field="focus_countries")
    with registry.override(
        PageType(Page, api=PageApi(filters=[plain])),
        PageType(Image, api=PageApi(filters=[other_field])),
        app_label="home",
    ):
        assert check_filter_names() == []  # same schema, other field: fine
    status = ChoiceFilter("country", "", choices=("open", "closed"), method="with_status")
    with registry.override(
        PageType(Page, api=PageApi(filters=[plain])), PageType(Image, api=PageApi(filters=[status])), app_label="home"
    ):
        messages = check_filter_names()
    assert ids(messages) == ["platform.E004"]
    assert "'country' has 2 different schemas" in messages[0].msg


def test_feeds_navigation_sections_and_url_names_are_unique():
    unique = (
        feed("news_feed", "feeds/news.atom"),
        NavigationEntry("search", "search", "Search"),
        PageType(Page, section=Section("Aktuelles", "aktuelles", order=1)),
        Urls([path("a/", print, name="news_a")]),
        SitemapSource("news", list),
    )
    with registry.override(*unique, app_label="home"):
        assert check_unique_names() == []
        register(
            feed("news_feed", "feeds/other.atom"),
            feed("other_feed", "feeds/news.atom"),
            NavigationEntry("search", "other", "Suche"),
            PageType(Image, section=Section("News", "aktuelles", order=2)),
            Urls([path("b/", print, name="news_a")], position="root"),
            SitemapSource("news", list),
            SitemapSource("page", list),  # the core's name for pages
            app_label="programmes",
        )
        messages = check_unique_names()
    assert ids(messages) == ["platform.E005"] * 7
    assert [message.msg.split(" is contributed")[0] for message in messages] == [
        "The URL name 'news_feed'",
        "The URL name 'news_a'",
        "The feed path 'feeds/news.atom'",
        "The navigation key 'search'",
        "The section slug 'aktuelles'",
        "The sitemap source name 'page'",
        "The sitemap source name 'news'",
    ]


def test_search_facets_and_type_keys_are_unique_and_a_key_has_one_label():
    home_page, standard_page = project_page_models_of("home")
    topic = Facet("topic", "Topic", "All topics", "No topic %(value)s", list)
    source = SearchSource("thing", "Things", Image, queryset=list, visible=max, describe=print)
    with registry.override(
        PageType(home_page, search=PageSearch("page", "Pages")),
        PageType(standard_page, search=PageSearch("page", "Pages", facets={"topic": "title"})),
        topic,
        source,
        app_label="home",
    ):
        assert check_search_names() == []
        register(
            PageType(Image, search=PageSearch("page", "Other pages")),
            Facet("topic", "Subject", "All", "No %(value)s", list),
            SearchSource("page", "Pages", Image, queryset=list, visible=max, describe=print),
            app_label="programmes",
        )
        messages = check_search_names()
    assert ids(messages) == ["platform.E005"] * 3
    assert messages[0].msg.startswith("The search facet 'topic' is contributed 2 times (by home, programmes)")
    assert messages[1].msg.startswith("The search type 'page' has 2 labels (Other pages, Pages)")
    assert messages[2].msg.startswith("The search type 'page' is contributed 2 times (by home, programmes)")


def test_an_app_registers_only_its_own_models():
    home_page, standard_page = project_page_models_of("home")
    with registry.override(PageType(home_page), app_label="home"):
        register(PageType(standard_page), ApiObject(Image, "Picture", build=print, schema={}), app_label="programmes")
        messages = check_models_in_their_app()
    assert ids(messages) == ["platform.E008", "platform.E008"]
    assert messages[0].msg == "PageType for home.StandardPage is contributed by the app 'programmes'."
    assert messages[1].hint == "Register it in wagtailimages/contributions.py."


def project_page_models_of(app_label):
    return sorted((m for m in project_page_models() if m._meta.app_label == app_label), key=lambda m: m.__name__)


def test_exactly_one_page_type_is_the_site_root():
    home_page, standard_page = project_page_models_of("home")
    with registry.override(PageType(home_page, site_root=True), app_label="home"):
        assert check_one_site_root() == []
        register(PageType(standard_page, site_root=True), app_label="home")
        messages = check_one_site_root()
    assert ids(messages) == ["platform.E009"]
    assert "found home.HomePage, home.StandardPage" in messages[0].msg
    with registry.override(PageType(home_page), app_label="home"):
        assert "found none" in check_one_site_root()[0].msg


def test_every_api_field_needs_a_schema():
    api = PageApi(fields=["intro", APIField("summary")], schema={"intro": {"type": "string"}})
    with registry.override(PageType(Page, api=api), app_label="home"):
        messages = check_api_fields_have_schemas()
    assert ids(messages) == ["platform.E007"]
    assert messages[0].msg == "The API field 'summary' of wagtailcore.Page has no schema."
