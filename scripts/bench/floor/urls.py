from django.http import HttpResponse
from django.urls import path

# About 2 KB of HTML, the size of a small page.
PAGE = (
    "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Floor</title></head><body><main>"
    + "<p>The fastest page a Django project with the default middleware serves.</p>" * 26
    + "</main></body></html>"
)


def floor(request):
    return HttpResponse(PAGE)


urlpatterns = [path("", floor)]
