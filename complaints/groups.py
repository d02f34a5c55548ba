"""The "Complaint officers" group: the only non-superusers who see complaints.

Its members hold complaints.view_complaint (see and export cases, download files),
change_complaint (status, assignee, notes) and delete_complaint, plus access to the admin.
"""

from django.apps import apps as global_apps

OFFICER_GROUP_NAME = "Complaint officers"
OFFICER_PERMISSIONS = (
    ("complaints", "view_complaint"),
    ("complaints", "change_complaint"),
    ("complaints", "delete_complaint"),
    ("wagtailadmin", "access_admin"),
)


def setup_officer_group(apps=global_apps):
    """Create or refresh the group (also from a migration, with its historical `apps`)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    # Permissions are normally created after all migrations; a data migration needs them now.
    # (Wagtail's access_admin is made by wagtailadmin's first migration.)
    complaint_type, _created = ContentType.objects.get_or_create(
        app_label="complaints", model="complaint"
    )
    for action in ("view", "change", "delete", "add"):
        Permission.objects.get_or_create(
            content_type=complaint_type,
            codename=f"{action}_complaint",
            defaults={"name": f"Can {action} complaint"},
        )
    group, _created = Group.objects.get_or_create(name=OFFICER_GROUP_NAME)
    for app_label, codename in OFFICER_PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return group
