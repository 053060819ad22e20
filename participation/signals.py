"""A place freed by the editor: raising an event's capacity moves the waiting list up at once."""

from django.db import transaction
from wagtail.models import Locale
from wagtail.signals import page_published

from programmes.models import EventPage

from . import services
from .models import Registration, RegistrationStatus


def promote_after_publish(sender, instance, **kwargs):
    # Registrations belong to the source-language page; its capacity is the one that counts.
    if instance.locale_id != Locale.get_default().pk:
        return
    if not Registration.objects.filter(event=instance, status=RegistrationStatus.WAITING).exists():
        return
    with transaction.atomic():
        services.lock_event(instance)
        services.promote_waiting(instance)


def connect():
    page_published.connect(promote_after_publish, sender=EventPage, dispatch_uid="participation_promote_on_publish")
