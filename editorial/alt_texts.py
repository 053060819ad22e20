"""Translators write the alternative texts of images in their own language (issue 14).

The German text is the image's ``description``, written by Redaktion at upload; each other language
has one ``cms.models.ImageAltText`` per image. This screen lists the images the user may choose with
the German text, a thumbnail and one field for the text in the user's language, the images still
without one first. Who may write which language follows the page permissions, as everywhere else for
translators (``editable_locale_ids``): Übersetzung FR writes French only, whatever the request says.

Thumbnails are the worker's renditions (cms/renditions.py): a listing only looks them up and asks the
worker for missing ones. Saving goes through the model (``save``/``delete``), so the page cache's
signal handlers purge what shows the image, as when the image form saves its texts.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.images import get_image_model
from wagtail.images.permissions import permission_policy as image_permission_policy
from wagtail.log_actions import log
from wagtail.models import Locale

from cms.image_alt import default_language
from cms.image_forms import language_name, text_direction
from cms.localize_fixes.locale_permissions import editable_locale_ids
from cms.models import ImageAltText
from cms.renditions import THUMBNAIL_RENDITION, existing

from .roles import ALT_TEXT_PERMISSION

PERMISSION = ".".join(ALT_TEXT_PERMISSION)
LOG_ACTION = "kz.alt_text"
MISSING, ALL = "missing", "all"


def alt_text_locales(user):
    """The locales whose alternative texts ``user`` may write, in the order of settings.LANGUAGES: none
    without the permission; the languages of their page permissions; every one but German for users
    not restricted by locale (administrators, superusers)."""
    if not user.has_perm(PERMISSION):
        return []
    locales = Locale.objects.exclude(language_code=default_language())
    ids = editable_locale_ids(user)
    if ids is not None:
        locales = locales.filter(pk__in=ids)
    order = [code for code, _name in settings.LANGUAGES]
    return sorted(locales, key=lambda locale: order.index(locale.language_code))


def choosable_images(user):
    return image_permission_policy.instances_user_has_any_permission_for(user, ["choose"])


def _has_text(locale):
    return Exists(ImageAltText.objects.filter(image=OuterRef("pk"), locale=locale).exclude(text=""))


def missing_counts(user, locales=None):
    """[(locale, number of images without an alternative text in it)] for ``user``, in one query."""
    locales = alt_text_locales(user) if locales is None else locales
    if not locales:
        return []
    counts = choosable_images(user).aggregate(
        **{f"missing_{locale.pk}": Count("pk", filter=~Q(_has_text(locale))) for locale in locales}
    )
    return [(locale, counts[f"missing_{locale.pk}"]) for locale in locales]


class AltTextFilterForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"))
    show = forms.ChoiceField(label=_("Show"), required=False)
    q = forms.CharField(label=_("Image title"), required=False)

    def __init__(self, *args, locales, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [(loc.language_code, language_name(loc.language_code)) for loc in locales]
        self.fields["language"].initial = locales[0].language_code
        self.fields["show"].choices = [
            (MISSING, _("Without an alternative text in this language")),
            (ALL, _("All images")),
        ]


class AltTextsForm(forms.Form):
    """One field per listed image: its alternative text in ``locale``."""

    def __init__(self, *args, images, locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.images = images
        label = _("Alternative text (%(language)s)") % {"language": language_name(locale.language_code)}
        attrs = {"lang": locale.language_code, "dir": text_direction(locale), "rows": 2}
        for image in images:
            self.fields[self.field_name(image)] = forms.CharField(
                label=label,
                required=False,
                max_length=ImageAltText._meta.get_field("text").max_length,
                initial=image.alt_text or "",
                widget=forms.Textarea(attrs=attrs),  # room for a sentence; still one line of text
            )

    @staticmethod
    def field_name(image):
        return f"alt-{image.pk}"

    def rows(self):
        return [(image, self[self.field_name(image)]) for image in self.images]

    def changes(self, only=None):
        """[(image, new text)] for the texts that differ from the stored ones (all rows, or image ``only``).
        Line breaks typed into the field become spaces: an alternative text is one line."""
        texts = {image.pk: " ".join(self.cleaned_data[self.field_name(image)].split()) for image in self.images}
        return [
            (image, texts[image.pk])
            for image in self.images
            if (only is None or image.pk == only) and texts[image.pk] != (image.alt_text or "")
        ]


class AltTextsView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Alternative texts")
    header_icon = "image"
    template_name = "editorial/alt_texts.html"
    paginate_by = 20

    def dispatch(self, request, *args, **kwargs):
        self.locales = alt_text_locales(request.user)
        if not self.locales:
            raise PermissionDenied
        code = request.POST.get("language") or request.GET.get("language")
        self.locale = next((locale for locale in self.locales if locale.language_code == code), None)
        if self.locale is None and code:
            # Another language than the user's own: refused, and said so, rather than silently replaced.
            languages = ", ".join(language_name(locale.language_code) for locale in self.locales)
            message = _("You may write alternative texts only in %(languages)s.") % {"languages": languages}
            messages.error(request, message)
            return redirect(request.path)
        self.locale = self.locale or self.locales[0]
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        # Without its own item the header would show only the last breadcrumb, "Home".
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    @cached_property
    def filter_form(self):
        return AltTextFilterForm(self.request.GET or None, locales=self.locales)

    @cached_property
    def show(self):
        return ALL if self.request.GET.get("show") == ALL else MISSING

    def with_texts_and_thumbnails(self, images):
        """``images`` with their text in the language (``alt_text``) and their thumbnail prefetched."""
        return (
            images.annotate(
                alt_text=Subquery(
                    ImageAltText.objects.filter(image=OuterRef("pk"), locale=self.locale).values("text")[:1]
                ),
                has_alt_text=_has_text(self.locale),
            )
            .prefetch_related(
                Prefetch(
                    "renditions",
                    queryset=get_image_model().get_rendition_model().objects.filter(filter_spec=THUMBNAIL_RENDITION),
                )
            )
            .order_by("-created_at", "-pk")
        )

    def images(self):
        images = self.with_texts_and_thumbnails(choosable_images(self.request.user))
        if self.show == MISSING:
            images = images.filter(has_alt_text=False)
        query = self.request.GET.get("q", "").strip()
        if query:
            images = images.filter(title__icontains=query)
        return images

    @cached_property
    def page(self):
        return Paginator(self.images(), self.paginate_by).get_page(self.request.GET.get("p"))

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        images = list(self.page.object_list)
        for image in images:
            image.thumbnail = existing(image, [THUMBNAIL_RENDITION]).get(THUMBNAIL_RENDITION)
        form = form or AltTextsForm(images=images, locale=self.locale)
        language = language_name(self.locale.language_code)
        context.update(
            filter_form=self.filter_form,
            form=form,
            page_obj=self.page,
            elided_page_range=self.page.paginator.get_elided_page_range(self.page.number),
            locale=self.locale,
            language=language,
            direction=text_direction(self.locale),
            show=self.show,
            missing_label=_("Without an alternative text in %(language)s") % {"language": language},
            query_string=self.request.GET.urlencode(),
            counts=missing_counts(self.request.user, self.locales),
        )
        return context

    def post(self, request, *args, **kwargs):
        ids = [int(pk) for pk in request.POST.getlist("image") if pk.isdigit()]
        images = list(self.with_texts_and_thumbnails(choosable_images(request.user).filter(pk__in=ids)))
        if len(images) != len(set(ids)):  # an image the user may not choose, or one deleted meanwhile
            raise PermissionDenied
        form = AltTextsForm(request.POST, images=images, locale=self.locale)
        if not form.is_valid():
            messages.error(request, _("The alternative texts could not be saved. Please correct the errors below."))
            self.page = Paginator(images, max(len(images), 1)).get_page(1)
            return self.render_to_response(self.get_context_data(form=form))
        only = request.POST.get("save", "")
        changes = form.changes(only=int(only) if only.isdigit() else None)
        self.save(changes)
        language = language_name(self.locale.language_code)
        if changes:
            message = ngettext(
                "%(count)s alternative text in %(language)s saved.",
                "%(count)s alternative texts in %(language)s saved.",
                len(changes),
            ) % {"count": len(changes), "language": language}
            messages.success(request, message)
        else:
            messages.info(request, _("No alternative text was changed."))
        query = request.POST.get("query", "")
        return redirect(f"{request.path}?{query}" if query else request.path)

    def save(self, changes):
        user, locale = self.request.user, self.locale
        with transaction.atomic():  # one purge of the caches for the whole batch (cms/page_cache)
            for image, text in changes:
                if text:
                    ImageAltText.objects.update_or_create(image=image, locale=locale, defaults={"text": text})
                else:
                    ImageAltText.objects.filter(image=image, locale=locale).delete()
                log(
                    instance=image,
                    action=LOG_ACTION,
                    user=user,
                    data={"language": locale.language_code, "old": image.alt_text or "", "new": text},
                )
