"""Rendering: a report's documents (HTML, DOCX, XLSX, PDF, Markdown) from its data, labels and findings.

Heavy imports (jinja2, python-docx, openpyxl, WeasyPrint) live only in these modules and are imported when a
document is rendered, never on the ``validate`` path.
"""
