from django.urls import path

from . import views

app_name = "participation"

urlpatterns = [
    path("events/<int:page_id>/register/", views.register, name="register"),
    path("registrations/<str:token>/", views.registration_status, name="registration"),
    path("registrations/<str:token>/cancel/", views.cancel_registration, name="cancel"),
    path("calls/<int:page_id>/interest/", views.express_interest, name="interest"),
    path("interest/<str:token>/", views.interest_status, name="interest_status"),
]
