"""Authoring: the daily work on report files.

One concern per module:

* :mod:`~reportascode.validate.placeholders`: the "to fill" placeholder (``待填``/``TODO``) and its finding FILL-01;
* :mod:`~reportascode.authoring.schema_nav`: what the schema says about one pointer (type, order of keys);
* :mod:`~reportascode.authoring.yamltext`: surgical text edits on YAML (spans from the parser, comments kept);
* :mod:`~reportascode.authoring.fmt`: ``rac fmt``; :mod:`~reportascode.authoring.setvalue`: ``rac set``;
* :mod:`~reportascode.authoring.newyear`: ``rac new-year``; :mod:`~reportascode.authoring.init`: ``rac init``;
* :mod:`~reportascode.authoring.timeline` and :mod:`~reportascode.authoring.ics`: ``rac timeline``;
* :mod:`~reportascode.authoring.editor`: ``rac schema`` (export, VS Code settings).

Nothing here prints; the CLI modules do.
"""
