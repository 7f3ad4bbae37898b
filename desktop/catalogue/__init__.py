"""Service-item catalogue and process guides (公共服务事项清单及办理流程指南), Qt-free.

Public module: :mod:`desktop.catalogue.api`.
"""
