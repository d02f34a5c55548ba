"""URLs of the two-factor screens, mounted under the admin by `wagtail_hooks`."""

from django.urls import path

from staff import views

app_name = "staff_two_factor"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("setup/", views.setup, name="setup"),
    path("verify/", views.verify, name="verify"),
    path("recover/", views.recover, name="recover"),
    path("recovery-codes/", views.recovery_codes, name="recovery_codes"),
    path("turn-off/", views.disable, name="disable"),
]
