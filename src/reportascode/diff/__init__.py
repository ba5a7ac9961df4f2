"""Semantic diffs of reports: field-level changes between two revisions or two years, not between two texts.

* :mod:`~reportascode.diff.compare`: the engine, two plain-data documents → :class:`Change` records;
* :mod:`~reportascode.model.keys`: the natural key of each list (branches by id, trunks by id, …);
* :mod:`~reportascode.diff.labels`: field names from the schemas' titles;
* :mod:`~reportascode.diff.sources`: reading a report from a folder, a year or a git revision;
* :mod:`~reportascode.diff.report`: two sources → a :class:`ReportDiff`;
* :mod:`~reportascode.diff.formats`: text, markdown and json;
* :mod:`~reportascode.diff.textconv` and :mod:`~reportascode.diff.gitsetup`: ``git diff`` integration.

Import the modules themselves: this package imports nothing, so that ``rac log`` and ``rac blame`` (which use only
the engine) do not load the schema labels and sources.
"""
