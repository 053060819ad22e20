from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = _("Participation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from datetime import timedelta

        from cms import jobs

        from . import mail, signals

        signals.connect()
        # The retry sweep only enqueues delivery tasks: no SMTP in the scheduler (docs/participation.md).
        jobs.register("retry_mail", timedelta(minutes=1), mail.enqueue_due)
        jobs.register(
            "purge_expired_submissions", timedelta(days=1), jobs.command("purge_expired_submissions", in_worker=True)
        )
