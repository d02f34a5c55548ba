"""URLs of the accessibility admin area, mounted under /admin/accessibility/."""

from django.urls import path

from accessibility.admin import views

app_name = "accessibility_admin"

urlpatterns = [
    path("", views.ReportView.as_view(), name="report"),
    path("runs/start/", views.StartRunView.as_view(), name="start_run"),
    path("runs/<int:pk>/progress/", views.RunProgressView.as_view(), name="run_progress"),
    path("runs/<int:pk>/cancel/", views.CancelRunView.as_view(), name="cancel_run"),
    path("results/<int:pk>/", views.ResultDetailView.as_view(), name="result"),
    path("pages/<int:page_id>/", views.PageAuditView.as_view(), name="page"),
]
