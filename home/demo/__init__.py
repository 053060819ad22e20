"""The home app's demo content: ``content_de.py`` (the site root, the site's own pages, the site
settings) and its translations in ``locale/``."""
