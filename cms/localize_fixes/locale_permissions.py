"""Keep translators inside their own locale in wagtail-localize's admin views.

Upstream behaviour (wagtail-localize 1.14, ``views/edit_translation.py``, ``submit_translations.py``,
``update_translations.py``):

- the string, override, PO download/upload, preview, machine-translate and stop views check
  ``user_can_edit_instance``, which for snippets is ``user_can_edit_snippet_type``: a *model-level*
  check. A French translator who may change organisations could therefore write strings into the
  Arabic organisation's translation;
- the submit view ("Translate this page") and the sync view ("Update translations") check only the
  global ``wagtail_localize.submit_translation`` permission: any locale could be chosen, and "publish
  immediately" publishes every translation of the source.

This module wraps those views. Which locales a user may work in follows from the page permissions
(see ``editable_locale_ids``), so the page tree stays the single place where roles are configured.
The wrapped URLs are registered in ``editorial/wagtail_hooks.py`` *before* wagtail-localize's own, at
the same paths, so they win URL resolution while ``reverse("wagtail_localize:…")`` stays unchanged.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.urls import path
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation, submit_translations, update_translations

from .machine_translation import machine_translate
from .synchronized_fields import publish_fully_translated
from .translation_dates import localized_string_dates

_CACHE_ATTRIBUTE = "_kz_editable_locale_ids"


def editable_locale_ids(user):
    """The ids of the locales ``user`` may edit content in, or ``None`` for "every locale".

    A locale is editable when one of the user's groups may change pages in that locale's tree. Users
    without any page permission (for example a pure reference-data role) are not restricted by locale,
    nor are superusers, nor groups with permissions on the tree root (which spans every locale).
    Cached on the user object: one query per request.
    """
    if not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return None
    if not hasattr(user, _CACHE_ATTRIBUTE):
        rows = set(
            Page.objects.filter(
                group_permissions__group__user=user,
                group_permissions__permission__codename="change_page",
            ).values_list("locale_id", "depth")
        )
        if not rows or any(depth == 1 for _, depth in rows):
            ids = None
        else:
            ids = {locale_id for locale_id, _ in rows}
        setattr(user, _CACHE_ATTRIBUTE, ids)
    return getattr(user, _CACHE_ATTRIBUTE)


def user_can_work_in_locale(user, locale_id):
    ids = editable_locale_ids(user)
    return ids is None or locale_id in ids


def _guard_translation(view):
    """Refuse the wrapped per-translation view unless the translation's target locale is the user's."""

    def wrapped(request, translation_id, *args, **kwargs):
        translation = get_object_or_404(Translation, id=translation_id)
        if not user_can_work_in_locale(request.user, translation.target_locale_id):
            raise PermissionDenied
        return view(request, translation_id, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    # Keep the REST framework / CSRF attributes the original view carries.
    wrapped.__dict__.update(view.__dict__)
    return wrapped


class LocaleRestrictedSubmitMixin:
    """Who may edit the source may send it into every language (the German editor hands a page out
    for translation); anyone else is offered only the locales they may work in."""

    def get_form(self):
        form = super().get_form()
        ids = editable_locale_ids(self.request.user)
        if ids is not None and self.object.locale_id not in ids:
            field = form.fields["locales"]
            field.queryset = field.queryset.filter(id__in=ids)
        return form


class SubmitPageTranslationView(LocaleRestrictedSubmitMixin, submit_translations.SubmitPageTranslationView):
    pass


class SubmitSnippetTranslationView(LocaleRestrictedSubmitMixin, submit_translations.SubmitSnippetTranslationView):
    pass


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    """Syncing refreshes the shared source; "Publish immediately" is allowed only for own locales.

    Without it, the live translations that have nothing left to translate are published all the same
    (``synchronized_fields``): only the synchronised values change, no translator's decision is needed."""

    def may_publish_all_targets(self):
        if not hasattr(self, "_may_publish_all_targets"):
            ids = editable_locale_ids(self.request.user)
            targets = set(self.object.translations.filter(enabled=True).values_list("target_locale_id", flat=True))
            self._may_publish_all_targets = ids is None or targets <= ids
        return self._may_publish_all_targets

    def get_form(self):
        form = super().get_form()
        # Offering "Publish immediately" to someone who would then be refused is a trap (Redaktion).
        if not self.may_publish_all_targets():
            del form.fields["publish_translations"]
        return form

    @transaction.atomic
    def form_valid(self, form):
        form.cleaned_data.setdefault("publish_translations", False)  # the field may have been removed
        response = super().form_valid(form)
        if not form.cleaned_data["publish_translations"]:
            # Upstream would leave every translation showing the old synchronised values (times, venue …).
            publish_fully_translated(self.object)
        return response

    def post(self, request, **kwargs):
        if request.POST.get("publish_translations") and not self.may_publish_all_targets():
            raise PermissionDenied
        return super().post(request, **kwargs)


# wagtail-localize's translation-editor endpoints: (route, URL name = view function in its edit_translation module).
TRANSLATION_EDITOR_ROUTES = [
    ("strings/<int:string_segment_id>/edit/", "edit_string_translation"),
    ("overrides/<int:overridable_segment_id>/edit/", "edit_override"),
    ("pofile/download/", "download_pofile"),
    ("pofile/upload/", "upload_pofile"),
    ("machine_translate/", "machine_translate"),
    ("preview/", "preview_translation"),
    ("preview/<str:mode>/", "preview_translation"),
    ("disable/", "stop_translation"),
]


def _editor_view(name):
    # Wrapped once more: machine-translate provider errors become a message (machine_translation.py),
    # a saved string's comment gets a localized date (translation_dates.py).
    if name == "machine_translate":
        return machine_translate
    if name == "edit_string_translation":
        return localized_string_dates(edit_translation.edit_string_translation)
    return getattr(edit_translation, name)


def guarded_urlpatterns():
    """URL patterns mirroring wagtail-localize's, to be mounted at ``admin/localize/`` before its own."""
    editor = [
        path(
            f"translate/<int:translation_id>/{route}",
            _guard_translation(_editor_view(name)),
            name=name,
        )
        for route, name in TRANSLATION_EDITOR_ROUTES
    ]
    return editor + [
        path("submit/page/<int:page_id>/", SubmitPageTranslationView.as_view(), name="submit_page_translation"),
        path(
            "submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            SubmitSnippetTranslationView.as_view(),
            name="submit_snippet_translation",
        ),
        path("update/<int:translation_source_id>/", UpdateTranslationsView.as_view(), name="update_translations"),
    ]
