"""The *Sprachen* settings screens (wagtail-localize's locale admin) without the English "Locale".

Their texts come from wagtail-localize's ``locales`` app, which has no German catalogue: the project's
translations are in ``locale_overrides/``. One label no catalogue reaches: the add screen's subtitle is
``capfirst(Locale._meta.verbose_name)``, and Wagtail's ``Locale`` model has no translatable verbose name
(Django's default "locale"). The add view is wrapped with a subtitle of its own, registered before
wagtail-localize's viewset at the same path, so ``reverse("wagtaillocales:add")`` stays unchanged.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail_localize.locales.views import CreateView, LocaleViewSet


class LanguageCreateView(CreateView):
    page_subtitle = _("Language")


class LanguageViewSet(LocaleViewSet):
    add_view_class = LanguageCreateView


def urlpatterns():
    viewset = LanguageViewSet("wagtaillocales", url_prefix="locales")
    return [path("locales/new/", viewset.add_view)]
