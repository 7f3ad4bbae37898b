"""All tables.  One module per capability; importing this package registers them all."""

from db.base import Base
from db.models.catalogue import CatalogueItem, CatalogueItemHistory
from db.models.clients import Client
from db.models.forms import FormDocument
from db.models.library import LibraryBatch, LibraryRecord
from db.models.network import AuditEntry, ChangeLog, DeskProfile
from db.models.settings import Setting
from db.models.visits import PersonalDataExport, Visit, VisitItem, VisitTopic

__all__ = ["AuditEntry", "Base", "CatalogueItem", "CatalogueItemHistory", "ChangeLog", "Client",
           "DeskProfile", "FormDocument", "LibraryBatch", "LibraryRecord", "PersonalDataExport", "Setting", "Visit",
           "VisitItem", "VisitTopic"]
