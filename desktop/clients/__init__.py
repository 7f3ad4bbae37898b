"""Client profiles (客户档案): enterprises, institutions and individuals a desk serves."""

from desktop.clients.model import (
    CLIENT_FIELDS,
    CLIENT_KINDS,
    ClientData,
    field_label,
    kind_label,
)
from desktop.clients.service import (
    check_client,
    count_clients,
    delete_client,
    get_client,
    list_clients,
    save_client,
)
from desktop.clients.spreadsheet import ImportReport, export_clients, import_clients

find_clients = list_clients

__all__ = [
    "CLIENT_FIELDS", "CLIENT_KINDS", "ClientData", "ImportReport", "check_client",
    "count_clients", "delete_client", "export_clients", "field_label", "find_clients",
    "get_client", "import_clients", "kind_label", "list_clients", "save_client",
]
