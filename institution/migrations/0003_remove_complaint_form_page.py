"""The form-builder complaint page is replaced by the complaints app (complaints.ComplaintPage).

Its pages (with their submissions, revisions and translation sources) are deleted first, so no
page of a type that no longer exists is left in the tree; no production data exists.
"""

from django.db import migrations

STEP_LENGTH = 4  # treebeard's path step


def delete_complaint_form_pages(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    FormSubmission = apps.get_model("wagtailforms", "FormSubmission")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")

    content_type = ContentType.objects.filter(
        app_label="institution", model="complaintformpage"
    ).first()
    if content_type is None:
        return
    pages = Page.objects.filter(content_type=content_type)
    page_ids = list(pages.values_list("pk", flat=True))
    parent_paths = {path[:-STEP_LENGTH] for path in pages.values_list("path", flat=True)}
    FormSubmission.objects.filter(page_id__in=page_ids).delete()
    # The form-builder models' rows go first, without loading them (their historical classes
    # keep the form builder's __init__, which needs attributes a migration state lacks).
    for model_name in ("ComplaintFormField", "ComplaintFormPage"):
        queryset = apps.get_model("institution", model_name).objects.all()
        queryset._raw_delete(queryset.db)
    Revision.objects.filter(
        content_type=content_type, object_id__in=[str(pk) for pk in page_ids]
    ).delete()
    TranslationSource.objects.filter(specific_content_type=content_type).delete()
    pages.delete()
    for parent in Page.objects.filter(path__in=parent_paths):
        parent.numchild = Page.objects.filter(
            path__startswith=parent.path, depth=parent.depth + 1
        ).count()
        parent.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [
        ("institution", "0002_complaintformpage_complaintformfield"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailforms", "0005_alter_formsubmission_form_data"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.RunPython(delete_complaint_form_pages, migrations.RunPython.noop),
        migrations.DeleteModel(name="ComplaintFormField"),
        migrations.DeleteModel(name="ComplaintFormPage"),
    ]
