"""Submissions from visitors: event registrations, expressions of interest for calls, and the
outbox of e-mails about them.

Submissions are plain Django models, not pages or snippets: they never reach the page tree,
search index, API, sitemap or feeds. Only admin users with the model permissions see them.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

# Size limits shared by the models and the public forms.
NAME_MAX = 200
EMAIL_MAX = 254
TEXT_MAX = 2000
MESSAGE_MAX = 4000
TOKEN_MAX = 64


def new_token():
    return secrets.token_urlsafe(32)


def language_name(code):
    """The language's name in the active language (the admin's German in exports), not its code."""
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class InterestStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_REVIEW = "in_review", _("In review")
    CONTACTED = "contacted", _("Contacted")
    CLOSED = "closed", _("Closed")


class EventCapacity(models.Model):
    """One row per event, locked (SELECT … FOR UPDATE) while places are handed out, so two
    registrations racing for the last place are served one after the other."""

    event = models.OneToOneField(
        "programmes.EventPage", on_delete=models.CASCADE, primary_key=True, related_name="+", verbose_name=_("event")
    )
    # Written at every hand-out: the UPDATE is what takes the lock (see services.lock_event).
    lock_count = models.PositiveBigIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("event capacity lock")
        verbose_name_plural = _("event capacity locks")

    def __str__(self):
        return str(self.event_id)


class Registration(models.Model):
    # PROTECT: deleting an event page must never delete its registrations silently (see wagtail_hooks).
    event = models.ForeignKey(
        "programmes.EventPage",
        verbose_name=_("event"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The event in the source language; registrations from every language count together."),
    )
    name = models.CharField(_("name"), max_length=NAME_MAX)
    organisation = models.CharField(_("organisation or municipality"), max_length=NAME_MAX)
    role = models.CharField(_("role"), max_length=NAME_MAX, blank=True)
    email = models.EmailField(_("e-mail"), max_length=EMAIL_MAX)
    language = models.CharField(_("preferred language"), max_length=10, choices=settings.LANGUAGES)
    needs = models.TextField(_("accessibility or interpretation needs"), max_length=TEXT_MAX, blank=True)
    consent_at = models.DateTimeField(_("consent given at"))
    status = models.CharField(_("status"), max_length=20, choices=RegistrationStatus.choices)
    internal_note = models.TextField(_("internal note"), max_length=TEXT_MAX, blank=True)
    token = models.CharField(_("access token"), max_length=TOKEN_MAX, unique=True, default=new_token, editable=False)
    submission_token = models.CharField(_("submission token"), max_length=TOKEN_MAX, unique=True, editable=False)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # A repeated registration reminds the address holder at most once a day (see services.register).
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["event", "created_at", "pk"]
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        constraints = [
            # One active registration per e-mail address and event (cancelled ones may repeat).
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~models.Q(status="cancelled"),
                name="participation_one_active_registration_per_email",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.email})"

    def language_name(self):
        return language_name(self.language)

    language_name.short_description = _("preferred language")


class ExpressionOfInterest(models.Model):
    call = models.ForeignKey(
        "programmes.CallForParticipationPage",
        verbose_name=_("call"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The call in the source language."),
    )
    organisation_name = models.CharField(_("municipality or company"), max_length=NAME_MAX)
    applicant_type = models.ForeignKey(
        "programmes.ApplicantType",
        verbose_name=_("type"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    german_state = models.ForeignKey(
        "programmes.Region",
        verbose_name=_("German Land"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_person = models.CharField(_("contact person"), max_length=NAME_MAX)
    email = models.EmailField(_("e-mail"), max_length=EMAIL_MAX)
    topics = models.ManyToManyField("programmes.TopicPage", verbose_name=_("topics of interest"), blank=True)
    partner_country = models.ForeignKey(
        "programmes.Country",
        verbose_name=_("preferred partner country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    message = models.TextField(_("message"), max_length=MESSAGE_MAX, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    consent_at = models.DateTimeField(_("consent given at"))
    status = models.CharField(_("status"), max_length=20, choices=InterestStatus.choices, default=InterestStatus.NEW)
    internal_note = models.TextField(_("internal note"), max_length=TEXT_MAX, blank=True)
    token = models.CharField(_("access token"), max_length=TOKEN_MAX, unique=True, default=new_token, editable=False)
    submission_token = models.CharField(_("submission token"), max_length=TOKEN_MAX, unique=True, editable=False)
    created_at = models.DateTimeField(_("received at"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")

    def __str__(self):
        return f"{self.organisation_name} ({self.email})"

    def topic_titles(self):
        return ", ".join(topic.title for topic in self.topics.all())

    topic_titles.short_description = _("topics of interest")

    def language_name(self):
        return language_name(self.language)

    language_name.short_description = _("language")


class OutgoingMail(models.Model):
    """Every e-mail is written here in the same transaction as its submission; after commit a task
    sends it (``db_worker``). A failed send stays here and is retried with backoff."""

    to = models.EmailField(_("recipient"), max_length=EMAIL_MAX, db_index=True)
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("text"))
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True, db_index=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    # A worker sets this before it speaks SMTP; no other worker takes the mail until it has passed
    # (participation/mail.py: claim). Then the one that died mid-send no longer blocks it.
    claimed_until = models.DateTimeField(_("claimed until"), null=True, blank=True, editable=False)
    # After a failed attempt: not retried before this (backoff).
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        # Sending again is not "changing" an e-mail: the team may resend without editing the outbox.
        permissions = [("resend_outgoingmail", _("Can resend outgoing e-mails"))]

    def __str__(self):
        return f"{self.subject} → {self.to}"

    @property
    def gave_up(self):
        """Unsent after every automatic attempt: only a resend from the admin sends it now."""
        return self.sent_at is None and self.attempts >= settings.PARTICIPATION_MAIL_MAX_ATTEMPTS

    def delivery_status(self):
        if self.sent_at is not None:
            return _("Sent")
        if self.gave_up:
            return _("Failed – not retried any more")
        if self.attempts:
            return _("Failed – will be retried")
        return _("Waiting to be sent")

    delivery_status.short_description = _("delivery status")
