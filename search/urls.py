"""The search route, included inside the language-prefixed URL patterns."""

from django.urls import path

from search import views

urlpatterns = [path("search/", views.search, name="search")]
