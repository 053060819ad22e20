"""The programmes app's demo content (``content_de.py``, ``images/``, ``locale/``) and what loading it
needs beyond the generic loader: places as ``Place`` markers and a programme's organisation roles."""

from dataclasses import dataclass

from cms.platform import DemoField
from programmes.models import Country, ProgrammeOrganisation, Region


@dataclass(frozen=True)
class Place:
    """A Country (ISO 3166-1 alpha-2, "DZ") or a Region (ISO 3166-2, "DZ-23")."""

    code: str


def resolve_place(place):
    if "-" in place.code:
        return Region.objects.get(code=place.code)
    return Country.objects.get(code=place.code)


def assign_organisation_roles(programme, roles, resolve):
    """``roles``: [(SnippetRef("organisation", key), role), ...] in display order."""
    programme.organisation_roles = [
        ProgrammeOrganisation(organisation=resolve(organisation), role=role, sort_order=index)
        for index, (organisation, role) in enumerate(roles)
    ]


def organisation_roles_fingerprint(programme):
    return [(role.organisation_id, role.role) for role in programme.organisation_roles.all()]


ORGANISATION_ROLES = DemoField(assign_organisation_roles, organisation_roles_fingerprint)
