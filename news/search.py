"""How the site search shows a news item in its results (the result line of its PageSearch)."""


def result_line(page):
    """The date beside the title. The result template writes a full date, so a date the sources give
    as a year only is left out rather than shown as the 1st of January."""
    return {"status": None, "date": None if page.year_only else page.date, "date_label": None}
