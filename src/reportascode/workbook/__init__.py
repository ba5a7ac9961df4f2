"""The workbook round trip: ``rac workbook export`` writes a fill-in XLSX for a report, ``rac workbook import``
reads it back as a reviewed change (three-way checked, comment-preserving edits, validated).

* :mod:`~reportascode.workbook.sheetlayout`: which field goes to which sheet, row and column;
* :mod:`~reportascode.workbook.cellkinds`: a field's cell kind and the conversions both ways;
* :mod:`~reportascode.workbook.anchors`: the hidden anchors (report, year, company, cells, base values);
* :mod:`~reportascode.workbook.export` / :mod:`~reportascode.workbook.reading`: openpyxl, written and read;
* :mod:`~reportascode.workbook.threeway`: base, repository and workbook compared field by field;
* :mod:`~reportascode.workbook.yamlapply`: the change made with ``rac set``'s editor;
* :mod:`~reportascode.workbook.importer` / :mod:`~reportascode.workbook.outcome`: the import and its report.
"""
