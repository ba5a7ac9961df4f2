"""Trends across years: per-year metrics of an entity's reports, charts, the dashboard and the multi-year document.

* :mod:`~reportascode.trends.metrics`: pure functions from reports (and their findings) to per-year metrics;
* :mod:`~reportascode.trends.trends_output`: ``rac trends`` output as text, JSON or CSV;
* :mod:`~reportascode.trends.charts`: the charts, drawn by matplotlib (the optional ``charts`` extra);
* :mod:`~reportascode.trends.document`: the multi-year document and the dashboard section of ``build/index.html``.

The years of reports are an asset to show banks, carriers and investors, but most of these figures (AI seat
ratio, complaint rate, revenue per seat) have no regulatory source: every output calls them internal KPIs.
"""
