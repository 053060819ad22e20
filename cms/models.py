from django.db import models
from django.utils.translation import gettext_lazy as _


class ScheduledJobRun(models.Model):
    """One row per scheduled job: the period it last ran for. A scheduler claims the next period with one
    conditional UPDATE (cms/jobs.py), so with a scheduler on every host each job still runs once per period."""

    name = models.CharField(_("job"), max_length=100, primary_key=True)
    period_start = models.DateTimeField(_("period"), null=True)
    # Set while a run is in progress; a run still going blocks the next period until it has passed
    # (a scheduler that died mid-run blocks nothing for longer than that).
    running_until = models.DateTimeField(_("running until"), null=True)
    started_at = models.DateTimeField(_("started at"), null=True)
    finished_at = models.DateTimeField(_("finished at"), null=True)
    succeeded = models.BooleanField(_("succeeded"), null=True)
    host = models.CharField(_("host"), max_length=255, blank=True)
    detail = models.TextField(_("detail"), blank=True)

    class Meta:
        verbose_name = _("scheduled job run")
        verbose_name_plural = _("scheduled job runs")

    def __str__(self):
        return self.name


class ImageAltText(models.Model):
    """An image's alternative text in one language other than the default one.

    The default (German) text stays the image's ``description``; cms.image_alt.alt_for chooses.
    """

    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.CASCADE, related_name="alt_texts", verbose_name=_("image")
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+", verbose_name=_("language")
    )
    text = models.CharField(_("alternative text"), max_length=255)  # as the description

    class Meta:
        verbose_name = _("alternative text of an image")
        verbose_name_plural = _("alternative texts of images")
        constraints = [models.UniqueConstraint(fields=["image", "locale"], name="unique_image_alt_text_per_locale")]

    def __str__(self):
        return self.text
