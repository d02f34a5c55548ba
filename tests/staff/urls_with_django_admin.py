"""The site's URLs with Django's own admin mounted at /django-admin/, as a deployment might."""

from django.contrib import admin
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("django-admin/", admin.site.urls), *site_urlpatterns]
