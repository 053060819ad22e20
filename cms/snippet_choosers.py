"""Create a translatable snippet (venue, organisation, contact point) from its chooser, in the page's language.

Wagtail's chooser modal can offer a "create" tab (ChooserViewSet.form_fields); Wagtail then saves
the form as it is, without a locale, and checks only the model's "add" permission. Here the new row
gets the locale of the page being edited (the chooser is opened with ``?locale=`` of the page's
language, which the create form's address keeps), the user must be allowed to work in that locale
(cms/localize_fixes/locale_permissions.py), related translatable rows offered in the form are those
of that locale, and the creation is written to the audit log like one made in the snippet's own form.
"""

import urllib.parse

from django.core.exceptions import PermissionDenied
from django.db import models
from django.forms import modelform_factory
from django.utils.functional import cached_property
from wagtail.log_actions import log
from wagtail.models import Locale, TranslatableMixin
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetCreateView,
)

from cms.localize_fixes.locale_permissions import user_can_work_in_locale


class CreationInPageLocaleMixin:
    @cached_property
    def creation_locale(self):
        code = self.request.GET.get("locale")
        return Locale.objects.filter(language_code=code).first() if code else Locale.get_default()

    def can_create(self):
        locale = self.creation_locale
        return locale is not None and super().can_create() and user_can_work_in_locale(self.request.user, locale.pk)

    def get_create_url(self):
        url = super().get_create_url()
        if self.creation_locale is None:
            return url
        query = urllib.parse.urlencode({"locale": self.creation_locale.language_code})
        return f"{url}{'&' if '?' in url else '?'}{query}"

    def get_creation_form_class(self):
        return modelform_factory(self.model_class, fields=self.form_fields, formfield_callback=web_addresses_are_https)

    def get_creation_form(self):
        form = super().get_creation_form()
        if form is not None and self.creation_locale is not None:
            for field in form.fields.values():
                queryset = getattr(field, "queryset", None)
                if isinstance(queryset, models.QuerySet) and issubclass(queryset.model, TranslatableMixin):
                    field.queryset = queryset.filter(locale=self.creation_locale)
        return form


def web_addresses_are_https(field, **kwargs):
    """A web address typed without a scheme is taken as https:// (Django 6's default, as in the admin)."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class LocalisedChooseView(CreationInPageLocaleMixin, ChooseView):
    pass


class LocalisedChooseResultsView(CreationInPageLocaleMixin, ChooseResultsView):
    pass


class LocalisedCreateView(CreationInPageLocaleMixin, SnippetCreateView):
    def dispatch(self, request, *args, **kwargs):
        if self.creation_locale is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def save_form(self, form):
        form.instance.locale = self.creation_locale
        instance = form.save()
        log(instance=instance, action="wagtail.create", user=self.request.user)
        return instance


class CreationChooserViewSet(SnippetChooserViewSet):
    """A snippet chooser with a "create" tab; subclasses name the ``form_fields`` to offer."""

    choose_view_class = LocalisedChooseView
    choose_results_view_class = LocalisedChooseResultsView
    create_view_class = LocalisedCreateView


def chooser_with_creation(*fields):
    """The ``chooser_viewset_class`` for a SnippetViewSet whose chooser creates rows with ``fields``."""
    return type("CreationChooserViewSet", (CreationChooserViewSet,), {"form_fields": list(fields)})
