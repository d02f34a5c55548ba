"""The "Complaint officers" group with the complaint permissions (complaints/groups.py)."""

from django.db import migrations


def create_officer_group(apps, schema_editor):
    from complaints.groups import setup_officer_group

    setup_officer_group(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("complaints", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_officer_group, migrations.RunPython.noop)]
