from django.urls import path

from . import views

app_name = "security"

urlpatterns = [
    path("2fa/verify/", views.VerifyView.as_view(), name="otp_verify"),
    path("2fa/setup/", views.SetupView.as_view(), name="otp_setup"),
    path("2fa/", views.SecondFactorView.as_view(), name="otp_manage"),
    path("reports/locked-logins/", views.LockedLoginsView.as_view(), name="locked_logins"),
]
