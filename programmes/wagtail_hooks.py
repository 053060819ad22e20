from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.snippet_choosers import chooser_with_creation

from .models import ApplicantType, ContactPoint, Country, Organisation, Partnership, Region, Venue
from .panels import dashboard_panels


class PartnershipViewSet(SnippetViewSet):
    model = Partnership
    icon = "group"
    menu_label = _("Partnerships")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["german_partner", "maghreb_partner", "country", "status", "locale"]
    # No "locale" here: Wagtail adds its own locale filter (by language code, ?locale=de) to translatable
    # snippets, and a second one under the same parameter breaks both.
    list_filter = ["status", "country"]
    search_fields = ["german_partner", "maghreb_partner", "focus"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "site"
    list_display = ["name", "short_name", "kind", "locale"]
    list_filter = ["kind"]  # and Wagtail's locale filter, see PartnershipViewSet
    search_fields = ["name", "short_name"]
    chooser_viewset_class = chooser_with_creation("name", "short_name", "kind", "country", "website", "description")


class ContactPointViewSet(SnippetViewSet):
    model = ContactPoint
    icon = "mail"
    list_display = ["title", "email", "phone", "locale"]
    search_fields = ["title", "email"]
    chooser_viewset_class = chooser_with_creation("title", "organisation", "email", "phone", "url", "address")


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "home"
    list_display = ["name", "locality", "country", "locale"]
    search_fields = ["name", "locality"]
    chooser_viewset_class = chooser_with_creation(
        "name", "street_address", "postal_code", "locality", "region", "country"
    )


class ApplicantTypeViewSet(SnippetViewSet):
    model = ApplicantType
    icon = "tag"
    list_display = ["name", "code", "locale"]


class CountryViewSet(SnippetViewSet):
    model = Country
    icon = "globe"
    list_display = ["code", "name"]


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "globe"
    list_display = ["code", "name", "country", "valid_from", "valid_until"]
    list_filter = ["country"]
    search_fields = ["code", "name"]


class ReferenceDataGroup(SnippetViewSetGroup):
    menu_label = _("Reference data")
    menu_icon = "folder-open-inverse"
    menu_order = 210
    items = (
        OrganisationViewSet,
        ContactPointViewSet,
        VenueViewSet,
        ApplicantTypeViewSet,
        CountryViewSet,
        RegionViewSet,
    )


register_snippet(PartnershipViewSet)
register_snippet(ReferenceDataGroup)


@hooks.register("construct_homepage_panels")
def add_call_and_event_panels(request, panels):
    panels.extend(dashboard_panels(request.user))
