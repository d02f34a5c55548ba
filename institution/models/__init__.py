"""The institution's page types, split by domain; imported here so Django finds them."""

from institution.models.offices import OfficeIndexPage, OfficePage
from institution.models.pages import ContactPage, FaqPage, StandardPage
from institution.models.publications import (
    PublicationFile,
    PublicationIndexPage,
    PublicationPage,
    PublicationType,
)

__all__ = [
    "ContactPage",
    "FaqPage",
    "OfficeIndexPage",
    "OfficePage",
    "PublicationFile",
    "PublicationIndexPage",
    "PublicationPage",
    "PublicationType",
    "StandardPage",
]
