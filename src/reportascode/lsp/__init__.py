"""``rac lsp``: a language server that shows the findings of ``rac validate`` in an editor while the user types.

Everything here reuses the engines of the command line (the loader, :func:`validate_reports`, the rule catalogue,
the schemas, ``rac fmt``); the modules only translate between them and the Language Server Protocol. pygls is
imported by :mod:`reportascode.lsp.server` alone, so nothing else of rac pays for it.
"""
