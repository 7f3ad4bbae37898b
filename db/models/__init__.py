"""All tables.  One module per capability; importing this package registers them all."""

from db.base import Base
from db.models.catalogue import CatalogueItem, CatalogueItemHistory
from db.models.clients import Client
from db.models.forms import FormDocument
from db.models.library import LibraryBatch, LibraryRecord
from db.models.settings import Setting
from db.models.visits import PersonalDataExport, Visit, VisitItem, VisitTopic

__all__ = ["Base", "CatalogueItem", "CatalogueItemHistory", "Client", "FormDocument",
           "LibraryBatch", "LibraryRecord", "PersonalDataExport", "Setting", "Visit",
           "VisitItem", "VisitTopic"]
