"""The complaint form as a visitor uses it: labelled fields, an error summary, a thank-you page."""

import re

from wagtail.contrib.forms.models import FormSubmission

from institution.models import ComplaintFormPage
from tests.institution.demo_site import LANGUAGES, DemoSiteTestCase

VALID_ANSWERS = {
    "full_name": "Leyla Məmmədova",
    "email": "leyla@example.org",
    "authority": "District housing department",
    "what_happened": "My pension has not been paid since March.",
    "in_court": "No",
}


class ComplaintFormTests(DemoSiteTestCase):
    def form_page(self, language):
        return ComplaintFormPage.objects.get(locale__language_code=language)

    def test_every_field_has_a_label_in_the_visitors_language(self):
        first_labels = {"az": "Adınız və soyadınız", "en": "Your full name", "ru": "Ваше имя"}
        for language in LANGUAGES:
            with self.subTest(language=language):
                html = self.client.get(self.form_page(language).url).content.decode()
                start = html.index('<form class="complaint-form"')
                form = html[start : html.index("</form>", start)]
                self.assertIn(first_labels[language], form)
                controls = re.findall(r'<(?:input|textarea)\b[^>]*\bid="([^"]+)"', form)
                labelled = set(re.findall(r'<label for="([^"]+)"', form))
                self.assertEqual(len(controls), 7)
                self.assertTrue(set(controls) <= labelled, set(controls) - labelled)
                self.assertIn("<legend>", form)

    def test_a_form_with_mistakes_is_returned_with_a_linked_error_summary(self):
        page = self.form_page("en")
        response = self.client.post(page.url, {"full_name": "Ali", "email": "not-an-address"})
        self.assertEqual(response.status_code, 400)
        html = response.content.decode()
        self.assertIn("<title>Error:", html)
        summary = html[html.index('<div class="error-summary"') :]
        summary = summary[: summary.index("</div>")]
        self.assertIn("autofocus", summary)
        targets = re.findall(r'href="#([^"]+)"', summary)
        self.assertEqual(targets, ["id_email", "id_authority", "id_what_happened", "id_in_court_0"])
        for target in targets:
            self.assertIn(f'id="{target}"', html)
        self.assertIn('aria-describedby="id_email_helptext id_email_error"', html)
        self.assertIn('value="Ali"', html)  # what the visitor typed is kept
        self.assertFalse(FormSubmission.objects.exists())

    def test_errors_are_explained_in_the_visitors_language(self):
        response = self.client.post(self.form_page("ru").url, {})
        html = response.content.decode()
        self.assertEqual(response.status_code, 400)
        self.assertIn('<html lang="ru"', html)
        self.assertIn("Требуется заполнить это поле.", html)
        self.assertNotIn("This field is required", html)

    def test_a_complete_complaint_is_stored_and_thanked(self):
        page = self.form_page("en")
        response = self.client.post(page.url, VALID_ANSWERS)
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn("<h1>Your complaint has been sent</h1>", html)
        self.assertIn("within 10 working days", html)
        submission = FormSubmission.objects.get(page=page)
        self.assertEqual(submission.get_data()["what_happened"], VALID_ANSWERS["what_happened"])

    def test_submissions_of_every_language_use_the_same_field_names(self):
        answers = {**VALID_ANSWERS, "in_court": "Нет"}
        self.client.post(self.form_page("ru").url, answers)
        submission = FormSubmission.objects.get(page=self.form_page("ru"))
        self.assertEqual(submission.get_data()["full_name"], "Leyla Məmmədova")
        self.assertEqual(submission.get_data()["in_court"], "Нет")
