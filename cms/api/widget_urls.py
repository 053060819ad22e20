from django.urls import path

from . import views

urlpatterns = [
    path("", views.widget_frame, name="widget_frame"),
    path("demo/", views.widget_demo, name="widget_demo"),
]
