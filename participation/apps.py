from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = _("Participation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms import jobs, page_cache

        from . import mail, signals
        from .models import Registration

        signals.connect()
        # Event pages show the free places (participation_tags): a registration, cancellation or
        # promotion changes them on that event's pages only.
        page_cache.watch(Registration, tags=lambda row: [("event-places", row.event_id)], urls=event_page_urls)
        # The retry sweep only enqueues delivery tasks: no SMTP in the scheduler (docs/participation.md).
        jobs.register("retry_mail", timedelta(minutes=1), mail.enqueue_due)
        jobs.register(
            "purge_expired_submissions", timedelta(days=1), jobs.command("purge_expired_submissions", in_worker=True)
        )


def event_page_urls(registration):
    """The event's page in every language: the only pages that show its free places."""
    from cms.page_cache.invalidation import page_urls

    return page_urls([registration.event], ancestors=False)
