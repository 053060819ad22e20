"""The second login step, enrolment in the second factor, and the report of locked logins."""

import base64

import qrcode
import qrcode.image.svg
from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import TemplateView, View
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms import EnrolmentForm, TokenForm
from .otp import has_second_factor, new_recovery_codes, remove_second_factor, second_factor_required

UNLOCK_PERMISSION = "auth.change_user"


def _next_url(request):
    target = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def _second_step_view(view):
    return method_decorator([never_cache, sensitive_post_parameters("token")], name="dispatch")(view)


@_second_step_view
class VerifyView(View):
    """The second login step: a code from the authenticator app or a recovery code, once per session."""

    template_name = "security/otp_verify.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect(reverse("wagtailadmin_login"))
        if request.user.is_verified():
            return redirect(_next_url(request))
        if not has_second_factor(request.user):
            return redirect(reverse("security:otp_setup") + "?" + request.GET.urlencode())
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.render(TokenForm())

    def post(self, request):
        form = TokenForm(request.POST)
        if form.is_valid():
            device = self.matching_device(request.user, form.cleaned_data["token"])
            if device is not None:
                otp_login(request, device)
                return redirect(_next_url(request))
            form.add_error("token", _("This code is not valid. Check the time on your phone, or use a recovery code."))
        return self.render(form)

    def matching_device(self, user, token):
        # Per device, as django-otp recommends: each one throttles its own wrong attempts, and a
        # recovery code is deleted when it is used.
        with transaction.atomic():
            for device in devices_for_user(user, confirmed=True, for_verify=True):
                allowed, _details = device.verify_is_allowed()
                if allowed and device.verify_token(token):
                    return device
        return None

    def render(self, form):
        return render(self.request, self.template_name, {"form": form, "next": _next_url(self.request)})


@_second_step_view
class SetupView(View):
    """Enrolment: a new TOTP key as QR code, otpauth:// URI and text; confirmed by a first code."""

    template_name = "security/otp_setup.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect(reverse("wagtailadmin_login"))
        # Replacing an existing factor needs the existing one first (the middleware sends there).
        if has_second_factor(request.user) and not request.user.is_verified():
            return redirect(reverse("security:otp_verify") + "?" + request.GET.urlencode())
        return super().dispatch(request, *args, **kwargs)

    def unconfirmed_device(self, create):
        device = TOTPDevice.objects.filter(user=self.request.user, confirmed=False).first()
        if device is None and create:
            device = TOTPDevice.objects.create(user=self.request.user, name="authenticator", confirmed=False)
        return device

    def get(self, request):
        return self.render(EnrolmentForm(), self.unconfirmed_device(create=True))

    def post(self, request):
        device = self.unconfirmed_device(create=False)
        if device is None:  # the key shown has meanwhile been confirmed or replaced
            return redirect(request.get_full_path())
        form = EnrolmentForm(request.POST)
        if form.is_valid() and device.verify_token(form.cleaned_data["token"]):
            with transaction.atomic():
                TOTPDevice.objects.filter(user=request.user).exclude(pk=device.pk).delete()
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                codes = new_recovery_codes(request.user)
            otp_login(request, device)
            return render(request, "security/otp_recovery_codes.html", {"codes": codes, "next": _next_url(request)})
        if form.is_valid():
            form.add_error("token", _("This code is not valid. Check the time on your phone and try the current code."))
        return self.render(form, device)

    def render(self, form, device):
        issuer = settings.OTP_TOTP_ISSUER
        context = {
            "form": form,
            "secret": base64.b32encode(device.bin_key).decode(),
            "otpauth_uri": device.config_url,
            "qr_svg": qr_code_svg(device.config_url),
            "issuer": issuer,
            "required": second_factor_required(self.request.user),
            "next": _next_url(self.request),
        }
        return render(self.request, self.template_name, context)


def qr_code_svg(data):
    """An inline SVG of the QR code, made here (nothing is sent to a QR service)."""
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=12, border=2)
    return image.to_string(encoding="unicode")  # the <svg> element alone, for inline HTML


class SecondFactorView(WagtailAdminTemplateMixin, TemplateView):
    """The account's second factor: its state, new recovery codes, switching it off where optional."""

    page_title = gettext_lazy("Two-factor authentication")
    header_icon = "key"
    template_name = "security/otp_manage.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            has_device=has_second_factor(user),
            required=second_factor_required(user),
            recovery_left=StaticToken.objects.filter(device__user=user, device__confirmed=True).count(),
            **kwargs,
        )

    def post(self, request):
        user = request.user
        action = request.POST.get("action")
        if action == "recovery_codes" and has_second_factor(user):
            codes = new_recovery_codes(user)
            return render(
                request, "security/otp_recovery_codes.html", {"codes": codes, "next": reverse("security:otp_manage")}
            )
        if action == "disable" and not second_factor_required(user):
            remove_second_factor(user)
            messages.success(request, _("Two-factor authentication is switched off for your account."))
        return redirect("security:otp_manage")


class LockedLoginsView(WagtailAdminTemplateMixin, TemplateView):
    """Gesperrte Anmeldungen: usernames and addresses over the failure limit, with an unlock action."""

    page_title = gettext_lazy("Locked logins")
    header_icon = "lock"
    template_name = "security/locked_logins.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(UNLOCK_PERMISSION):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        since = timezone.now() - settings.AXES_COOLOFF_TIME
        attempts = AccessAttempt.objects.filter(attempt_time__gte=since).order_by("-attempt_time")
        return super().get_context_data(
            attempts=attempts,
            failure_limit=settings.AXES_FAILURE_LIMIT,
            **kwargs,
        )

    def post(self, request):
        attempt = AccessAttempt.objects.filter(pk=request.POST.get("attempt")).first()
        if attempt is not None:
            axes_reset(ip=attempt.ip_address, username=attempt.username)
            messages.success(
                request,
                _("Unlocked: %(username)s from %(address)s.")
                % {"username": attempt.username, "address": attempt.ip_address},
            )
        return redirect("security:locked_logins")
