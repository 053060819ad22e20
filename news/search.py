"""How the site search shows a news item in its results (the result line of its PageSearch)."""


def result_line(page):
    """The date beside the title; the year alone where the sources give only the year."""
    return {"date": page.date, "year_only": page.year_only}
